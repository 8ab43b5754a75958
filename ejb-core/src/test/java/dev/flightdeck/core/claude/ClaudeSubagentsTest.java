package dev.flightdeck.core.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.connector.AgentEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A recorded run of the real CLI (2.1.330 against the scripted model's SUBAGENT instruction): a
 * foreground general-purpose subagent that runs one Bash call.
 */
class ClaudeSubagentsTest {
    static final String AGENT_CALL = "toolu_19847ba673da";
    static final String BASH_CALL = "toolu_19848cf12aee";

    @Test
    void everyRecordedLineHasAKnownType() throws Exception {
        for (JsonObject line : ClaudeMapperTest.transcript("subagent.jsonl")) {
            assertThat(ClaudeMapper.recognises(line)).as(line.getString("type", "?") + "/"
                    + line.getString("subtype", "")).isTrue();
        }
    }

    @Test
    void theSubagentsOwnLinesBecomeItsRowsNotTheSessions() throws Exception {
        List<AgentEvent> events = ClaudeMapperTest.map("subagent.jsonl");
        List<String> mainRows = events.stream().filter(e -> e instanceof AgentEvent.Row)
                .map(e -> ((AgentEvent.Row) e).row().rowId()).distinct().toList();
        assertThat(mainRows).contains(AGENT_CALL).doesNotContain(BASH_CALL);

        List<AgentEvent.SubagentRow> own = events.stream().filter(e -> e instanceof AgentEvent.SubagentRow)
                .map(e -> (AgentEvent.SubagentRow) e).toList();
        assertThat(own).extracting(AgentEvent.SubagentRow::subagentId).containsOnly(AGENT_CALL);
        assertThat(own).extracting(r -> r.row().rowType() + ":" + r.row().rowId().startsWith(BASH_CALL)
                        + ":" + r.row().status())
                .containsExactly("user:false:null", "tool:true:running", "tool:true:completed",
                        "assistant:false:null");
        assertThat(own.get(0).row().row().getString("content")).isEqualTo("RUN_BASH echo sub-hello");
        assertThat(own.get(2).row().content().getString("output")).isEqualTo("sub-hello");
        assertThat(own.get(2).row().row().getString("title")).isEqualTo("Bash");
        // The final report is in the Agent call's structured result only, not in the subagent's stream.
        assertThat(own.get(3).row().row().getString("content")).isEqualTo("Tool finished: sub-hello");
    }

    @Test
    void theAgentCallStartsAndEndsTheSubagent() throws Exception {
        List<AgentEvent.Subagent> changes = ClaudeMapperTest.map("subagent.jsonl").stream()
                .filter(e -> e instanceof AgentEvent.Subagent).map(e -> (AgentEvent.Subagent) e).toList();
        assertThat(changes).extracting(AgentEvent.Subagent::id).containsOnly(AGENT_CALL);
        assertThat(changes).extracting(AgentEvent.Subagent::status)
                .containsExactly("running", "running", "completed", "completed");
        AgentEvent.Subagent started = changes.get(0);
        assertThat(started.agentType()).isEqualTo("general-purpose");
        assertThat(started.label()).isEqualTo("scripted subagent");
        assertThat(started.taskSummary()).isEqualTo("RUN_BASH echo sub-hello");
        assertThat(changes.get(2).resultSummary()).isEqualTo("Tool finished: sub-hello");
        AgentEvent.Subagent ended = changes.get(3);
        assertThat(ended.resultSummary()).isEqualTo("Tool finished: sub-hello");
        assertThat(ended.model()).isEqualTo("claude-opus-5-5");
        assertThat(ended.errorSummary()).isNull();
    }

    @Test
    void aBackgroundLaunchKeepsItRunningAndItsNotificationEndsIt() {
        JsonObject launched = Json.createObjectBuilder().add("tool_use_result", Json.createObjectBuilder()
                .add("status", "async_launched").add("agentType", "Explore")).build();
        List<AgentEvent> events = ClaudeSubagents.toolResult("t1", launched, false, "launched", 5);
        assertThat(events).singleElement().extracting(e -> ((AgentEvent.Subagent) e).status()).isEqualTo("running");

        JsonObject stopped = Json.createObjectBuilder().add("type", "system").add("subtype", "task_notification")
                .add("tool_use_id", "t1").add("status", "stopped").add("summary", "stopped by the user").build();
        assertThat(ClaudeSubagents.task(stopped)).singleElement()
                .extracting(e -> ((AgentEvent.Subagent) e).status()).isEqualTo("cancelled");
        JsonObject failed = Json.createObjectBuilder().add("type", "system").add("subtype", "task_notification")
                .add("tool_use_id", "t1").add("status", "failed").add("summary", "it broke").build();
        AgentEvent.Subagent f = (AgentEvent.Subagent) ClaudeSubagents.task(failed).get(0);
        assertThat(f.status()).isEqualTo("failed");
        assertThat(f.errorSummary()).isEqualTo("it broke");
        // A background shell command is a task too, but not a subagent: it names no Agent call.
        assertThat(ClaudeSubagents.task(Json.createObjectBuilder().add("subtype", "task_started").build())).isEmpty();
    }

    @Test
    void aFailedAgentCallFailsTheSubagentWithItsError() {
        List<AgentEvent> events = ClaudeSubagents.toolResult("t2", JsonObject.EMPTY_JSON_OBJECT, true,
                "Agent type 'nope' not found\nmore", 5);
        AgentEvent.Subagent s = (AgentEvent.Subagent) events.get(0);
        assertThat(s.status()).isEqualTo("failed");
        assertThat(s.errorSummary()).isEqualTo("Agent type 'nope' not found");
    }
}
