package dev.flightdeck.core.event;

import java.util.Set;

/**
 * A committed change of one scope at one revision. Fired inside the writing transaction and observed
 * {@code during = AFTER_SUCCESS}, so nothing is broadcast for a transaction that rolls back.
 *
 * @param surfaces the session surfaces this event invalidates (empty for list scopes)
 * @param payload  the message exactly as it is broadcast and replayed
 */
public record Revisioned(String scope, long revision, String eventType, Set<String> surfaces, String payload) {
    public String sessionId() {
        return Scope.sessionIdOf(scope);
    }
}
