package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every route the server's own OpenAPI document lists, sent bodies no client should send: malformed,
 * nested a hundred thousand deep, of the wrong JSON type, or with every field of the wrong type. Each
 * is refused with a 4xx envelope (or answered as if no body came), never a 500 and never a trace.
 */
class HostileBodiesIT {
    static final List<String> FIELDS = List.of("content", "provider", "cwd", "name", "summary", "decision",
            "num_turns", "command", "repo_path", "branch_name", "base_branch", "label", "body", "type", "session_id",
            "model", "effort", "images", "answers", "scope", "target_id", "message_id", "request_id", "expires_at",
            "kind", "path", "turn_id", "tag", "line_start", "line_end", "file_path", "nth_user_message",
            "permission_mode", "developer_instructions", "timeout_secs", "worktree_id", "mode", "comment_ids",
            "hook_event_name", "prompt", "tool_input", "permissions", "mentions", "skills", "initial_prompt",
            "key", "provider_strategy", "primary_provider", "secondary_provider");

    static List<String> bodies() {
        JsonObjectBuilder arrays = Json.createObjectBuilder();
        JsonObjectBuilder numbers = Json.createObjectBuilder();
        JsonObjectBuilder objects = Json.createObjectBuilder();
        for (String f : FIELDS) {
            JsonArrayBuilder a = Json.createArrayBuilder().add(1).add(Json.createObjectBuilder().add("x", "y"));
            arrays.add(f, a);
            numbers.add(f, -1.5e300);
            objects.add(f, Json.createObjectBuilder().add("nested", Json.createArrayBuilder().add("z")));
        }
        return List.of("{", "{\"content\":", "[".repeat(100_000) + "]".repeat(100_000),
                "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000), "[1,2,3]", "\"text\"", "null", "12",
                arrays.build().toString(), numbers.build().toString(), objects.build().toString(),
                "{\"content\":\"\\ud800\",\"name\":\"\\u0000\",\"cwd\":\"/tmp/\\u0000x\",\"repo_path\":\"\\u0000\"}");
    }

    @Test
    void noBodyOnAnyRouteMakesA500() throws Exception {
        String session = Api.createSession();
        assertThat(Api.post("/api/sessions/" + session + "/lifecycle/end", "{}").status()).isEqualTo(200);
        JsonObject spec = Json.createReader(new StringReader(Api.send(HttpRequest.newBuilder(
                URI.create(Api.BASE + "/openapi")).header("Accept", "application/json").build()).body())).readObject();
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, jakarta.json.JsonValue> path : spec.getJsonObject("paths").entrySet()) {
            String url = path.getKey().replace("{id}", path.getKey().startsWith("/api/sessions/") ? session : "x1")
                    .replaceAll("\\{[a-z_]+}", "x1");
            for (String method : path.getValue().asJsonObject().keySet()) {
                if (!List.of("post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                for (String body : bodies()) {
                    Api.Resp r = call(method.toUpperCase(), url, body);
                    calls++;
                    String problem = url.equals(PLAIN_TEXT_ERRORS) ? plainTextProblem(r) : problem(r);
                    if (problem != null) {
                        problems.add(method.toUpperCase() + " " + url + " with " + abbreviate(body) + ": " + problem);
                    }
                }
            }
        }
        assertThat(calls).as("routes were found in the OpenAPI document").isGreaterThan(300);
        assertThat(problems).isEmpty();
    }

    @Test
    void pathsWithANulAndTextsLongerThanTheirColumnsAre400s() throws Exception {
        String hookId = java.util.UUID.randomUUID().toString();
        String dir = java.nio.file.Files.createTempDirectory("fd-hostile-").toString();
        Map<String, Api.Resp> answers = new java.util.LinkedHashMap<>();
        answers.put("hook cwd with a NUL", Api.post("/api/hook", Json.createObjectBuilder()
                .add("type", "claude_session_start").add("session_id", hookId).add("cwd", "/tmp/\u0000x").build().toString()));
        answers.put("hook transcript_path too long", Api.post("/api/hook", Json.createObjectBuilder()
                .add("type", "claude_session_start").add("session_id", hookId).add("cwd", dir)
                .add("transcript_path", "/" + "t".repeat(5000)).build().toString()));
        assertThat(Api.post("/api/hook", Json.createObjectBuilder().add("type", "claude_session_start")
                .add("session_id", hookId).add("cwd", dir).build().toString()).status()).isEqualTo(204);
        answers.put("hook end reason too long", Api.post("/api/hook", Json.createObjectBuilder()
                .add("type", "claude_session_end").add("session_id", hookId).add("reason", "r".repeat(300)).build().toString()));
        answers.put("worktree repo_path with a NUL", Api.post("/api/worktrees", Json.createObjectBuilder()
                .add("repo_path", "/tmp/\u0000x").add("branch_name", "b").build().toString()));
        answers.put("discover repo_path with a NUL", Api.post("/api/worktrees/discover", Json.createObjectBuilder()
                .add("repo_path", "/tmp/\u0000x").build().toString()));
        answers.put("worktrees repo_root with a NUL", Api.get("/api/worktrees?repo_root=/tmp/%00x"));
        answers.put("skills cwd with a NUL", Api.get("/api/sessions/" + Api.createSession() + "/skills?cwd=/tmp/%00x"));
        answers.put("session cwd with a NUL", Api.post("/api/sessions", Json.createObjectBuilder().add("provider", "claude")
                .add("cwd", "/tmp/\u0000x").build().toString()));
        answers.forEach((what, r) -> {
            assertThat(r.status()).as(what + ": " + r.body()).isBetween(400, 499);
            assertThat(problem(r)).as(what).isNull();
        });
        assertThat(HooksIT.findByProject(dir)).as("the refused end left the session open").isNotNull();
    }

    static Api.Resp call(String method, String path, String body) {
        return Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Api.token()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The contract answers start-upgrade's 404 and 409 in plain text, not the envelope. */
    static final String PLAIN_TEXT_ERRORS = "/api/server/start-upgrade";

    static String plainTextProblem(Api.Resp r) {
        if ((r.status() == 404 || r.status() == 409) && r.header("Content-Type") != null
                && r.header("Content-Type").startsWith("text/plain")) {
            return r.body().isBlank() || r.body().contains("Exception") || r.body().contains("\tat ")
                    ? "a blank or traced plain-text refusal: " + abbreviate(r.body()) : null;
        }
        return problem(r);
    }

    /** What is wrong with the answer, or null. */
    static String problem(Api.Resp r) {
        if (r.status() >= 500 && r.status() != 503 && r.status() != 504) {
            return "status " + r.status() + " " + abbreviate(r.body());
        }
        if (r.body().contains("Exception") || r.body().contains("\tat ")) {
            return "a trace or class name in " + abbreviate(r.body());
        }
        if (r.status() >= 400) {
            try {
                JsonObject e = Json.createReader(new StringReader(r.body())).readObject();
                if (e.getString("code", "").isBlank() || e.getString("error", "").isBlank()) {
                    return "no {code, error} envelope: " + abbreviate(r.body());
                }
            } catch (RuntimeException notJson) {
                return "not JSON: " + abbreviate(r.body());
            }
        }
        return null;
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
    }
}
