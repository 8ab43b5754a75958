package dev.flightdeck.core.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.connector.AgentEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a result's usage becomes a turn's, and what kind of snapshot it is; rate_limit_event. */
class ClaudeUsageKindsTest {
    static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return r.readObject();
        }
    }

    static String modelUsage(String field, long in, long out, double cost) {
        return "'" + field + "':{'claude-sonnet-4-5':{'inputTokens':" + in + ",'outputTokens':" + out
                + ",'cacheReadInputTokens':0,'cacheCreationInputTokens':0,'contextWindow':200000,'costUSD':" + cost + "}}";
    }

    static AgentEvent.TurnUsage usage(ClaudeMapper m, String fields) {
        List<AgentEvent> events = m.map(json("{'type':'result','subtype':'success','is_error':false,'result':'ok',"
                + fields + "}"), 0);
        return ((AgentEvent.TurnCompleted) events.get(0)).usage();
    }

    @Test
    void perTurnUsageIsAContextTurn() {
        ClaudeMapper m = new ClaudeMapper();
        AgentEvent.TurnUsage u = usage(m, modelUsage("model_usage_since_last_result", 120, 17, 0.01) + ","
                + modelUsage("modelUsage", 240, 34, 0.02));
        assertThat(u.snapshotKind()).isEqualTo("context_turn");
        assertThat(u.inputTokens()).isEqualTo(120);
        assertThat(u.reportedCostUsd()).isEqualTo(0.01);
    }

    @Test
    void onlyRunningTotalsGiveEachTurnItsDifference() {
        ClaudeMapper m = new ClaudeMapper();
        AgentEvent.TurnUsage first = usage(m, modelUsage("modelUsage", 120, 17, 0.01));
        AgentEvent.TurnUsage second = usage(m, modelUsage("modelUsage", 300, 40, 0.025));
        assertThat(first.snapshotKind()).isEqualTo("lifetime_totals");
        assertThat(first.inputTokens()).isEqualTo(120);
        assertThat(second.inputTokens()).isEqualTo(180);
        assertThat(second.outputTokens()).isEqualTo(23);
        assertThat(second.reportedCostUsd()).isCloseTo(0.015, org.assertj.core.api.Assertions.within(1e-12));
        // Totals that went down started again (a new process): the reading is the turn's own.
        AgentEvent.TurnUsage restarted = usage(m, modelUsage("modelUsage", 50, 5, 0.001));
        assertThat(restarted.inputTokens()).isEqualTo(50);
    }

    @Test
    void aCompactionDuringTheTurnMakesItACompactionReset() {
        ClaudeMapper m = new ClaudeMapper();
        m.map(json("{'type':'system','subtype':'compact_boundary','uuid':'c1'}"), 0);
        assertThat(usage(m, modelUsage("model_usage_since_last_result", 1, 1, 0)).snapshotKind())
                .isEqualTo("compaction_reset");
        assertThat(usage(m, modelUsage("model_usage_since_last_result", 1, 1, 0)).snapshotKind())
                .as("only the turn it happened in").isEqualTo("context_turn");
    }

    @Test
    void aRateLimitEventReportsItsInfo() {
        List<AgentEvent> events = new ClaudeMapper().map(json("{'type':'rate_limit_event','rate_limit_info':"
                + "{'status':'allowed','rateLimitType':'five_hour','utilization':0.3},'uuid':'u','session_id':'s'}"), 0);
        // Stored for usage/claude, and forwarded as a rate_limit_event frame (ClaudeNoticesTest).
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isInstanceOf(AgentEvent.Notice.class);
        assertThat(events.get(0)).isInstanceOfSatisfying(AgentEvent.RateLimits.class, r -> {
            assertThat(r.provider()).isEqualTo("claude");
            assertThat(r.report().getString("rateLimitType")).isEqualTo("five_hour");
        });
        assertThat(new ClaudeMapper().map(json("{'type':'rate_limit_event'}"), 0)).isEmpty();
    }
}
