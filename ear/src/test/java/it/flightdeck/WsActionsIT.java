package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract's session actions over the WebSocket (§2.1): carried out by the same services as
 * their REST routes, with the real CLI, and refused with an error frame that leaves the socket open.
 */
class WsActionsIT {
    @RegisterExtension
    static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();

    static JsonObjectBuilder action(String type, String sessionId) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", type);
        return sessionId == null ? b : b.add("session_id", sessionId);
    }

    static Ws socket(String sessionId) throws InterruptedException {
        Ws ws = Ws.connect(Api.token());
        ws.awaitType("server_info");
        for (String surface : new String[] {"detail", "conversation", "capabilities"}) {
            ws.send(action("subscribe_session_surface", sessionId).add("surface", surface).build().toString());
        }
        return ws;
    }

    static JsonObject delta(Ws ws, String field) throws InterruptedException {
        return ws.await(f -> "session_delta".equals(f.getString("type", ""))
                && f.getJsonObject("changes").containsKey(field), 30).getJsonObject("changes");
    }

    @Test
    void aSessionIsDrivenOverTheSocketAlone() throws Exception {
        Agents.Session s = Agents.create();
        Path target = s.dir().resolve("from-ws.txt");
        try (Ws ws = socket(s.id())) {
            ws.send(action("rename_session", s.id()).add("name", "over the socket").build().toString());
            assertThat(delta(ws, "custom_name").getString("custom_name")).isEqualTo("over the socket");

            ws.send(action("update_session_config", s.id()).add("effort", "high").build().toString());
            assertThat(delta(ws, "effort").getString("effort")).isEqualTo("high");

            ws.send(action("send_message", s.id()).add("content", "WRITE_FILE " + target).build().toString());
            // The agent starting says which MCP servers it has (none here) on the capabilities surface.
            JsonObject mcp = ws.await(f -> "mcp_startup_complete".equals(f.getString("type", "")), 60);
            assertThat(mcp.getString("session_id")).isEqualTo(s.id());
            assertThat(mcp.getJsonArray("ready")).isEmpty();
            // And what the CLI offers: its tools and commands (init), the models of its picker (initialize).
            JsonObject caps = ws.await(f -> "claude_capabilities".equals(f.getString("type", "")), 30);
            assertThat(caps.getString("session_id")).isEqualTo(s.id());
            assertThat(caps.getJsonArray("tools").getValuesAs(jakarta.json.JsonString.class))
                    .extracting(jakarta.json.JsonString::getString).contains("Bash", "Write");
            assertThat(caps.getJsonArray("slash_commands")).isNotEmpty();
            assertThat(caps.getJsonArray("models")).isNotEmpty().allSatisfy(m ->
                    assertThat(m.asJsonObject().getString("value")).isNotBlank());
            assertThat(caps.getJsonNumber("revision").longValue()).isGreaterThan(mcp.getJsonNumber("revision").longValue());
            JsonObject request = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request");
            ws.send(action("approve_tool", s.id()).add("request_id", request.getString("id"))
                    .add("decision", "approved").build().toString());
            ws.await(f -> "approval_decision_result".equals(f.getString("type", "")), 30);
            Agents.awaitDetail(s.id(), Agents::idle, 60);
            assertThat(Files.readString(target)).isEqualTo(ScriptedModel.WRITTEN);

            ws.send(action("execute_shell", s.id()).add("command", "echo shell-over-ws").add("request_id", "ws-sh-1")
                    .build().toString());
            JsonObject out = ws.await(f -> "shell_output".equals(f.getString("type", ""))
                    && f.containsKey("outcome") && "ws-sh-1".equals(f.getString("request_id")), 30);
            assertThat(out.getString("stdout")).contains("shell-over-ws");
            assertThat(out.getString("outcome")).isEqualTo("completed");

            ws.send(action("end_session", s.id()).build().toString());
            assertThat(delta(ws, "status").getString("status")).isEqualTo("ended");
        }
        assertThat(Agents.detail(s.id()).getString("custom_name")).isEqualTo("over the socket");
    }

    @Test
    void everyRefusalIsAnErrorFrameAndTheSocketStaysOpen() throws Exception {
        Agents.Session s = Agents.create();
        String id = s.id();
        try (Ws ws = socket(id)) {
            refused(ws, action("rollback_turns", id).add("num_turns", 0), "invalid_argument", id);
            refused(ws, action("undo_last_turn", id), "control_unavailable", id);
            refused(ws, action("approve_tool", id).add("request_id", "r1").add("decision", "maybe"), "invalid_request", id);
            refused(ws, action("approve_tool", id).add("decision", "approved"), "invalid_argument", id);
            refused(ws, action("answer_question", id), "invalid_argument", id);
            refused(ws, action("respond_to_permission_request", id).add("request_id", "r1").add("scope", "forever"),
                    "invalid_request", id);
            refused(ws, action("steer_turn", id).add("content", "faster"), "not_steerable", id);
            refused(ws, action("interrupt_session", id), "not_interruptible", id);
            refused(ws, action("stop_task", id), "invalid_argument", id);
            refused(ws, action("rewind_files", id), "invalid_argument", id);
            refused(ws, action("execute_shell", id).add("command", ""), "invalid_request", id);
            refused(ws, action("cancel_shell", id).add("request_id", "nothing-runs"), "shell_request_not_found", id);
            refused(ws, action("update_session_config", id).add("effort", "enormous"), "invalid_request", id);
            refused(ws, action("rename_session", id).add("name", "n".repeat(1001)), "invalid_request", id);
            refused(ws, action("send_message", id).add("content", 42), "invalid_request", id);
            refused(ws, action("send_message", null).add("content", "hi"), "invalid_request", null);
            refused(ws, action("send_message", "od-00000000-0000-0000-0000-000000000000").add("content", "hi"),
                    "not_found", "od-00000000-0000-0000-0000-000000000000");

            ws.send(action("end_session", id).build().toString());
            assertThat(delta(ws, "status").getString("status")).isEqualTo("ended");
            refused(ws, action("compact_context", id), "control_unavailable", id);
            refused(ws, action("send_message", id).add("content", "after the end"), "connector_unavailable", id);
        }
    }

    @Test
    void hookMessagesAreAcceptedOnTheSocket() throws Exception {
        Path dir = Files.createTempDirectory("fd-ws-hook-");
        String claudeId = UUID.randomUUID().toString();
        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            ws.send("{\"type\":\"subscribe_sessions_summary\"}");
            ws.awaitType("sessions_summary_invalidated");
            ws.send(action("claude_session_start", claudeId).add("cwd", dir.toString()).add("model", "claude-sonnet-4")
                    .build().toString());
            ws.await(f -> "sessions_summary_invalidated".equals(f.getString("type", "")), 30);
            refused(ws, action("claude_status_event", null), "invalid_request", null);
        }
        JsonObject found = HooksIT.findByProject(dir.toString());
        assertThat(found).as("the passive session the hook made").isNotNull();
        assertThat(found.getString("control_mode")).isEqualTo("passive");
    }

    static void refused(Ws ws, JsonObjectBuilder msg, String code, String sessionId) throws InterruptedException {
        JsonObject sent = msg.build();
        ws.send(sent.toString());
        JsonObject error = ws.await(f -> "error".equals(f.getString("type", "")), 30);
        assertThat(error.getString("code")).as("error for %s", sent).isEqualTo(code);
        assertThat(error.getString("message", "")).as("message for %s", sent).isNotBlank().doesNotContain("Exception");
        if (sessionId != null) {
            assertThat(error.getString("session_id")).isEqualTo(sessionId);
        }
    }
}
