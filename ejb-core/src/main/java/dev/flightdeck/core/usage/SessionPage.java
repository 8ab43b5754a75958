package dev.flightdeck.core.usage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One page of the sessions route, newest use first, merged from two sources. Pure. Sessions whose turns
 * all lie inside the range come from their running totals (usage_session_totals) in the database's order,
 * so only a window of them is read; the few sessions that straddle a bound of the range (turns inside and
 * outside it) are summed over the range and all of them are at hand. A straddler can push a totals row
 * back by at most one place each, so the window that can reach page position {@code offset} starts at
 * most {@code straddlers} places earlier.
 */
public final class SessionPage {
    /** A session's sums over the range, and its latest turn in the range (epoch ms). */
    public record Ranked(UsageTally.GroupRow row, long lastAt) {
    }

    /** Newest use first, then by session id (as the totals query orders ties). */
    static final Comparator<Ranked> ORDER = Comparator.comparingLong(Ranked::lastAt).reversed()
            .thenComparing(r -> r.row().sessionId());

    private SessionPage() {
    }

    /** The first position of the totals rows to read for the page at {@code offset}. */
    public static int windowStart(int offset, int straddlers) {
        return Math.max(0, offset - straddlers);
    }

    /** How many totals rows to read from {@link #windowStart}: every one that can land on the page. */
    public static int windowLength(int offset, int limit, int straddlers) {
        return offset + limit - windowStart(offset, straddlers);
    }

    /**
     * The page [offset, offset + limit) of all sessions in order.
     *
     * @param window     the totals rows from position {@code windowStart} on, in the database's order
     * @param straddlers every straddling session with turns in the range, in any order
     */
    public static List<Ranked> page(int offset, int limit, int windowStart, List<Ranked> window,
                                    List<Ranked> straddlers) {
        List<Ranked> rest = new ArrayList<>(straddlers);
        rest.sort(ORDER);
        // The window's own order is kept as the database gave it; straddlers are merged in by ORDER. An
        // element's position among all sessions is windowStart plus its index here: the straddlers that
        // sort before the window's first row fall before the page whatever their exact position is.
        List<Ranked> merged = new ArrayList<>(window.size() + rest.size());
        int i = 0;
        int j = 0;
        while (i < window.size() || j < rest.size()) {
            if (j >= rest.size() || (i < window.size() && ORDER.compare(window.get(i), rest.get(j)) <= 0)) {
                merged.add(window.get(i++));
            } else {
                merged.add(rest.get(j++));
            }
        }
        int from = offset - windowStart;
        if (from >= merged.size()) {
            return List.of();
        }
        return List.copyOf(merged.subList(from, Math.min(merged.size(), from + limit)));
    }
}
