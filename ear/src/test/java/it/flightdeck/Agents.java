package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Driving a real agent session from the tests: create, subscribe, send, and wait for what it does. */
public final class Agents {
    private Agents() {
    }

    public record Session(String id, Path dir) {
    }

    public static Session create() throws IOException {
        Path dir = Files.createTempDirectory("fd-claude-");
        Api.Resp r = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + dir + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new Session(r.json().getString("session_id"), dir);
    }

    public static Ws subscribe(String sessionId) throws InterruptedException {
        Ws ws = Ws.connect(Api.token());
        ws.awaitType("server_info");
        ws.send("{\"type\":\"subscribe_session_surface\",\"session_id\":\"" + sessionId
                + "\",\"surface\":\"conversation\"}");
        return ws;
    }

    public static Api.Resp send(String sessionId, String content) {
        return Api.post("/api/sessions/" + sessionId + "/conversation/messages",
                jakarta.json.Json.createObjectBuilder().add("content", content).build().toString());
    }

    /** Waits for a row with these properties to arrive in a conversation_rows_changed frame. */
    /**
     * Waits until a row that matches has been upserted and a frame of {@code type} has arrived, in
     * either order (one CLI reports the row first, another the event); returns that frame.
     */
    public static JsonObject awaitRowAndFrame(Ws ws, Predicate<JsonObject> row, String type, long seconds)
            throws InterruptedException {
        boolean[] rowSeen = {false};
        JsonObject[] frame = {null};
        ws.await(f -> {
            if (type.equals(f.getString("type", ""))) {
                frame[0] = frame[0] == null ? f : frame[0];
            } else if ("conversation_rows_changed".equals(f.getString("type", ""))) {
                for (JsonValue v : f.getJsonArray("upserted")) {
                    rowSeen[0] |= row.test(v.asJsonObject().getJsonObject("row"));
                }
            }
            return rowSeen[0] && frame[0] != null;
        }, seconds);
        return frame[0];
    }

    public static JsonObject awaitRow(Ws ws, Predicate<JsonObject> row, long seconds) throws InterruptedException {
        JsonObject[] found = new JsonObject[1];
        ws.await(f -> {
            if (!"conversation_rows_changed".equals(f.getString("type", ""))) {
                return false;
            }
            for (JsonValue v : f.getJsonArray("upserted")) {
                JsonObject r = v.asJsonObject().getJsonObject("row");
                if (row.test(r)) {
                    found[0] = v.asJsonObject();
                    return true;
                }
            }
            return false;
        }, seconds);
        return found[0];
    }

    public static JsonObject detail(String id) {
        return Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session");
    }

    public static void awaitDetail(String id, Predicate<JsonObject> cond, long seconds) {
        Await.until("session " + id + " reaching the expected state", () -> detail(id), cond, Duration.ofSeconds(seconds));
    }

    public static boolean idle(JsonObject s) {
        return "waiting".equals(s.getString("work_status")) && !s.containsKey("current_turn_id");
    }

    /** Ends the session and checks that no process of its tree is left. */
    public static void end(Session s) throws Exception {
        Api.Resp ended = Api.post("/api/sessions/" + s.id() + "/lifecycle/end", "{}");
        assertThat(ended.status()).isEqualTo(200);
        Await.until("the agent of " + s.id() + " to be gone", () -> agentProcesses(s.dir()), List::isEmpty,
                Duration.ofSeconds(10));
    }

    /** Processes whose working directory is the session's directory: the agent and anything it spawned there. */
    public static List<Long> agentProcesses(Path dir) {
        List<Long> pids = new ArrayList<>();
        // /proc shows the resolved path, so a symlinked temp directory must be resolved too.
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            return pids;
        }
        ProcessHandle.allProcesses().forEach(p -> {
            try {
                Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd"));
                if (cwd.equals(real) && p.isAlive()) {
                    pids.add(p.pid());
                }
            } catch (IOException | UnsupportedOperationException e) {
                // Not ours to read, or already gone.
            }
        });
        return pids;
    }

    /**
     * The server's CODEX_HOME (server.env) names only the scripted model, plus these lines of
     * config.toml; Codex reads it when each app-server starts.
     */
    /** A direct Codex session in a new directory, with these extra fields of the create body ({@code ,"k":v…}). */
    public static Session createCodex(String extraFields) throws IOException {
        Path dir = Files.createTempDirectory("fd-codex-");
        Api.Resp r = Api.post("/api/sessions", "{\"provider\":\"codex\",\"cwd\":\"" + dir + "\"" + extraFields + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new Session(r.json().getString("session_id"), dir);
    }

    /**
     * The server's CODEX_HOME as a fresh install has it, with no config.toml: Codex's own default
     * provider, which needs an OpenAI login. Test classes that point Codex at the scripted model
     * leave it so; a class that depends on the default starts with this.
     */
    public static void unconfigureCodex() throws IOException {
        Files.deleteIfExists(Api.DATA_DIR.resolve("codex-home").resolve("config.toml"));
    }

    public static void configureCodex(int port, String... extra) throws IOException {
        Path home = Api.DATA_DIR.resolve("codex-home");
        Files.createDirectories(home);
        List<String> lines = new ArrayList<>(List.of("model = \"gpt-scripted\"", "model_provider = \"scripted\""));
        lines.addAll(List.of(extra));
        lines.addAll(List.of("", "[model_providers.scripted]", "name = \"scripted\"",
                "base_url = \"http://127.0.0.1:" + port + "/v1\"", "wire_api = \"responses\"", ""));
        Files.writeString(home.resolve("config.toml"), String.join("\n", lines));
    }
}
