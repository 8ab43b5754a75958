package it.flightdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Claude Code sessions run in a terminal, reported through POST /api/hook, and taken over. */
class HooksIT {
    static Api.Resp hook(JsonObject msg) {
        return Api.post("/api/hook", msg.toString());
    }

    static JsonObject findByProject(String path) {
        for (JsonValue v : Api.get("/api/sessions/summary").json().getJsonArray("active_sessions")) {
            if (path.equals(v.asJsonObject().getString("project_path"))) {
                return v.asJsonObject();
            }
        }
        return null;
    }

    @Test
    void hooksCreateAPassiveSessionWithRowsThatCanBeTakenOver() throws Exception {
        Path dir = Files.createTempDirectory("fd-hook-");
        String claudeId = UUID.randomUUID().toString();
        assertEquals(204, hook(Json.createObjectBuilder().add("type", "claude_session_start").add("session_id", claudeId)
                .add("cwd", dir.toString()).add("model", "claude-sonnet-4-5").add("source", "startup").build()).status());
        JsonObject listed = findByProject(dir.toString());
        assertEquals("passive", listed.getString("control_mode"));
        String id = listed.getString("id");

        hook(Json.createObjectBuilder().add("type", "claude_status_event").add("session_id", claudeId)
                .add("hook_event_name", "UserPromptSubmit").add("prompt", "fix the flaky test").build());
        hook(Json.createObjectBuilder().add("type", "claude_tool_event").add("session_id", claudeId)
                .add("hook_event_name", "PreToolUse").add("tool_name", "Bash").add("tool_use_id", "toolu_h1")
                .add("tool_input", Json.createObjectBuilder().add("command", "npm test")).build());
        hook(Json.createObjectBuilder().add("type", "claude_tool_event").add("session_id", claudeId)
                .add("hook_event_name", "PostToolUse").add("tool_name", "Bash").add("tool_use_id", "toolu_h1")
                .add("tool_input", Json.createObjectBuilder().add("command", "npm test"))
                .add("tool_response", Json.createObjectBuilder().add("stdout", "ok")).build());
        JsonObject working = Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session");
        assertEquals("working", working.getString("work_status"));
        assertTrue(working.getString("display_title").toLowerCase().contains("flaky test"), working.toString());
        assertFalse(working.getBoolean("accepts_user_input"), "a passive session is not driven by us");

        JsonObject page = Api.get("/api/sessions/" + id + "/conversation").json();
        assertEquals(2, page.getJsonNumber("total_row_count").longValue());
        JsonObject tool = page.getJsonArray("rows").getJsonObject(1).getJsonObject("row");
        assertEquals("completed", tool.getString("status"));
        assertEquals("shell", tool.getString("family"));

        assertEquals("turn-1", working.getString("current_turn_id"));
        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            long revision = Api.get("/api/sessions/" + id + "/detail").json().getJsonNumber("revision").longValue();
            ws.send("{\"type\":\"subscribe_session_surface\",\"session_id\":\"" + id
                    + "\",\"surface\":\"conversation\",\"since_revision\":" + revision + "}");
            hook(Json.createObjectBuilder().add("type", "claude_status_event").add("session_id", claudeId)
                    .add("hook_event_name", "Stop").build());
            // The delta says what the state says: the turn is over (it once kept a stale current_turn_id).
            JsonObject changes = ws.await(f -> "session_delta".equals(f.getString("type", ""))
                    && f.getJsonObject("changes").containsKey("work_status"), 30).getJsonObject("changes");
            assertEquals("waiting", changes.getString("work_status"));
            assertTrue(changes.isNull("current_turn_id"), changes.toString());
        }
        JsonObject stopped = Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session");
        assertEquals("waiting", stopped.getString("work_status"));
        assertFalse(stopped.containsKey("current_turn_id") && !stopped.isNull("current_turn_id"));

        assertEquals("invalid_request", Api.post("/api/sessions/" + id + "/lifecycle/takeover",
                "{\"permission_mode\":\"sometimes\"}").json().getString("code"), "a bad override refuses the takeover");
        Api.Resp taken = Api.post("/api/sessions/" + id + "/lifecycle/takeover",
                "{\"permission_mode\":\"acceptEdits\",\"model\":\"claude-sonnet-4\",\"unknown_field\":1}");
        assertEquals(200, taken.status(), taken.body());
        assertEquals(id, taken.json().getString("session_id"));
        assertTrue(taken.json().getBoolean("accepted"));
        JsonObject direct = taken.json().getJsonObject("session_detail_snapshot").getJsonObject("session");
        assertEquals("direct", direct.getString("control_mode"));
        assertTrue(direct.getBoolean("accepts_user_input"));
        assertEquals("acceptEdits", direct.getString("permission_mode"), "the takeover's overrides apply");
        assertEquals("claude-sonnet-4", direct.getString("model"));
        assertEquals("not_passive", Api.post("/api/sessions/" + id + "/lifecycle/takeover", "{}").json().getString("code"));

