package dev.flightdeck.core.event;

/** Names of revision scopes: one for the session list surfaces, one for worktrees, one per session. */
public final class Scope {
    public static final String SESSIONS = "sessions";
    /** Worktree changes; every connection receives them (they belong to no session surface). */
    public static final String WORKTREES = "worktrees";
    private static final String SESSION_PREFIX = "session:";

    private Scope() {
    }

    public static String session(String sessionId) {
        return SESSION_PREFIX + sessionId;
    }

    /** The session id of a session scope, or null for any other scope. */
    public static String sessionIdOf(String scope) {
        return scope.startsWith(SESSION_PREFIX) ? scope.substring(SESSION_PREFIX.length()) : null;
    }
}
