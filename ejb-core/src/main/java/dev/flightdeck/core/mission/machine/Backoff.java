package dev.flightdeck.core.mission.machine;

import java.util.SplittableRandom;

/**
 * Retry delays: exponential from a base, capped, with "equal jitter" (half fixed, half random) so a burst
 * of failures does not retry in lockstep. The random half is seeded by the issue and its failure count,
 * so the same failure always gets the same delay: restarts and tests agree on it.
 */
public final class Backoff {
    private static final int MAX_EXPONENT = 20;

    private Backoff() {
    }

    /** The ceiling before jitter for the n-th consecutive failure (n ≥ 1). */
    public static long ceiling(int failures, long baseMs, long maxMs) {
        int exponent = Math.min(Math.max(failures, 1) - 1, MAX_EXPONENT);
        long raw = baseMs << exponent;
        return raw < 0 || raw > maxMs ? maxMs : raw;
    }

    public static long delay(int failures, long baseMs, long maxMs, long seed) {
        long ceiling = ceiling(failures, baseMs, maxMs);
        long half = ceiling / 2;
        long jitter = half == 0 ? 0 : new SplittableRandom(seed * 31 + failures).nextLong(half + 1);
        return ceiling - half + jitter;
    }
}