        // Hooks of a session we now drive do not create a passive shadow of it.
        hook(Json.createObjectBuilder().add("type", "claude_status_event").add("session_id", claudeId)
                .add("hook_event_name", "UserPromptSubmit").add("prompt", "again").build());
        assertEquals(2, Api.get("/api/sessions/" + id + "/conversation").json().getJsonNumber("total_row_count").longValue());
        Api.post("/api/sessions/" + id + "/lifecycle/end", "{}");
    }

    @Test
    void aBodyThatIsNotAHookMessageIsRefused() {
        Api.Resp r = Api.post("/api/hook", "{\"type\":\"something_else\",\"session_id\":\"x\"}");
        assertEquals(400, r.status());
        assertEquals("invalid_request", r.json().getString("code"));
        assertEquals(400, Api.post("/api/hook", "{\"type\":\"claude_session_start\"}").status());
    }

    @Test
    void aTerminalSessionInARepositoryHasItsDiffsOnTheReviewSurface() throws Exception {
        Path repo = GitRepo.create("fd-hook-git-", "main.c", "int main;\n");
        String claudeId = UUID.randomUUID().toString();
        hook(Json.createObjectBuilder().add("type", "claude_session_start").add("session_id", claudeId)
                .add("cwd", repo.toString()).build());
        String id = findByProject(repo.toString()).getString("id");
        Files.writeString(repo.resolve("main.c"), "int main(void);\n");
        JsonObject review = Api.get("/api/sessions/" + id + "/review").json();
        assertTrue(review.getString("current_diff").contains("-int main;\n+int main(void);\n"), review.toString());
        assertEquals(review.getString("current_diff"), review.getString("cumulative_diff"));
        assertEquals(repo.toString(), Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session")
                .getString("repository_root"));
    }

    @Test
    void sessionEndFromTheHookEndsThePassiveSession() throws Exception {
        Path dir = Files.createTempDirectory("fd-hook-");
        String claudeId = UUID.randomUUID().toString();
        hook(Json.createObjectBuilder().add("type", "claude_session_start").add("session_id", claudeId)
                .add("cwd", dir.toString()).build());
        String id = findByProject(dir.toString()).getString("id");
        hook(Json.createObjectBuilder().add("type", "claude_session_end").add("session_id", claudeId)
                .add("reason", "logout").build());
        JsonObject s = Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session");
        assertEquals("ended", s.getString("status"));
        assertEquals("logout", s.getString("end_reason"));
        Api.Resp resume = Api.post("/api/sessions/" + id + "/lifecycle/resume", "{}");
        assertEquals(200, resume.status(), resume.body());
        assertEquals(id, resume.json().getString("session_id"));
        assertEquals("active", resume.json().getJsonObject("session").getString("status"));
        JsonObject reopened = resume.json().getJsonObject("session_detail_snapshot").getJsonObject("session");
        assertFalse(reopened.containsKey("end_reason") && !reopened.isNull("end_reason"), "resume clears the end");
        assertEquals("already_active", Api.post("/api/sessions/" + id + "/lifecycle/resume", "{}").json().getString("code"));
    }

    @Test
    void codexHooksMakeAPassiveCodexSession() throws Exception {
        Path dir = Files.createTempDirectory("fd-codex-hook-");
        String threadId = UUID.randomUUID().toString();
        assertEquals(204, hook(Json.createObjectBuilder().add("type", "codex_session_start").add("session_id", threadId)
                .add("cwd", dir.toString()).add("model", "gpt-5-codex").build()).status());
        JsonObject listed = findByProject(dir.toString());
        assertEquals("codex", listed.getString("provider"));
        assertEquals("passive", listed.getString("control_mode"));
        String id = listed.getString("id");
        hook(Json.createObjectBuilder().add("type", "codex_user_prompt_submit").add("session_id", threadId)
                .add("turn_id", "t1").add("prompt", "rename the module").build());
        hook(Json.createObjectBuilder().add("type", "codex_tool_event").add("session_id", threadId)
                .add("hook_event_name", "PreToolUse").add("tool_name", "Bash").add("tool_use_id", "call_1")
                .add("tool_input", Json.createObjectBuilder().add("command", "git mv a b")).build());
        JsonObject working = Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session");
        assertEquals("working", working.getString("work_status"));
        JsonObject page = Api.get("/api/sessions/" + id + "/conversation").json();
        assertEquals("rename the module", page.getJsonArray("rows").getJsonObject(0).getJsonObject("row").getString("content"));
        assertEquals("codex", page.getJsonArray("rows").getJsonObject(1).getJsonObject("row").getString("provider"));
        hook(Json.createObjectBuilder().add("type", "codex_stop_event").add("session_id", threadId).add("turn_id", "t1").build());
        assertEquals("waiting", Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session").getString("work_status"));
        Api.post("/api/sessions/" + id + "/lifecycle/end", "{}");
    }
}
