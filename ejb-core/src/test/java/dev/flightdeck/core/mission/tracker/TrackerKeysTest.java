package dev.flightdeck.core.mission.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrackerKeysTest {
    @Test
    void theMissionsKeyThenTheEnvironmentThenTheStoredKey() {
        AtomicInteger storeReads = new AtomicInteger();
        assertThat(TrackerKeys.precedence("m", Optional.of("e"), () -> {
            storeReads.incrementAndGet();
            return Optional.of("g");
        })).contains(new TrackerKeys.Resolved("m", TrackerKeys.Source.MISSION));
        assertThat(storeReads).hasValue(0);
        assertThat(TrackerKeys.precedence(null, Optional.of("e"), () -> Optional.of("g")))
                .contains(new TrackerKeys.Resolved("e", TrackerKeys.Source.ENV));
        assertThat(TrackerKeys.precedence(" ", Optional.empty(), () -> Optional.of("g")))
                .contains(new TrackerKeys.Resolved("g", TrackerKeys.Source.GLOBAL));
        assertThat(TrackerKeys.precedence(null, Optional.empty(), () -> Optional.of(""))).isEmpty();
        assertThat(TrackerKeys.precedence(null, Optional.empty(), Optional::empty)).isEmpty();
    }

    @Test
    void aResolvedKeyPrintsWithoutTheKey() {
        assertThat(new TrackerKeys.Resolved("lin_api_secret", TrackerKeys.Source.ENV).toString())
                .doesNotContain("lin_api_secret").contains("env");
    }
}
