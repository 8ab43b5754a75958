package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.awaitRow;
import static it.flightdeck.Agents.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    /** One turn that runs a shell command, approved when asked. */
    static void turn(Ws ws, String sessionId, String command) throws InterruptedException {
        assertEquals(202, send(sessionId, "RUN_BASH " + command).status());
        String rid = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                .getJsonObject("request").getString("id");
        Api.post("/api/sessions/" + sessionId + "/approvals/requests/" + rid + "/decision", "{\"decision\":\"approved\"}");
        awaitDetail(sessionId, Agents::idle, 60);
    }

    @Test
    void eachTurnsDiffTheCumulativeDiffAndTheCurrentDiffAreExact() throws Exception {
        Path repo = GitRepo.create("fd-review-diff-", "README.md", "hello\nworld\n", "old.txt", "bye\n");
        Api.Resp created = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + repo + "\"}");
        assertEquals(200, created.status(), created.body());
        String id = created.json().getString("session_id");
        try (Ws ws = Agents.subscribe(id)) {
            ws.send("{\"type\":\"subscribe_session_surface\",\"session_id\":\"" + id + "\",\"surface\":\"review\"}");
            turn(ws, id, "printf 'one\\ntwo\\n' > notes.txt && printf 'hello\\nWORLD\\n' > README.md");
            JsonObject snapshot = ws.await(f -> "turn_diff_snapshot".equals(f.getString("type", "")), 30);
            assertEquals("turn-1", snapshot.getString("turn_id"));

            JsonObject first = review(id);
            JsonObject listed = Api.get("/api/sessions/summary").json().getJsonArray("active_sessions").stream()
                    .map(v -> v.asJsonObject()).filter(o -> id.equals(o.getString("id"))).findFirst().orElseThrow();
            assertTrue(listed.getBoolean("has_turn_diff"));
            JsonArray turns = first.getJsonArray("turn_diffs");
            assertEquals(1, turns.size());
            assertEquals(snapshot.getString("diff"), turns.getJsonObject(0).getString("diff"));
            assertEquals(Map.of("README.md", List.of("-world", "+WORLD"), "notes.txt", List.of("+one", "+two")),
                    changes(turns.getJsonObject(0).getString("diff")));
            assertTrue(turns.getJsonObject(0).getJsonObject("token_usage").getJsonNumber("input_tokens").longValue() > 0,
                    "the turn's tokens come with its diff");
            assertEquals(Map.of("README.md", List.of("-world", "+WORLD"), "notes.txt", List.of("+one", "+two")),
                    changes(first.getString("current_diff")), "untracked files are part of the current diff");

            // The second turn commits part of its work: turn and cumulative diffs do not care, the current diff does.
            turn(ws, id, "printf 'one\\n2\\n' > notes.txt && rm old.txt && printf '\\000\\001\\002' > blob.bin"
                    + " && git add notes.txt && git commit -qm partial");
            JsonObject second = review(id);
            turns = second.getJsonArray("turn_diffs");
            assertEquals(2, turns.size());
            assertEquals("turn-2", turns.getJsonObject(1).getString("turn_id"));
            assertEquals(Map.of("notes.txt", List.of("-two", "+2"), "old.txt", List.of("-bye"), "blob.bin", List.of()),
                    changes(turns.getJsonObject(1).getString("diff")));
            assertTrue(turns.getJsonObject(1).getString("diff").contains("Binary files /dev/null and b/blob.bin differ"),
                    "a binary file is summarized, not dumped");
            assertEquals(Map.of("README.md", List.of("-world", "+WORLD"), "notes.txt", List.of("+one", "+2"),
                    "old.txt", List.of("-bye"), "blob.bin", List.of()), changes(second.getString("cumulative_diff")));
            assertEquals(Map.of("README.md", List.of("-world", "+WORLD"), "old.txt", List.of("-bye"), "blob.bin", List.of()),
                    changes(second.getString("current_diff")));
            assertTrue(second.getJsonNumber("revision").longValue() > first.getJsonNumber("revision").longValue());

            // A file-writing tool call shows its change line by line.
            Path written = repo.resolve("written.txt");
            assertEquals(202, send(id, "WRITE_FILE " + written).status());
            String rid = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request").getString("id");
            Api.post("/api/sessions/" + id + "/approvals/requests/" + rid + "/decision", "{\"decision\":\"approved\"}");
            JsonObject row = awaitRow(ws, r -> "tool".equals(r.getString("row_type", ""))
                    && "completed".equals(r.getString("status", "")) && r.getString("title", "").contains("Write"), 60);
            assertNotNull(row);
            JsonObject content = Api.get("/api/sessions/" + id + "/conversation/rows/"
                    + row.getJsonObject("row").getString("id") + "/content").json();
            JsonArray lines = content.getJsonArray("diff_display");
            assertEquals(1, lines.size(), content.toString());
            assertEquals("added", lines.getJsonObject(0).getString("type"));
            assertEquals(ScriptedModel.WRITTEN.strip(), lines.getJsonObject(0).getString("line"));
            assertEquals(1, lines.getJsonObject(0).getInt("line_number"));
            awaitDetail(id, Agents::idle, 60);
            assertEquals(Map.of("written.txt", List.of("+" + ScriptedModel.WRITTEN.strip())),
                    changes(review(id).getJsonArray("turn_diffs").getJsonObject(2).getString("diff")));
        }
        Api.post("/api/sessions/" + id + "/lifecycle/end", "{}");
    }

    @Test
    void aSessionOutsideGitHasNoDiffsAndAnUnknownOneIs404() throws Exception {
        Agents.Session s = Agents.create();
        JsonObject r = review(s.id());
        assertEquals(0, r.getJsonArray("turn_diffs").size());
        assertTrue(!r.containsKey("current_diff") || r.isNull("current_diff"));
        assertEquals(404, Api.get("/api/sessions/od-00000000-0000-0000-0000-000000000000/review").status());
        Api.post("/api/sessions/" + s.id() + "/lifecycle/end", "{}");
    }
}
