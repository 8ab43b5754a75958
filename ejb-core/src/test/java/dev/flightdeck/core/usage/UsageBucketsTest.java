package dev.flightdeck.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsageBucketsTest {
    static UsageRange.Millis ms(Long from, Long to) {
        return new UsageRange.Millis(from, to);
    }

    @Test
    void aTurnBelongsToTheQuarterHourHoldingIt() {
        assertThat(UsageBuckets.bucketStart(0)).isZero();
        assertThat(UsageBuckets.bucketStart(899_999)).isZero();
        assertThat(UsageBuckets.bucketStart(900_000)).isEqualTo(900);
        assertThat(UsageBuckets.bucketStart(1_700_000_123_456L)).isEqualTo(1_700_000_100L);
    }

    @Test
    void daysAnchoredOnQuarterHoursNeverSplitABucket() {
        assertThat(UsageBuckets.dayAligned(1_700_006_400L)).isTrue(); // UTC midnight
        assertThat(UsageBuckets.dayAligned(1_700_006_400L - 19_800)).isTrue(); // India, +5:30
        assertThat(UsageBuckets.dayAligned(1_700_006_400L - 20_700)).isTrue(); // Nepal, +5:45
        assertThat(UsageBuckets.dayAligned(1_700_006_400L - 3_599)).isFalse();
    }

    @Test
    void aRangeReadsWholeBucketsFromTheRollupAndItsEdgesFromTheLedger() {
        UsageBuckets.Parts p = UsageBuckets.split(ms(1_000L, 2_700_500L));
        assertThat(p.rollup()).isEqualTo(ms(900_000L, 2_700_000L));
        assertThat(p.ledger()).containsExactly(ms(1_000L, 900_000L), ms(2_700_000L, 2_700_500L));
    }

    @Test
    void alignedBoundsReadNothingTurnByTurn() {
        UsageBuckets.Parts p = UsageBuckets.split(ms(900_000L, 1_800_000L));
        assertThat(p.rollup()).isEqualTo(ms(900_000L, 1_800_000L));
        assertThat(p.ledger()).isEmpty();
        assertThat(UsageBuckets.split(UsageRange.Millis.ALL)).isEqualTo(new UsageBuckets.Parts(List.of(),
                UsageRange.Millis.ALL));
    }

    @Test
    void anOpenSideHasNoEdge() {
        assertThat(UsageBuckets.split(ms(1_000L, null)))
                .isEqualTo(new UsageBuckets.Parts(List.of(ms(1_000L, 900_000L)), ms(900_000L, null)));
        assertThat(UsageBuckets.split(ms(null, 1_000L)))
                .isEqualTo(new UsageBuckets.Parts(List.of(ms(0L, 1_000L)), ms(null, 0L)));
    }

    @Test
    void aRangeInsideOneOrTwoPartialBucketsIsReadTurnByTurn() {
        assertThat(UsageBuckets.split(ms(1_000L, 2_000L))).isEqualTo(UsageBuckets.ledgerOnly(ms(1_000L, 2_000L)));
        assertThat(UsageBuckets.split(ms(1_000L, 901_000L))).isEqualTo(UsageBuckets.ledgerOnly(ms(1_000L, 901_000L)));
    }
}
