package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.awaitRow;
import static it.flightdeck.Agents.send;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The review surface over a real git repository while the real Claude CLI, driven by the scripted
 * model, changes files over several turns: each turn's diff, the cumulative diff and the current diff.
 */
class ReviewDiffIT {
    @RegisterExtension
    static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();

    /** A diff as file → its changed lines ("+x" / "-y"), in order; headers and context left out. */
    static Map<String, List<String>> changes(String diff) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : diff.split("\n")) {
            if (line.startsWith("diff --git ")) {
                current = new java.util.ArrayList<>();
                out.put(line.substring(line.lastIndexOf(" b/") + 3), current);
            } else if (current != null && (line.startsWith("+") || line.startsWith("-"))
                    && !line.startsWith("+++ ") && !line.startsWith("--- ")) {
                current.add(line);
            }
        }
        return out;
    }

    static JsonObject review(String sessionId) {
        Api.Resp r = Api.get("/api/sessions/" + sessionId + "/review");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** One turn that runs a shell command, approved when asked. */
    static void turn(Ws ws, String sessionId, String command) throws InterruptedException {
        assertThat(send(sessionId, "RUN_BASH " + command).status()).isEqualTo(202);
        String rid = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                .getJsonObject("request").getString("id");
        Api.post("/api/sessions/" + sessionId + "/approvals/requests/" + rid + "/decision", "{\"decision\":\"approved\"}");
        awaitDetail(sessionId, Agents::idle, 60);
    }

    @Test
    void eachTurnsDiffTheCumulativeDiffAndTheCurrentDiffAreExact() throws Exception {
        Path repo = GitRepo.create("fd-review-diff-", "README.md", "hello\nworld\n", "old.txt", "bye\n");
        Api.Resp created = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + repo + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().getString("session_id");
        try (Ws ws = Agents.subscribe(id)) {
            ws.send("{\"type\":\"subscribe_session_surface\",\"session_id\":\"" + id + "\",\"surface\":\"review\"}");
            turn(ws, id, "printf 'one\\ntwo\\n' > notes.txt && printf 'hello\\nWORLD\\n' > README.md");
            JsonObject snapshot = ws.await(f -> "turn_diff_snapshot".equals(f.getString("type", "")), 30);
            assertThat(snapshot.getString("turn_id")).isEqualTo("turn-1");

            JsonObject first = review(id);
            JsonObject listed = Api.get("/api/sessions/summary").json().getJsonArray("active_sessions").stream()
                    .map(v -> v.asJsonObject()).filter(o -> id.equals(o.getString("id"))).findFirst().orElseThrow();
            assertThat(listed.getBoolean("has_turn_diff")).isTrue();
            JsonArray turns = first.getJsonArray("turn_diffs");
            assertThat(turns).hasSize(1);
            assertThat(turns.getJsonObject(0).getString("diff")).isEqualTo(snapshot.getString("diff"));
            assertThat(changes(turns.getJsonObject(0).getString("diff"))).isEqualTo(Map.of("README.md", List.of("-world", "+WORLD"), "notes.txt", List.of("+one", "+two")));
            assertThat(turns.getJsonObject(0).getJsonObject("token_usage").getJsonNumber("input_tokens").longValue()).as("the turn's tokens come with its diff").isGreaterThan(0);
            assertThat(changes(first.getString("current_diff"))).as("untracked files are part of the current diff").isEqualTo(Map.of("README.md", List.of("-world", "+WORLD"), "notes.txt", List.of("+one", "+two")));

            // The second turn commits part of its work: turn and cumulative diffs do not care, the current diff does.
            turn(ws, id, "printf 'one\\n2\\n' > notes.txt && rm old.txt && printf '\\000\\001\\002' > blob.bin"
                    + " && git add notes.txt && git commit -qm partial");
            JsonObject second = review(id);
            turns = second.getJsonArray("turn_diffs");
            assertThat(turns).hasSize(2);
            assertThat(turns.getJsonObject(1).getString("turn_id")).isEqualTo("turn-2");
            assertThat(changes(turns.getJsonObject(1).getString("diff"))).isEqualTo(Map.of("notes.txt", List.of("-two", "+2"), "old.txt", List.of("-bye"), "blob.bin", List.of()));
            assertThat(turns.getJsonObject(1).getString("diff")).as("a binary file is summarized, not dumped").contains("Binary files /dev/null and b/blob.bin differ");
            assertThat(changes(second.getString("cumulative_diff"))).isEqualTo(Map.of("README.md", List.of("-world", "+WORLD"), "notes.txt", List.of("+one", "+2"),
                    "old.txt", List.of("-bye"), "blob.bin", List.of()));
            assertThat(changes(second.getString("current_diff"))).isEqualTo(Map.of("README.md", List.of("-world", "+WORLD"), "old.txt", List.of("-bye"), "blob.bin", List.of()));
            assertThat(second.getJsonNumber("revision").longValue()).isGreaterThan(first.getJsonNumber("revision").longValue());

            // A file-writing tool call shows its change line by line.
            Path written = repo.resolve("written.txt");
            assertThat(send(id, "WRITE_FILE " + written).status()).isEqualTo(202);
            String rid = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request").getString("id");
            Api.post("/api/sessions/" + id + "/approvals/requests/" + rid + "/decision", "{\"decision\":\"approved\"}");
            JsonObject row = awaitRow(ws, r -> "tool".equals(r.getString("row_type", ""))
                    && "completed".equals(r.getString("status", "")) && r.getString("title", "").contains("Write"), 60);
            assertThat(row.getJsonObject("row").getString("family")).isEqualTo("file_change");
            JsonObject content = Api.get("/api/sessions/" + id + "/conversation/rows/"
                    + row.getJsonObject("row").getString("id") + "/content").json();
            JsonArray lines = content.getJsonArray("diff_display");
            assertThat(lines).as(content.toString()).hasSize(1);
            assertThat(lines.getJsonObject(0).getString("type")).isEqualTo("added");
            assertThat(lines.getJsonObject(0).getString("line")).isEqualTo(ScriptedModel.WRITTEN.strip());
            assertThat(lines.getJsonObject(0).getInt("line_number")).isEqualTo(1);
            awaitDetail(id, Agents::idle, 60);
            assertThat(changes(review(id).getJsonArray("turn_diffs").getJsonObject(2).getString("diff"))).isEqualTo(Map.of("written.txt", List.of("+" + ScriptedModel.WRITTEN.strip())));
        }
        Api.post("/api/sessions/" + id + "/lifecycle/end", "{}");
    }

    @Test
    void aSessionOutsideGitHasNoDiffsAndAnUnknownOneIs404() throws Exception {
        Agents.Session s = Agents.create();
        JsonObject r = review(s.id());
        assertThat(r.getJsonArray("turn_diffs")).isEmpty();
        assertThat(!r.containsKey("current_diff") || r.isNull("current_diff")).isTrue();
        assertThat(Api.get("/api/sessions/od-00000000-0000-0000-0000-000000000000/review").status()).isEqualTo(404);
        Api.post("/api/sessions/" + s.id() + "/lifecycle/end", "{}");
    }
}
