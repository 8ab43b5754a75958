package dev.flightdeck.core.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

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
                assertThat(ClaudeMapper.recognises(line)).as("unmapped line type in " + name + ": "
                        + line.getString("type", "?") + "/" + line.getString("subtype", "")).isTrue();
            }
        }
    }

    @Test
    void anApprovedBashCallBecomesBoundToolApprovalResultAndUsage() throws Exception {
        List<AgentEvent> events = map("bash-approved.jsonl");
        AgentEvent.Bound bound = assertThat(events.get(0)).asInstanceOf(type(AgentEvent.Bound.class)).actual();
        assertThat(bound.model()).isEqualTo("claude-opus-5-5");
        AgentEvent.Row started = assertThat(events.get(1)).asInstanceOf(type(AgentEvent.Row.class)).actual();
        assertThat(started.row().rowType()).isEqualTo("tool");
        assertThat(started.row().family()).isEqualTo("shell");
        assertThat(started.row().status()).isEqualTo("running");
        assertThat(started.row().row().getString("subtitle")).isEqualTo("echo hi > bash.txt");
        AgentEvent.ApprovalRequested asked = assertThat(events.get(2)).asInstanceOf(type(AgentEvent.ApprovalRequested.class)).actual();
        assertThat(asked.approvalType()).isEqualTo("exec");
        assertThat(asked.command()).isEqualTo("echo hi > bash.txt");
        assertThat(asked.toolUseId()).isEqualTo(started.row().rowId());
        AgentEvent.Row finished = assertThat(events.get(3)).asInstanceOf(type(AgentEvent.Row.class)).actual();
        assertThat(finished.row().rowId()).isEqualTo(started.row().rowId());
        assertThat(finished.row().status()).isEqualTo("completed");
        assertThat(finished.row().durationMs()).isEqualTo(500L);
        AgentEvent.Row text = assertThat(events.get(4)).asInstanceOf(type(AgentEvent.Row.class)).actual();
        assertThat(text.row().rowType()).isEqualTo("assistant");
        AgentEvent.TurnCompleted done = assertThat(events.get(5)).asInstanceOf(type(AgentEvent.TurnCompleted.class)).actual();
        assertThat(done.outcome()).isEqualTo("completed");
        assertThat(done.usage().inputTokens()).isEqualTo(200);
        assertThat(done.usage().outputTokens()).isEqualTo(84);
        assertThat(done.usage().cacheReadTokens()).isEqualTo(40);
        assertThat(done.resumeRef()).as("a rollback to this turn resumes at its last assistant message, not at the result line").isEqualTo("e0820e65-654c-47b3-a54d-b6af9cdacffa");
        assertThat(events).hasSize(6);
    }

    @Test
    void aDeniedCallFinishesTheToolAsFailed() throws Exception {
        List<AgentEvent> events = map("bash-denied.jsonl");
        AgentEvent.Row finished = (AgentEvent.Row) events.stream()
                .filter(e -> e instanceof AgentEvent.Row r && "failed".equals(r.row().status())).findFirst().orElseThrow();
        assertThat(finished.row().content().getString("output")).isEqualTo("no");
    }

    @Test
    void subagentTrafficIsTheSubagentsAndUnknownLinesMakeNoRows() {
        ClaudeMapper mapper = new ClaudeMapper();
        JsonObject sub = Json.createObjectBuilder().add("type", "assistant").add("parent_tool_use_id", "toolu_1")
                .add("message", Json.createObjectBuilder().add("content", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "text").add("text", "inner")))).build();
        // Not a row of the session: a row of the subagent its parent tool call started.
        assertThat(mapper.map(sub, 1)).singleElement().isInstanceOfSatisfying(AgentEvent.SubagentRow.class,
                r -> assertThat(r.subagentId()).isEqualTo("toolu_1"));
        JsonObject unknown = Json.createObjectBuilder().add("type", "something_new").build();
        assertThat(mapper.map(unknown, 1)).isEqualTo(List.of());
        assertThat(ClaudeMapper.recognises(unknown)).isFalse();
    }

    @Test
    void toolsTheCliAnnouncesAreAllClassified() {
        for (String tool : List.of("Task", "Bash", "CronCreate", "CronDelete", "CronList", "Edit", "EnterWorktree",
                "ExitWorktree", "ListAgents", "Monitor", "NotebookEdit", "Read", "ReportFindings", "ScheduleWakeup",
                "SendMessage", "Skill", "TaskStop", "ToolSearch", "WebFetch", "WebSearch", "Workflow", "Write",
                "AskUserQuestion", "mcp__github__create_issue")) {
            assertThat(ClaudeTools.isKnown(tool)).as(tool).isTrue();
        }
        assertThat(ClaudeTools.kindOf("mcp__x__y").family()).isEqualTo("mcp");
        assertThat(ClaudeTools.kindOf("Edit").family()).isEqualTo("file_change");
    }

    @Test
    void protocolLinesMatchTheSdkShapes() {
        String allow = ClaudeProtocol.permission("r1", "Bash", new dev.flightdeck.core.connector.ApprovalDecision("approved",
                null, false, null), Json.createObjectBuilder().add("command", "ls").build());
        JsonObject a = Json.createReader(new StringReader(allow)).readObject();
        assertThat(a.getString("type")).isEqualTo("control_response");
        assertThat(a.getJsonObject("response").getString("request_id")).isEqualTo("r1");
        assertThat(a.getJsonObject("response").getJsonObject("response").getString("behavior")).isEqualTo("allow");
        assertThat(a.getJsonObject("response").getJsonObject("response").getJsonObject("updatedInput")
                .getString("command")).isEqualTo("ls");
        String abort = ClaudeProtocol.permission("r2", "Bash", new dev.flightdeck.core.connector.ApprovalDecision("abort",
                null, false, null), null);
        JsonObject d = Json.createReader(new StringReader(abort)).readObject().getJsonObject("response")
                .getJsonObject("response");
        assertThat(d.getString("behavior")).isEqualTo("deny");
        JsonObject session = Json.createReader(new StringReader(ClaudeProtocol.permission("r3", "Bash",
                new dev.flightdeck.core.connector.ApprovalDecision("approved_for_session", null, false, null), null)))
                .readObject().getJsonObject("response").getJsonObject("response");
        JsonObject rule = session.getJsonArray("updatedPermissions").getJsonObject(0);
        assertThat(rule.getString("destination")).isEqualTo("session");
        assertThat(rule.getJsonArray("rules").getJsonObject(0).getString("toolName")).isEqualTo("Bash");
        assertThat(a.getJsonObject("response").getJsonObject("response")).as("a one-off approval adds no rule").doesNotContainKey("updatedPermissions");
        assertThat(d.getBoolean("interrupt")).isTrue();
        JsonObject msg = Json.createReader(new StringReader(ClaudeProtocol.userMessage("hi", List.of(), "0b7f6a44-3c55-4f0e-9d7e-2f3f9a1c2d11"))).readObject();
        assertThat(msg.getString("type")).isEqualTo("user");
        assertThat(msg.getJsonObject("message").getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("hi");
    }

    @Test
    void initTellsWhichMcpServersStarted() {
        JsonObject init = jakarta.json.Json.createReader(new java.io.StringReader("{\"type\":\"system\",\"subtype\":"
                + "\"init\",\"session_id\":\"s1\",\"mcp_servers\":[{\"name\":\"docs\",\"status\":\"connected\"},"
                + "{\"name\":\"db\",\"status\":\"failed\"},{\"name\":\"slow\",\"status\":\"pending\"}]}")).readObject();
        List<AgentEvent> events = new ClaudeMapper().map(init, 1);
        AgentEvent.Capability c = assertThat(events.get(1)).asInstanceOf(type(AgentEvent.Capability.class)).actual();
        assertThat(c.type()).isEqualTo("mcp_startup_complete");
        assertThat(c.payload().getJsonArray("ready").toString()).isEqualTo("[\"docs\"]");
        assertThat(c.payload().getJsonArray("failed").toString()).isEqualTo("[\"db\"]");
    }

    @Test
    void initAndTheInitializeAnswerMakeClaudeCapabilitiesSentOnlyWhenTheyChange() {
        ClaudeMapper mapper = new ClaudeMapper();
        mapper.initialized(json("{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\","
                + "\"request_id\":\"other\",\"response\":{\"models\":[{\"value\":\"nope\"}]}}}"), "init-1");
        mapper.initialized(json("{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\","
                + "\"request_id\":\"init-1\",\"response\":{\"models\":[{\"value\":\"opus\",\"displayName\":\"Opus\","
                + "\"description\":\"Best\"}]}}}"), "init-1");
        JsonObject init = json("{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"s1\",\"tools\":[\"Bash\",\"Read\"],"
                + "\"slash_commands\":[\"compact\",7],\"skills\":[\"verify\"]}");
        List<AgentEvent> first = mapper.map(init, 1);
        AgentEvent.Capability c = assertThat(first.get(2)).asInstanceOf(type(AgentEvent.Capability.class)).actual();
        assertThat(c.type()).isEqualTo("claude_capabilities");
        assertThat(c.payload()).isEqualTo(json("{\"slash_commands\":[\"compact\"],\"skills\":[\"verify\"],"
                + "\"tools\":[\"Bash\",\"Read\"],\"models\":[{\"value\":\"opus\",\"display_name\":\"Opus\",\"description\":\"Best\"}]}"));
        assertThat(mapper.map(init, 2)).as("the next turn's init, unchanged").hasSize(2);
    }

    private static JsonObject json(String s) {
        return jakarta.json.Json.createReader(new java.io.StringReader(s)).readObject();
    }
}
