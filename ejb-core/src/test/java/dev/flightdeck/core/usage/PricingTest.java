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

    @Test
    void miniModelsHaveTheirOwnLineAndTheTableIsVersioned() {
        assertThat(Pricing.ratesFor("gpt-5-mini").modelKey()).isEqualTo("gpt-mini");
        assertThat(Pricing.ratesFor("codex-mini-latest").modelKey()).isEqualTo("gpt-mini");
        assertThat(Pricing.ratesFor("gpt-5.1-codex").modelKey()).isEqualTo("gpt");
        assertThat(Pricing.ratesFor("o3").modelKey()).isEqualTo("gpt");
        assertThat(Pricing.VERSION).matches("\\d{4}-\\d{2}");
        // 2M in at 1.25, 1M out at 10, 4M cached at 0.125: 2.5 + 10 + 0.5
        assertThat(Pricing.estimate("gpt-5", 2_000_000, 1_000_000, 4_000_000, 0).costUsd()).isCloseTo(13.0, within(1e-9));
    }
}
