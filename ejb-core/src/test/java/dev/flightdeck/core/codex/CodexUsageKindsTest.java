package dev.flightdeck.core.codex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.connector.AgentEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Codex turn's snapshot kind, and its rate-limit notifications. */
class CodexUsageKindsTest {
    static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return r.readObject();
        }
    }

    static AgentEvent.TurnUsage turn(CodexMapper m, boolean compact) {
        m.map(json("{'method':'turn/started','params':{}}"), 0);
        m.map(json("{'method':'thread/tokenUsage/updated','params':{'tokenUsage':{'total':{'inputTokens':100,"
                + "'outputTokens':10,'cachedInputTokens':0,'cacheWriteInputTokens':0},'modelContextWindow':1000}}}"), 0);
        if (compact) {
            m.map(json("{'method':'item/completed','params':{'item':{'type':'contextCompaction','id':'c1'}}}"), 0);
        }
        List<AgentEvent> done = m.map(json("{'method':'turn/completed','params':{'turn':{'id':'t','status':'completed'}}}"), 0);
        return ((AgentEvent.TurnCompleted) done.get(0)).usage();
    }

    @Test
    void aTurnIsAContextTurnUnlessItCompacted() {
        CodexMapper m = new CodexMapper();
        assertThat(turn(m, false).snapshotKind()).isEqualTo("context_turn");
        assertThat(turn(m, true).snapshotKind()).isEqualTo("compaction_reset");
        assertThat(turn(m, false).snapshotKind()).isEqualTo("context_turn");
        m.map(json("{'method':'turn/started','params':{}}"), 0);
        m.map(json("{'method':'thread/compacted','params':{'threadId':'x','turnId':'t'}}"), 0);
        List<AgentEvent> done = m.map(json("{'method':'turn/completed','params':{'turn':{'id':'t','status':'completed'}}}"), 0);
        assertThat(((AgentEvent.TurnCompleted) done.get(0)).usage().snapshotKind()).isEqualTo("compaction_reset");
    }

    @Test
    void rateLimitUpdatesThatSaySomethingAreReported() {
        CodexMapper m = new CodexMapper();
        List<AgentEvent> events = m.map(json("{'method':'account/rateLimits/updated','params':{'rateLimits':"
                + "{'primary':{'usedPercent':42,'windowDurationMins':300,'resetsAt':1893456000},'secondary':null}}}"), 0);
        assertThat(events).singleElement().isInstanceOfSatisfying(AgentEvent.RateLimits.class,
                r -> assertThat(r.report().getJsonObject("primary").getInt("usedPercent")).isEqualTo(42));
        // A provider that sends no rate-limit headers still gets a notification, with nothing in it.
        assertThat(m.map(json("{'method':'account/rateLimits/updated','params':{'rateLimits':{'limitId':'codex',"
                + "'primary':null,'secondary':null,'rateLimitReachedType':null}}}"), 0)).isEmpty();
    }
}
