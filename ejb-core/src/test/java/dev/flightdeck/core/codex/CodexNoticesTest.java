package dev.flightdeck.core.codex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.connector.AgentEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Codex's app-server reports that subscribers hear as it is: a compaction, once per turn. */
class CodexNoticesTest {
    static List<AgentEvent.Notice> notices(List<AgentEvent> events) {
        return events.stream().filter(e -> e instanceof AgentEvent.Notice).map(e -> (AgentEvent.Notice) e).toList();
    }

    @Test
    void aCompactionIsAnnouncedOnceThoughReportedTwice() {
        CodexMapper m = new CodexMapper();
        m.map(CodexUsageKindsTest.json("{'method':'turn/started','params':{}}"), 0);
        assertThat(notices(m.map(CodexUsageKindsTest.json(
                "{'method':'item/started','params':{'item':{'type':'contextCompaction','id':'c1'}}}"), 0))).isEmpty();
        List<AgentEvent.Notice> first = notices(m.map(CodexUsageKindsTest.json(
                "{'method':'item/completed','params':{'item':{'type':'contextCompaction','id':'c1'}}}"), 0));
        assertThat(first).extracting(AgentEvent.Notice::type).containsExactly("context_compacted");
        assertThat(first.get(0).payload()).isEmpty();
        assertThat(notices(m.map(CodexUsageKindsTest.json(
                "{'method':'thread/compacted','params':{'threadId':'x','turnId':'t'}}"), 0))).isEmpty();
        m.map(CodexUsageKindsTest.json("{'method':'turn/completed','params':{'turn':{'id':'t','status':'completed'}}}"), 0);

        // The next turn's compaction is a new one, whichever report comes first.
        m.map(CodexUsageKindsTest.json("{'method':'turn/started','params':{}}"), 0);
        assertThat(notices(m.map(CodexUsageKindsTest.json(
                "{'method':'thread/compacted','params':{'threadId':'x','turnId':'t2'}}"), 0)))
                .extracting(AgentEvent.Notice::type).containsExactly("context_compacted");
    }

    @Test
    void aTurnWithoutCompactionAnnouncesNothing() {
        CodexMapper m = new CodexMapper();
        m.map(CodexUsageKindsTest.json("{'method':'turn/started','params':{}}"), 0);
        assertThat(notices(m.map(CodexUsageKindsTest.json(
                "{'method':'item/completed','params':{'item':{'type':'agentMessage','id':'a','text':'hi'}}}"), 0)))
                .isEmpty();
    }
}
