package dev.flightdeck.core.subagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.persistence.subagent.SubagentEntity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubagentRulesTest {
    static AgentEvent.Subagent change(String status, String result) {
        return new AgentEvent.Subagent("a", status, null, null, null, result, null, null, null);
    }

    static SubagentEntity agent(String id, String status, long started, long last) {
        SubagentEntity s = new SubagentEntity();
        s.id = id;
        s.status = status;
        s.startedAt = started;
        s.lastActivityAt = last;
        return s;
    }

    @Test
    void anEndIsKeptWhenALateRunningArrivesAndFieldsAccumulate() {
        SubagentEntity s = new SubagentEntity();
        SubagentRules.apply(s, new AgentEvent.Subagent("a", "running", "Explore", "look", "find it", null, null,
                null, null), 10);
        assertThat(s.status).isEqualTo("running");
        assertThat(s.endedAt).isNull();
        SubagentRules.apply(s, change("completed", "found"), 20);
        SubagentRules.apply(s, change("running", null), 30);
        assertThat(s.status).isEqualTo("completed");
        assertThat(s.endedAt).isEqualTo(20);
        assertThat(s.agentType).isEqualTo("Explore");
        assertThat(s.resultSummary).isEqualTo("found");
        assertThat(s.lastActivityAt).isEqualTo(30);
    }

    @Test
    void anUnknownStatusIsIgnored() {
        SubagentEntity s = new SubagentEntity();
        SubagentRules.apply(s, change("exploded", null), 10);
        assertThat(s.status).isEqualTo("running");
    }

    @Test
    void interruptEndsOnlyActiveOnes() {
        SubagentEntity running = agent("r", "running", 1, 1);
        SubagentEntity done = agent("d", "completed", 1, 1);
        assertThat(SubagentRules.interrupt(running, 9)).isTrue();
        assertThat(SubagentRules.interrupt(done, 9)).isFalse();
        assertThat(running.status).isEqualTo("interrupted");
        assertThat(running.endedAt).isEqualTo(9);
        assertThat(done.status).isEqualTo("completed");
    }

    @Test
    void theDetailShowsEveryActiveOneAndTheFourMostRecentOthers() {
        List<SubagentEntity> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(agent("done" + i, "completed", i, 100 + i));
        }
        all.add(agent("old-running", "running", 0, 0));
        all.add(agent("pending", "pending", 50, 50));
        assertThat(SubagentRules.shown(all)).extracting(s -> s.id)
                .containsExactly("old-running", "done2", "done3", "done4", "done5", "pending");
    }

    @Test
    void claudeSubagentHooksStartAndStopTheAgentTheyName() {
        jakarta.json.JsonObject start = jakarta.json.Json.createObjectBuilder().add("type", "claude_subagent_event")
                .add("hook_event_name", "SubagentStart").add("agent_id", "a1").add("agent_type", "Explore").build();
        AgentEvent.Subagent s = SubagentRules.fromClaudeHook(start);
        assertThat(s.id()).isEqualTo("a1");
        assertThat(s.status()).isEqualTo("running");
        assertThat(s.agentType()).isEqualTo("Explore");
        jakarta.json.JsonObject stop = jakarta.json.Json.createObjectBuilder(start).add("hook_event_name", "SubagentStop")
                .build();
        assertThat(SubagentRules.fromClaudeHook(stop).status()).isEqualTo("completed");
        assertThat(SubagentRules.fromClaudeHook(jakarta.json.Json.createObjectBuilder().add("agent_id", "x".repeat(201))
                .build())).isNull();
        assertThat(SubagentRules.fromClaudeHook(jakarta.json.JsonValue.EMPTY_JSON_OBJECT)).isNull();
    }
}
