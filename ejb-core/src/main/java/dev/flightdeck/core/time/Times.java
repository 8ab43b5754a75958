package dev.flightdeck.core.time;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Times are stored as epoch milliseconds and travel as RFC 3339 UTC strings. */
public final class Times {
    private Times() {
    }

    public static String iso(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }

    /** Parses an RFC 3339 instant, or returns null when the text is not one. */
    public static Long parseOrNull(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }
}
