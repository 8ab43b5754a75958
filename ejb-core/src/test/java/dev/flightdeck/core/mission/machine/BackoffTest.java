package dev.flightdeck.core.mission.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void theCeilingDoublesFromTheBaseUpToTheCap() {
        assertThat(Backoff.ceiling(1, 10_000, 300_000)).isEqualTo(10_000);
        assertThat(Backoff.ceiling(2, 10_000, 300_000)).isEqualTo(20_000);
        assertThat(Backoff.ceiling(5, 10_000, 300_000)).isEqualTo(160_000);
        assertThat(Backoff.ceiling(6, 10_000, 300_000)).isEqualTo(300_000);
        assertThat(Backoff.ceiling(60, 10_000, 300_000)).isEqualTo(300_000);
        assertThat(Backoff.ceiling(0, 10_000, 300_000)).isEqualTo(10_000);
    }

    @Test
    void theDelayIsBetweenHalfTheCeilingAndTheCeiling() {
        for (int n = 1; n <= 12; n++) {
            for (long seed = 0; seed < 50; seed++) {
                long ceiling = Backoff.ceiling(n, 200, 5_000);
                assertThat(Backoff.delay(n, 200, 5_000, seed)).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void aSeedAlwaysGivesTheSameDelayAndSeedsSpreadThem() {
        assertThat(Backoff.delay(3, 10_000, 300_000, 7)).isEqualTo(Backoff.delay(3, 10_000, 300_000, 7));
        Set<Long> spread = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            spread.add(Backoff.delay(3, 10_000, 300_000, seed));
        }
        assertThat(spread).hasSizeGreaterThan(10);
    }

    @Test
    void aHugeBaseNeverOverflows() {
        assertThat(Backoff.delay(40, Long.MAX_VALUE / 4, 300_000, 1)).isBetween(150_000L, 300_000L);
    }
}
