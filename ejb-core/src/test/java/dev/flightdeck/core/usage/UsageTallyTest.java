package dev.flightdeck.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsageTallyTest {
    static UsageTally.GroupRow byModel(String model, long turns, long sessions, long in, double cost, Double reported) {
        return new UsageTally.GroupRow(null, model, null, null, turns, sessions, in, 10, 5, 1, cost, reported);
    }

    @Test
    void aBucketSumsItsModelsAndListsTheirCostsCostliestFirst() {
        UsageWire.Bucket b = UsageTally.bucket(List.of(byModel("Sonnet", 3, 2, 100, 0.1, null),
                byModel("Opus", 1, 1, 50, 0.7, 0.65), byModel("GPT-5", 2, 1, 20, 0.1, null)), 3);
        assertThat(b.turnCount()).isEqualTo(6);
        // A session that used two models counts in both: session_count 4, distinct 3.
        assertThat(b.sessionCount()).isEqualTo(4);
        assertThat(b.distinctSessionCount()).isEqualTo(3);
        assertThat(b.inputTokens()).isEqualTo(170);
        assertThat(b.outputTokens()).isEqualTo(30);
        assertThat(b.cachedTokens()).isEqualTo(18);
        assertThat(b.totalTokens()).isEqualTo(218);
        assertThat(b.totalCostUsd()).isCloseTo(0.9, within(1e-12));
        assertThat(b.reportedCostUsd()).isEqualTo(0.65);
        assertThat(b.costByModel()).extracting(UsageWire.ModelCost::model).containsExactly("Opus", "GPT-5", "Sonnet");
    }

    @Test
    void anEmptyBucketIsZeroWithNoReportedCost() {
        UsageWire.Bucket b = UsageTally.bucket(List.of(), 0);
        assertThat(b.totalTokens()).isZero();
        assertThat(b.totalCostUsd()).isZero();
        assertThat(b.reportedCostUsd()).isNull();
        assertThat(b.costByModel()).isEmpty();
    }

    @Test
    void groupsCarryTheirKeyAndDaysComeInOrder() {
        List<UsageWire.Group> days = UsageTally.groups("day", List.of(
                new UsageTally.GroupRow(null, null, null, 172_800L, 1, 1, 1, 1, 0, 0, 0.5, null),
                new UsageTally.GroupRow(null, null, null, 86_400L, 1, 1, 1, 1, 0, 0, 0.1, null)));
        assertThat(days).extracting(UsageWire.Group::groupKey).containsExactly("86400", "172800");
        List<UsageWire.Group> sessions = UsageTally.groups("session", List.of(
                new UsageTally.GroupRow("claude", null, "od-a", null, 2, 1, 1, 1, 0, 0, 0.1, null),
                new UsageTally.GroupRow("codex", null, "od-b", null, 1, 1, 1, 1, 0, 0, 0.3, null)));
        assertThat(sessions).extracting(UsageWire.Group::groupKey).containsExactly("od-b", "od-a");
        assertThat(sessions.get(0).provider()).isEqualTo("codex");
        assertThat(sessions.get(0).tokens().totalTokens()).isEqualTo(2);
        UsageWire.Totals t = UsageTally.totals(List.of(byModel("Opus", 1, 1, 1, 0.1, 0.2),
                byModel("Haiku", 1, 1, 1, 0.2, 0.3)), 1);
        assertThat(t.sessionCount()).isEqualTo(2);
        assertThat(t.distinctSessionCount()).isEqualTo(1);
        assertThat(t.reportedCostUsd()).isCloseTo(0.5, within(1e-12));
        assertThat(t.totalCostUsd()).isCloseTo(0.3, within(1e-12));
    }
}
