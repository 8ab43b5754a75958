package dev.flightdeck.core.event;

/** Names of revision scopes: the session list surfaces, worktrees, the server's info, missions, one per session. */
public final class Scope {
    public static final String SESSIONS = "sessions";
    /** Worktree changes; every connection receives them (they belong to no session surface). */
    public static final String WORKTREES = "worktrees";
    /**
     * The server's role and primary claims (server_info); like worktrees, every connection receives
     * them, on every node, because they are in the shared event log.
     */
    public static final String SERVER = "server";
    /** The mission list; each mission also has its own scope. */
    public static final String MISSIONS = "missions";
    private static final String SESSION_PREFIX = "session:";
    private static final String MISSION_PREFIX = "mission:";

    private Scope() {
    }

    public static String session(String sessionId) {
        return SESSION_PREFIX + sessionId;
    }

    /** The session id of a session scope, or null for any other scope. */
    public static String sessionIdOf(String scope) {
        return scope.startsWith(SESSION_PREFIX) ? scope.substring(SESSION_PREFIX.length()) : null;
    }

    public static String mission(String missionId) {
        return MISSION_PREFIX + missionId;
    }

    /** The mission id of a mission scope, or null for any other scope. */
    public static String missionIdOf(String scope) {
        return scope.startsWith(MISSION_PREFIX) ? scope.substring(MISSION_PREFIX.length()) : null;
    }
}
