package dev.flightdeck.core.codex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.connector.AgentEvent;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Collaborator agents in app-server notifications, written to the generated schema's
 * CollabAgentToolCallThreadItem and SubAgentActivityThreadItem (the scripted model does not drive
 * Codex's multi-agent tools, so these lines are not recorded from a run).
 */
class CodexSubagentsTest {
    static final String SPAWN_STARTED = "{\"method\":\"item/started\",\"params\":{\"threadId\":\"th-main\",\"turnId\":\"t1\","
            + "\"item\":{\"type\":\"collabAgentToolCall\",\"id\":\"call-1\",\"tool\":\"spawnAgent\",\"status\":\"inProgress\","
            + "\"senderThreadId\":\"th-main\",\"receiverThreadIds\":[],\"agentsStates\":{},\"prompt\":\"count the files\","
            + "\"model\":\"gpt-5-codex\"}}}";
    static final String SPAWN_DONE = "{\"method\":\"item/completed\",\"params\":{\"threadId\":\"th-main\",\"turnId\":\"t1\","
            + "\"item\":{\"type\":\"collabAgentToolCall\",\"id\":\"call-1\",\"tool\":\"spawnAgent\",\"status\":\"completed\","
            + "\"senderThreadId\":\"th-main\",\"receiverThreadIds\":[\"th-sub\"],"
            + "\"agentsStates\":{\"th-sub\":{\"status\":\"running\"}},\"prompt\":\"count the files\",\"model\":\"gpt-5-codex\"}}}";
    static final String SUB_COMMAND = "{\"method\":\"item/completed\",\"params\":{\"threadId\":\"th-sub\",\"turnId\":\"s1\","
            + "\"item\":{\"type\":\"commandExecution\",\"id\":\"cmd-1\",\"command\":\"ls | wc -l\",\"cwd\":\"/w\","
            + "\"status\":\"completed\",\"exitCode\":0,\"aggregatedOutput\":\"3\\n\",\"commandActions\":[]}}}";
    static final String SUB_TURN_DONE = "{\"method\":\"turn/completed\",\"params\":{\"threadId\":\"th-sub\","
            + "\"turn\":{\"id\":\"s1\",\"status\":\"completed\",\"items\":[]}}}";
    static final String WAIT_DONE = "{\"method\":\"item/completed\",\"params\":{\"threadId\":\"th-main\",\"turnId\":\"t1\","
            + "\"item\":{\"type\":\"collabAgentToolCall\",\"id\":\"call-2\",\"tool\":\"wait\",\"status\":\"completed\","
            + "\"senderThreadId\":\"th-main\",\"receiverThreadIds\":[\"th-sub\"],"
            + "\"agentsStates\":{\"th-sub\":{\"status\":\"completed\",\"message\":\"There are 3 files.\"}}}}}";

    static JsonObject json(String s) {
        try (var r = jakarta.json.Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    @Test
    void aSpawnedThreadIsASubagentWithItsOwnRowsAndItsEndComesFromWait() {
        CodexMapper mapper = new CodexMapper();
        List<AgentEvent> events = new ArrayList<>();
        long now = 1_000;
        for (String line : List.of(SPAWN_STARTED, SPAWN_DONE, SUB_COMMAND, SUB_TURN_DONE, WAIT_DONE)) {
            events.addAll(mapper.map(json(line), now += 100));
        }
        List<AgentEvent.Subagent> changes = events.stream().filter(e -> e instanceof AgentEvent.Subagent)
                .map(e -> (AgentEvent.Subagent) e).toList();
        assertThat(changes).extracting(AgentEvent.Subagent::id).containsOnly("th-sub");
        assertThat(changes).extracting(AgentEvent.Subagent::status).containsExactly("running", "completed");
        assertThat(changes.get(0).taskSummary()).isEqualTo("count the files");
        assertThat(changes.get(0).model()).isEqualTo("gpt-5-codex");
        assertThat(changes.get(1).resultSummary()).isEqualTo("There are 3 files.");

        List<AgentEvent.SubagentRow> own = events.stream().filter(e -> e instanceof AgentEvent.SubagentRow)
                .map(e -> (AgentEvent.SubagentRow) e).toList();
        assertThat(own).singleElement().satisfies(r -> {
            assertThat(r.subagentId()).isEqualTo("th-sub");
            assertThat(r.row().rowId()).isEqualTo("cmd-1");
            assertThat(r.row().content().getString("output")).isEqualTo("3\n");
        });
        // The session's rows are the two collab calls; the subagent's turn does not end the session's.
        assertThat(events.stream().filter(e -> e instanceof AgentEvent.Row).map(e -> ((AgentEvent.Row) e).row().rowId())
                .distinct().toList()).containsExactly("call-1", "call-2");
        assertThat(events).noneMatch(e -> e instanceof AgentEvent.TurnCompleted);
    }

    @Test
    void subAgentActivityAndErroredStatesMap() {
        CodexSubagents subagents = new CodexSubagents();
        List<AgentEvent> started = subagents.fromItem(json("{\"type\":\"subAgentActivity\",\"id\":\"a1\","
                + "\"agentPath\":\"explorer\",\"agentThreadId\":\"th-2\",\"kind\":\"started\",\"model\":\"m\"}"));
        AgentEvent.Subagent s = (AgentEvent.Subagent) started.get(0);
        assertThat(s.status()).isEqualTo("running");
        assertThat(s.label()).isEqualTo("explorer");
        assertThat(subagents.isSubagentThread("th-2")).isTrue();
        assertThat(subagents.isSubagentThread("th-other")).isFalse();
        AgentEvent.Subagent errored = (AgentEvent.Subagent) subagents.fromItem(json("{\"type\":\"collabAgentToolCall\","
                + "\"id\":\"c\",\"tool\":\"closeAgent\",\"status\":\"completed\",\"senderThreadId\":\"th-main\","
                + "\"receiverThreadIds\":[\"th-2\"],\"agentsStates\":{\"th-2\":{\"status\":\"errored\",\"message\":\"boom\"}}}"))
                .get(0);
        assertThat(errored.status()).isEqualTo("failed");
        assertThat(errored.errorSummary()).isEqualTo("boom");
        assertThat(CodexSubagents.status("notFound")).isEqualTo("not_found");
        assertThat(CodexSubagents.status("pendingInit")).isEqualTo("pending");
        assertThat(subagents.fromItem(json("{\"type\":\"agentMessage\",\"id\":\"x\",\"text\":\"hi\"}"))).isEmpty();
    }
}
