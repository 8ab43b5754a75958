package dev.flightdeck.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PricingTest {
    @Test
    void pricesByModelFamilyPerMillionTokens() {
        assertEquals("opus", Pricing.ratesFor("claude-opus-4-5").modelKey());
        assertEquals("sonnet", Pricing.ratesFor("claude-sonnet-4-5-20250929").modelKey());
        assertEquals("haiku", Pricing.ratesFor("claude-haiku-4-5").modelKey());
        assertEquals("unknown", Pricing.ratesFor(null).modelKey());
        // 1M in at 3 + 1M out at 15 + 1M cache read at 0.3 + 1M cache write at 3.75
        assertEquals(22.05, Pricing.estimate("claude-sonnet-4-5", 1_000_000, 1_000_000, 1_000_000, 1_000_000).costUsd(), 1e-9);
        assertEquals(0.0, Pricing.estimate("mystery", 5, 5, 5, 5).costUsd());
    }
}
