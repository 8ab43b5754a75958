package dev.flightdeck.core.usage;

import java.util.Comparator;
import java.util.List;

/**
 * Turns the ledger's grouped sums into the usage routes' shapes. Pure: the database does the summing
 * (over an index), this does the arithmetic the wire adds on top.
 *
 * <p>{@code session_count} counts a session once per group it has turns in (so a session that used two
 * models counts twice in a summary's bucket); {@code distinct_session_count} counts it once.
 */
public final class UsageTally {
    private UsageTally() {
    }

    /** One row of a GROUP BY over the ledger. Only the keys of the grouping are set. */
    public record GroupRow(String provider, String model, String sessionId, Long dayStartUnix, long turnCount,
                           long distinctSessions, long inputTokens, long outputTokens, long cacheReadTokens,
                           long cacheCreationTokens, double costUsd, Double reportedCostUsd) {
        UsageWire.Tokens tokens() {
            return UsageWire.Tokens.of(inputTokens, outputTokens, cacheReadTokens, cacheCreationTokens);
        }
    }

    /** The key a group travels under: its provider, model family, session id or day start. */
    public static String key(String groupBy, GroupRow r) {
        return switch (groupBy) {
            case "provider" -> r.provider();
            case "model" -> r.model();
            case "session" -> r.sessionId();
            case "day" -> String.valueOf(r.dayStartUnix());
            default -> throw new IllegalArgumentException(groupBy);
        };
    }

    public static UsageWire.Group group(String groupBy, GroupRow r) {
        return new UsageWire.Group(key(groupBy, r), r.provider(), r.model(), r.sessionId(), r.dayStartUnix(),
                r.turnCount(), r.distinctSessions(), r.distinctSessions(), r.tokens(), round(r.costUsd()),
                roundOrNull(r.reportedCostUsd()));
    }

    /** Groups in the order a reader wants them: days oldest first, everything else costliest first. */
    public static List<UsageWire.Group> groups(String groupBy, List<GroupRow> rows) {
        Comparator<UsageWire.Group> order = "day".equals(groupBy)
                ? Comparator.comparing(UsageWire.Group::dayStartUnix)
                : Comparator.comparingDouble(UsageWire.Group::totalCostUsd).reversed()
                        .thenComparing(UsageWire.Group::groupKey, Comparator.nullsLast(Comparator.naturalOrder()));
        return rows.stream().map(r -> group(groupBy, r)).sorted(order).toList();
    }

    public static UsageWire.Totals totals(List<GroupRow> groups, long distinctSessions) {
        long turns = 0, sessions = 0, in = 0, out = 0, cr = 0, cc = 0;
        double cost = 0;
        Double reported = null;
        for (GroupRow r : groups) {
            turns += r.turnCount();
            sessions += r.distinctSessions();
            in += r.inputTokens();
            out += r.outputTokens();
            cr += r.cacheReadTokens();
            cc += r.cacheCreationTokens();
            cost += r.costUsd();
            reported = plus(reported, r.reportedCostUsd());
        }
        return new UsageWire.Totals(turns, sessions, distinctSessions, UsageWire.Tokens.of(in, out, cr, cc),
                round(cost), roundOrNull(reported));
    }

    /** A summary bucket from the bucket's rows grouped by model family. */
    public static UsageWire.Bucket bucket(List<GroupRow> byModel, long distinctSessions) {
        UsageWire.Totals t = totals(byModel, distinctSessions);
        List<UsageWire.ModelCost> costs = byModel.stream()
                .map(r -> new UsageWire.ModelCost(r.model(), round(r.costUsd())))
                .sorted(Comparator.comparingDouble(UsageWire.ModelCost::costUsd).reversed()
                        .thenComparing(UsageWire.ModelCost::model))
                .toList();
        UsageWire.Tokens k = t.tokens();
        return new UsageWire.Bucket(t.sessionCount(), distinctSessions, k.totalTokens(), k.inputTokens(),
                k.outputTokens(), k.cachedTokens(), t.turnCount(), t.totalCostUsd(), t.reportedCostUsd(), costs);
    }

    /** Null when neither is known; written out so no null is unboxed. */
    static Double plus(Double a, Double b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a + b;
    }

    /** Sums of prices carry float noise; a nanodollar is finer than any price. */
    static double round(double usd) {
        return Math.round(usd * 1e9) / 1e9;
    }

    static Double roundOrNull(Double usd) {
        return usd == null ? null : round(usd);
    }
}
