package dev.flightdeck.core.usage;

import java.util.Locale;

/**
 * Estimated cost of a turn from list prices per million tokens. Pure. The CLI's own figure is kept
 * beside it; this estimate exists so every provider and every turn is priced the same way.
 */
public final class Pricing {
    public static final String VERSION = "2026-11";
    public static final String SOURCE = "flightdeck_list_prices";

    /** Prices in USD per million tokens. */
    public record Rates(String modelKey, double input, double output, double cacheRead, double cacheWrite) {
    }

    public record Estimate(double costUsd, Rates rates) {
    }

    static final Rates OPUS = new Rates("opus", 5.0, 25.0, 0.5, 6.25);
    static final Rates SONNET = new Rates("sonnet", 3.0, 15.0, 0.3, 3.75);
    static final Rates HAIKU = new Rates("haiku", 1.0, 5.0, 0.1, 1.25);
    static final Rates GPT = new Rates("gpt", 1.25, 10.0, 0.125, 0.0);
    static final Rates UNKNOWN = new Rates("unknown", 0, 0, 0, 0);

    private Pricing() {
    }

    public static Rates ratesFor(String model) {
        String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
        if (m.contains("opus")) {
            return OPUS;
        }
        if (m.contains("sonnet")) {
            return SONNET;
        }
        if (m.contains("haiku")) {
            return HAIKU;
        }
        if (m.startsWith("gpt") || m.contains("codex") || m.startsWith("o3") || m.startsWith("o4")) {
            return GPT;
        }
        return UNKNOWN;
    }

    public static Estimate estimate(String model, long input, long output, long cacheRead, long cacheWrite) {
        Rates r = ratesFor(model);
        double cost = (input * r.input() + output * r.output() + cacheRead * r.cacheRead()
                + cacheWrite * r.cacheWrite()) / 1_000_000.0;
        return new Estimate(Math.round(cost * 1e9) / 1e9, r);
    }
}
