package dev.flightdeck.core.usage;

import java.util.List;
import java.util.Locale;

/**
 * Estimated cost of a turn from list prices per million tokens. Pure. The CLI's own figure is kept
 * beside it; this estimate exists so every provider and every turn is priced the same way.
 *
 * <p>The table is versioned: when a price changes, {@link #VERSION} changes with it. Each ledger row
 * keeps the version and the rates it was priced with, so a later table never rewrites an old turn.
 */
public final class Pricing {
    public static final String VERSION = "2026-11";
    public static final String SOURCE = "flightdeck_list_prices";

    /** Prices in USD per million tokens. */
    public record Rates(String modelKey, double input, double output, double cacheRead, double cacheWrite) {
    }

    public record Estimate(double costUsd, Rates rates) {
    }

    /** One line of the table: a model matches it when its lower-cased id contains every needle. */
    record Line(List<String> needles, Rates rates) {
        boolean matches(String model) {
            return needles.stream().allMatch(model::contains);
        }
    }

    static final Rates OPUS = new Rates("opus", 5.0, 25.0, 0.5, 6.25);
    static final Rates SONNET = new Rates("sonnet", 3.0, 15.0, 0.3, 3.75);
    static final Rates HAIKU = new Rates("haiku", 1.0, 5.0, 0.1, 1.25);
    static final Rates GPT_MINI = new Rates("gpt-mini", 0.25, 2.0, 0.025, 0.0);
    static final Rates GPT = new Rates("gpt", 1.25, 10.0, 0.125, 0.0);
    static final Rates UNKNOWN = new Rates("unknown", 0, 0, 0, 0);

    /** First match wins: the more specific lines come first. */
    static final List<Line> TABLE = List.of(
            new Line(List.of("opus"), OPUS),
            new Line(List.of("sonnet"), SONNET),
            new Line(List.of("haiku"), HAIKU),
            new Line(List.of("gpt", "mini"), GPT_MINI),
            new Line(List.of("codex", "mini"), GPT_MINI));

    private Pricing() {
    }

    public static Rates ratesFor(String model) {
        String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
        for (Line line : TABLE) {
            if (line.matches(m)) {
                return line.rates();
            }
        }
        if (m.startsWith("gpt") || m.contains("codex") || m.startsWith("o3") || m.startsWith("o4")) {
            return GPT;
        }
        return UNKNOWN;
    }

    public static Estimate estimate(String model, long input, long output, long cacheRead, long cacheWrite) {
        Rates r = ratesFor(model);
        return new Estimate(cost(r, input, output, cacheRead, cacheWrite), r);
    }

    static double cost(Rates r, long input, long output, long cacheRead, long cacheWrite) {
        double cost = (input * r.input() + output * r.output() + cacheRead * r.cacheRead()
                + cacheWrite * r.cacheWrite()) / 1_000_000.0;
        return Math.round(cost * 1e9) / 1e9;
    }
}
