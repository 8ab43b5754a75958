package dev.flightdeck.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PricingTest {
    @Test
    void pricesByModelFamilyPerMillionTokens() {
        assertThat(Pricing.ratesFor("claude-opus-4-5").modelKey()).isEqualTo("opus");
        assertThat(Pricing.ratesFor("claude-sonnet-4-5-20250929").modelKey()).isEqualTo("sonnet");
        assertThat(Pricing.ratesFor("claude-haiku-4-5").modelKey()).isEqualTo("haiku");
        assertThat(Pricing.ratesFor(null).modelKey()).isEqualTo("unknown");
        // 1M in at 3 + 1M out at 15 + 1M cache read at 0.3 + 1M cache write at 3.75
        assertThat(Pricing.estimate("claude-sonnet-4-5", 1_000_000, 1_000_000, 1_000_000, 1_000_000).costUsd()).isCloseTo(22.05, within(1e-9));
        assertThat(Pricing.estimate("mystery", 5, 5, 5, 5).costUsd()).isEqualTo(0.0);
    }
}
