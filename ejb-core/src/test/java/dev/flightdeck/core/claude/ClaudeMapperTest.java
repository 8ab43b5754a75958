package dev.flightdeck.core.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flightdeck.core.connector.AgentEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded transcripts of the real CLI (2.1.330 against a scripted model) mapped to events. */
class ClaudeMapperTest {
    static List<JsonObject> transcript(String name) throws Exception {
        List<JsonObject> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ClaudeMapperTest.class.getResourceAsStream("/claude/" + name), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                try (var r = Json.createReader(new StringReader(line))) {
                    lines.add(r.readObject());
                }
            }
        }
        return lines;
    }

    static List<AgentEvent> map(String name) throws Exception {
        ClaudeMapper mapper = new ClaudeMapper();
        List<AgentEvent> out = new ArrayList<>();
        long now = 1_000;
        for (JsonObject line : transcript(name)) {
            // The capabilities event init makes is checked on its own below.
            mapper.map(line, now += 250).stream().filter(e -> !(e instanceof AgentEvent.Capability)).forEach(out::add);
        }
        return out;
    }

    @Test
    void everyRecordedLineHasAKnownType() throws Exception {
        for (String name : List.of("bash-approved.jsonl", "bash-denied.jsonl")) {
            for (JsonObject line : transcript(name)) {
                assertTrue(ClaudeMapper.recognises(line), "unmapped line type in " + name + ": "
                        + line.getString("type", "?") + "/" + line.getString("subtype", ""));
            }
        }
    }

    @Test
    void anApprovedBashCallBecomesBoundToolApprovalResultAndUsage() throws Exception {
        List<AgentEvent> events = map("bash-approved.jsonl");
        AgentEvent.Bound bound = assertInstanceOf(AgentEvent.Bound.class, events.get(0));
        assertEquals("claude-opus-5-5", bound.model());
        AgentEvent.Row started = assertInstanceOf(AgentEvent.Row.class, events.get(1));
        assertEquals("tool", started.row().rowType());
        assertEquals("shell", started.row().family());
        assertEquals("running", started.row().status());
        assertEquals("echo hi > bash.txt", started.row().row().getString("subtitle"));
        AgentEvent.ApprovalRequested asked = assertInstanceOf(AgentEvent.ApprovalRequested.class, events.get(2));
        assertEquals("exec", asked.approvalType());
        assertEquals("echo hi > bash.txt", asked.command());
        assertEquals(started.row().rowId(), asked.toolUseId());
        AgentEvent.Row finished = assertInstanceOf(AgentEvent.Row.class, events.get(3));
        assertEquals(started.row().rowId(), finished.row().rowId());
        assertEquals("completed", finished.row().status());
        assertEquals(500L, finished.row().durationMs());
        AgentEvent.Row text = assertInstanceOf(AgentEvent.Row.class, events.get(4));
        assertEquals("assistant", text.row().rowType());
        AgentEvent.TurnCompleted done = assertInstanceOf(AgentEvent.TurnCompleted.class, events.get(5));
        assertEquals("completed", done.outcome());
        assertEquals(200, done.usage().inputTokens());
        assertEquals(84, done.usage().outputTokens());
        assertEquals(40, done.usage().cacheReadTokens());
        assertEquals("e0820e65-654c-47b3-a54d-b6af9cdacffa", done.resumeRef(),
                "a rollback to this turn resumes at its last assistant message, not at the result line");
        assertEquals(6, events.size());
    }

    @Test
    void aDeniedCallFinishesTheToolAsFailed() throws Exception {
        List<AgentEvent> events = map("bash-denied.jsonl");
        AgentEvent.Row finished = (AgentEvent.Row) events.stream()
                .filter(e -> e instanceof AgentEvent.Row r && "failed".equals(r.row().status())).findFirst().orElseThrow();
        assertEquals("no", finished.row().content().getString("output"));
    }

    @Test
    void subagentTrafficAndUnknownLinesMakeNoRows() {
        ClaudeMapper mapper = new ClaudeMapper();
        JsonObject sub = Json.createObjectBuilder().add("type", "assistant").add("parent_tool_use_id", "toolu_1")
                .add("message", Json.createObjectBuilder().add("content", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "text").add("text", "inner")))).build();
        assertEquals(List.of(), mapper.map(sub, 1));
        JsonObject unknown = Json.createObjectBuilder().add("type", "something_new").build();
        assertEquals(List.of(), mapper.map(unknown, 1));
        assertTrue(!ClaudeMapper.recognises(unknown));
    }

    @Test
    void toolsTheCliAnnouncesAreAllClassified() {
        for (String tool : List.of("Task", "Bash", "CronCreate", "CronDelete", "CronList", "Edit", "EnterWorktree",
                "ExitWorktree", "ListAgents", "Monitor", "NotebookEdit", "Read", "ReportFindings", "ScheduleWakeup",
                "SendMessage", "Skill", "TaskStop", "ToolSearch", "WebFetch", "WebSearch", "Workflow", "Write",
                "AskUserQuestion", "mcp__github__create_issue")) {
            assertTrue(ClaudeTools.isKnown(tool), tool);
        }
        assertEquals("mcp", ClaudeTools.kindOf("mcp__x__y").family());
        assertEquals("file_change", ClaudeTools.kindOf("Edit").family());
    }

    @Test
    void protocolLinesMatchTheSdkShapes() {
        String allow = ClaudeProtocol.permission("r1", "Bash", new dev.flightdeck.core.connector.ApprovalDecision("approved",
                null, false, null), Json.createObjectBuilder().add("command", "ls").build());
        JsonObject a = Json.createReader(new StringReader(allow)).readObject();
        assertEquals("control_response", a.getString("type"));
        assertEquals("r1", a.getJsonObject("response").getString("request_id"));
        assertEquals("allow", a.getJsonObject("response").getJsonObject("response").getString("behavior"));
        assertEquals("ls", a.getJsonObject("response").getJsonObject("response").getJsonObject("updatedInput")
                .getString("command"));
        String abort = ClaudeProtocol.permission("r2", "Bash", new dev.flightdeck.core.connector.ApprovalDecision("abort",
                null, false, null), null);
        JsonObject d = Json.createReader(new StringReader(abort)).readObject().getJsonObject("response")
                .getJsonObject("response");
        assertEquals("deny", d.getString("behavior"));
        JsonObject session = Json.createReader(new StringReader(ClaudeProtocol.permission("r3", "Bash",
                new dev.flightdeck.core.connector.ApprovalDecision("approved_for_session", null, false, null), null)))
                .readObject().getJsonObject("response").getJsonObject("response");
        JsonObject rule = session.getJsonArray("updatedPermissions").getJsonObject(0);
        assertEquals("session", rule.getString("destination"));
        assertEquals("Bash", rule.getJsonArray("rules").getJsonObject(0).getString("toolName"));
        assertFalse(a.getJsonObject("response").getJsonObject("response").containsKey("updatedPermissions"),
                "a one-off approval adds no rule");
        assertTrue(d.getBoolean("interrupt"));
        JsonObject msg = Json.createReader(new StringReader(ClaudeProtocol.userMessage("hi", List.of(), "0b7f6a44-3c55-4f0e-9d7e-2f3f9a1c2d11"))).readObject();
        assertEquals("user", msg.getString("type"));
        assertEquals("hi", msg.getJsonObject("message").getJsonArray("content").getJsonObject(0).getString("text"));
    }

    @Test
    void initTellsWhichMcpServersStarted() {
        JsonObject init = jakarta.json.Json.createReader(new java.io.StringReader("{\"type\":\"system\",\"subtype\":"
                + "\"init\",\"session_id\":\"s1\",\"mcp_servers\":[{\"name\":\"docs\",\"status\":\"connected\"},"
                + "{\"name\":\"db\",\"status\":\"failed\"},{\"name\":\"slow\",\"status\":\"pending\"}]}")).readObject();
        List<AgentEvent> events = new ClaudeMapper().map(init, 1);
        AgentEvent.Capability c = assertInstanceOf(AgentEvent.Capability.class, events.get(1));
        assertEquals("mcp_startup_complete", c.type());
        assertEquals("[\"docs\"]", c.payload().getJsonArray("ready").toString());
        assertEquals("[\"db\"]", c.payload().getJsonArray("failed").toString());
    }
}
