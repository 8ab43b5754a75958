package dev.flightdeck.core.usage;

import dev.flightdeck.core.error.ApiException;

/**
 * The time arithmetic of the usage routes. Pure. Callers send Unix seconds (the contract's
 * {@code *_unix} parameters); the ledger stores epoch milliseconds. A range is half-open,
 * [start, end): a turn observed exactly at the end belongs to the next range, so consecutive days
 * never count a turn twice.
 */
public final class UsageRange {
    public static final long DAY_SECONDS = 86_400;
    /** 9999-12-31T23:59:59Z: later values are not times any client means. */
    public static final long MAX_UNIX = 253_402_300_799L;
    /** The longest day breakdown the overview draws: a year and a bit, so one request stays bounded. */
    public static final long MAX_DAYS = 400;

    /** Epoch-millisecond bounds; null is open on that side. */
    public record Millis(Long from, Long to) {
        public static final Millis ALL = new Millis(null, null);
    }

    private UsageRange() {
    }

    /** A {@code *_unix} query parameter: absent, or whole seconds in [0, {@link #MAX_UNIX}]; else 400. */
    public static Long unix(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        long v;
        try {
            v = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(name, "must be whole Unix seconds");
        }
        if (v < 0 || v > MAX_UNIX) {
            throw ApiException.invalidField(name, "must be between 0 and " + MAX_UNIX);
        }
        return v;
    }

    /** Checks a pair of bounds: when both are given the start must come first. */
    public static Millis between(String startName, Long start, String endName, Long end) {
        if (start != null && end != null && start >= end) {
            throw ApiException.invalidField(startName, "must be before " + endName);
        }
        return new Millis(start == null ? null : start * 1000, end == null ? null : end * 1000);
    }

    /** The day that starts at {@code todayStart} (caller's midnight), as millis bounds. */
    public static Millis day(long todayStart) {
        return new Millis(todayStart * 1000, (todayStart + DAY_SECONDS) * 1000);
    }

    /** The start of the UTC day holding {@code nowMillis}, in seconds: the default "today". */
    public static long utcDayStart(long nowMillis) {
        return Math.floorDiv(nowMillis / 1000, DAY_SECONDS) * DAY_SECONDS;
    }

    /**
     * The start (seconds) of the day holding {@code unix}, where days begin at {@code anchor} and every
     * 86,400 s after or before it. The caller's {@code today_start_unix} is the anchor, so days follow its
     * time zone (a daylight-saving change shifts the older days by that hour; documented).
     */
    public static long dayStart(long anchor, long unix) {
        return anchor + Math.floorDiv(unix - anchor, DAY_SECONDS) * DAY_SECONDS;
    }

    /** The overview's day range: the given bounds, or the 30 days ending with today; at most {@link #MAX_DAYS}. */
    public static Millis overviewDays(long todayStart, Long rangeStart, Long rangeEnd) {
        long end = rangeEnd != null ? rangeEnd : todayStart + DAY_SECONDS;
        long start = rangeStart != null ? rangeStart : end - 30 * DAY_SECONDS;
        if (start >= end) {
            throw ApiException.invalidField("range_start_unix", "must be before range_end_unix");
        }
        if (end - start > MAX_DAYS * DAY_SECONDS) {
            throw ApiException.invalidField("range_start_unix", "the range may span at most " + MAX_DAYS + " days");
        }
        return new Millis(start * 1000, end * 1000);
    }
}
