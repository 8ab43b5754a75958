package dev.flightdeck.core.usage;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a usage range is read from. Pure. The rollup (usage_rollup) holds the ledger summed by quarter
 * hour (UTC); a range reads the rollup for the whole quarter hours it covers and the ledger (usage_turns)
 * for the partial ones at its edges, so any range is exact and the ledger part is at most two quarter
 * hours of turns.
 */
public final class UsageBuckets {
    /** A quarter hour: every time zone in use today is a whole number of them from UTC. */
    public static final long BUCKET_SECONDS = 900;
    static final long BUCKET_MS = BUCKET_SECONDS * 1000;

    /**
     * @param ledger the parts read turn by turn (epoch-ms bounds), at most two
     * @param rollup the part read from the rollup (epoch-ms bounds on bucket starts, each on a bucket edge
     *               or open), or null when the range covers no whole bucket
     */
    public record Parts(List<UsageRange.Millis> ledger, UsageRange.Millis rollup) {
    }

    private UsageBuckets() {
    }

    /** The start (UTC seconds) of the bucket holding {@code epochMillis}. */
    public static long bucketStart(long epochMillis) {
        return Math.floorDiv(epochMillis, BUCKET_MS) * BUCKET_SECONDS;
    }

    /** Whether days anchored at {@code anchorUnix} begin on bucket edges, so a bucket never spans two days. */
    public static boolean dayAligned(long anchorUnix) {
        return Math.floorMod(anchorUnix, BUCKET_SECONDS) == 0;
    }

    /** The whole range, turn by turn. */
    public static Parts ledgerOnly(UsageRange.Millis range) {
        return new Parts(List.of(range), null);
    }

    /** Splits a half-open range into its whole buckets and the partial ones at each edge. */
    public static Parts split(UsageRange.Millis range) {
        Long from = range.from();
        Long to = range.to();
        Long rollFrom = from == null ? null : -Math.floorDiv(-from, BUCKET_MS) * BUCKET_MS;
        Long rollTo = to == null ? null : Math.floorDiv(to, BUCKET_MS) * BUCKET_MS;
        if (rollFrom != null && rollTo != null && rollFrom >= rollTo) {
            return ledgerOnly(range);
        }
        List<UsageRange.Millis> ledger = new ArrayList<>(2);
        if (from != null && from < rollFrom) {
            ledger.add(new UsageRange.Millis(from, rollFrom));
        }
        if (to != null && rollTo < to) {
            ledger.add(new UsageRange.Millis(rollTo, to));
        }
        return new Parts(List.copyOf(ledger), new UsageRange.Millis(rollFrom, rollTo));
    }
}
