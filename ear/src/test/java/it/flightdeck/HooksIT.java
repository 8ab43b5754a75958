package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(hook(Json.createObjectBuilder().add("type", "claude_session_start").add("session_id", claudeId)
                .add("cwd", dir.toString()).add("model", "claude-sonnet-4-5").add("source", "startup").build()).status()).isEqualTo(204);
        JsonObject listed = findByProject(dir.toString());
        assertThat(listed.getString("control_mode")).isEqualTo("passive");
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
        assertThat(working.getString("work_status")).isEqualTo("working");
        assertThat(working.getString("display_title").toLowerCase()).as(working.toString()).contains("flaky test");
        assertThat(working.getBoolean("accepts_user_input")).as("a passive session is not driven by us").isFalse();

        JsonObject page = Api.get("/api/sessions/" + id + "/conversation").json();
        assertThat(page.getJsonNumber("total_row_count").longValue()).isEqualTo(2);
        JsonObject tool = page.getJsonArray("rows").getJsonObject(1).getJsonObject("row");
        assertThat(tool.getString("status")).isEqualTo("completed");
        assertThat(tool.getString("family")).isEqualTo("shell");

        assertThat(working.getString("current_turn_id")).isEqualTo("turn-1");
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
            assertThat(changes.getString("work_status")).isEqualTo("waiting");
            assertThat(changes.isNull("current_turn_id")).as(changes.toString()).isTrue();
        }
        JsonObject stopped = Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session");
        assertThat(stopped.getString("work_status")).isEqualTo("waiting");
        assertThat(stopped.containsKey("current_turn_id") && !stopped.isNull("current_turn_id")).isFalse();

        assertThat(Api.post("/api/sessions/" + id + "/lifecycle/takeover",
                "{\"permission_mode\":\"sometimes\"}").json().getString("code")).as("a bad override refuses the takeover").isEqualTo("invalid_request");
        Api.Resp taken = Api.post("/api/sessions/" + id + "/lifecycle/takeover",
                "{\"permission_mode\":\"acceptEdits\",\"model\":\"claude-sonnet-4\",\"unknown_field\":1}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().getString("session_id")).isEqualTo(id);
        assertThat(taken.json().getBoolean("accepted")).isTrue();
        JsonObject direct = taken.json().getJsonObject("session_detail_snapshot").getJsonObject("session");
        assertThat(direct.getString("control_mode")).isEqualTo("direct");
        assertThat(direct.getBoolean("accepts_user_input")).isTrue();
        assertThat(direct.getString("permission_mode")).as("the takeover's overrides apply").isEqualTo("acceptEdits");
        assertThat(direct.getString("model")).isEqualTo("claude-sonnet-4");
        assertThat(Api.post("/api/sessions/" + id + "/lifecycle/takeover", "{}").json().getString("code")).isEqualTo("not_passive");

        // Hooks of a session we now drive do not create a passive shadow of it.
        hook(Json.createObjectBuilder().add("type", "claude_status_event").add("session_id", claudeId)
                .add("hook_event_name", "UserPromptSubmit").add("prompt", "again").build());
        assertThat(Api.get("/api/sessions/" + id + "/conversation").json().getJsonNumber("total_row_count").longValue()).isEqualTo(2);
        Api.post("/api/sessions/" + id + "/lifecycle/end", "{}");
    }

    @Test
    void aBodyThatIsNotAHookMessageIsRefused() {
        Api.Resp r = Api.post("/api/hook", "{\"type\":\"something_else\",\"session_id\":\"x\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getString("code")).isEqualTo("invalid_request");
        assertThat(Api.post("/api/hook", "{\"type\":\"claude_session_start\"}").status()).isEqualTo(400);
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
        assertThat(review.getString("current_diff")).as(review.toString()).contains("-int main;\n+int main(void);\n");
        assertThat(review.getString("cumulative_diff")).isEqualTo(review.getString("current_diff"));
        assertThat(Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session")
                .getString("repository_root")).isEqualTo(repo.toString());
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
        assertThat(s.getString("status")).isEqualTo("ended");
        assertThat(s.getString("end_reason")).isEqualTo("logout");
        Api.Resp resume = Api.post("/api/sessions/" + id + "/lifecycle/resume", "{}");
        assertThat(resume.status()).as(resume.body()).isEqualTo(200);
        assertThat(resume.json().getString("session_id")).isEqualTo(id);
        assertThat(resume.json().getJsonObject("session").getString("status")).isEqualTo("active");
        JsonObject reopened = resume.json().getJsonObject("session_detail_snapshot").getJsonObject("session");
        assertThat(reopened.containsKey("end_reason") && !reopened.isNull("end_reason")).as("resume clears the end").isFalse();
        assertThat(Api.post("/api/sessions/" + id + "/lifecycle/resume", "{}").json().getString("code")).isEqualTo("already_active");
    }

    @Test
    void codexHooksMakeAPassiveCodexSession() throws Exception {
        Path dir = Files.createTempDirectory("fd-codex-hook-");
        String threadId = UUID.randomUUID().toString();
        assertThat(hook(Json.createObjectBuilder().add("type", "codex_session_start").add("session_id", threadId)
                .add("cwd", dir.toString()).add("model", "gpt-5-codex").build()).status()).isEqualTo(204);
        JsonObject listed = findByProject(dir.toString());
        assertThat(listed.getString("provider")).isEqualTo("codex");
        assertThat(listed.getString("control_mode")).isEqualTo("passive");
        String id = listed.getString("id");
        hook(Json.createObjectBuilder().add("type", "codex_user_prompt_submit").add("session_id", threadId)
                .add("turn_id", "t1").add("prompt", "rename the module").build());
        hook(Json.createObjectBuilder().add("type", "codex_tool_event").add("session_id", threadId)
                .add("hook_event_name", "PreToolUse").add("tool_name", "Bash").add("tool_use_id", "call_1")
                .add("tool_input", Json.createObjectBuilder().add("command", "git mv a b")).build());
        JsonObject working = Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session");
        assertThat(working.getString("work_status")).isEqualTo("working");
        JsonObject page = Api.get("/api/sessions/" + id + "/conversation").json();
        assertThat(page.getJsonArray("rows").getJsonObject(0).getJsonObject("row").getString("content")).isEqualTo("rename the module");
        assertThat(page.getJsonArray("rows").getJsonObject(1).getJsonObject("row").getString("provider")).isEqualTo("codex");
        hook(Json.createObjectBuilder().add("type", "codex_stop_event").add("session_id", threadId).add("turn_id", "t1").build());
        assertThat(Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session").getString("work_status")).isEqualTo("waiting");
        Api.post("/api/sessions/" + id + "/lifecycle/end", "{}");
    }
}
