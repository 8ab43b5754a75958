package dev.flightdeck.core.event;

import java.util.List;

/**
 * What a subscriber that says it has seen {@code since} must be sent. Pure, so every rule is unit tested.
 */
public final class Replay {
    public enum Kind { NOTHING, INVALIDATE, EVENTS }

    /** The decision; {@code events} is set only for {@link Kind#EVENTS}. */
    public record Decision(Kind kind, long revision, List<Revisioned> events) {
        static Decision nothing(long current) {
            return new Decision(Kind.NOTHING, current, List.of());
        }

        static Decision invalidate(long current) {
            return new Decision(Kind.INVALIDATE, current, List.of());
        }
    }

    private Replay() {
    }

    /** List surfaces keep no per-item history worth replaying: a client behind refetches once. */
    public static Decision forList(Long since, long current) {
        if (since != null && since == current) {
            return Decision.nothing(current);
        }
        return Decision.invalidate(current);
    }

    /**
     * A session surface.
     *
     * @param logged the logged events with revision in (since, current], in revision order; may be
     *               incomplete when retention has dropped the oldest
     */
    public static Decision forSession(String surface, Long since, long current, List<Revisioned> logged) {
        if (since == null || since > current) {
            // No cursor, or a cursor from another database: only a refetch is safe.
            return Decision.invalidate(current);
        }
        if (since == current) {
            return Decision.nothing(current);
        }
        if (!contiguous(since, current, logged)) {
            return Decision.invalidate(current);
        }
        List<Revisioned> relevant = logged.stream().filter(e -> Routing.reaches(e, surface)).toList();
        if (relevant.isEmpty()) {
            return Decision.nothing(current);
        }
        if (Routing.replaysExactly(surface)) {
            return new Decision(Kind.EVENTS, current, relevant);
        }
        return Decision.invalidate(current);
    }

    /**
     * A scope whose events are all sent as they are (missions): the events after {@code since} when the
     * log still has every one of them, else one invalidation at the current revision.
     */
    public static Decision forScope(Long since, long current, List<Revisioned> logged) {
        if (since == null || since > current) {
            return Decision.invalidate(current);
        }
        if (since == current) {
            return Decision.nothing(current);
        }
        return contiguous(since, current, logged) ? new Decision(Kind.EVENTS, current, logged) : Decision.invalidate(current);
    }

    /** Every revision in (since, current] is present exactly once: nothing was pruned. */
    static boolean contiguous(long since, long current, List<Revisioned> logged) {
        if (logged.size() != current - since) {
            return false;
        }
        long expected = since + 1;
        for (Revisioned e : logged) {
            if (e.revision() != expected++) {
                return false;
            }
        }
        return true;
    }
}
