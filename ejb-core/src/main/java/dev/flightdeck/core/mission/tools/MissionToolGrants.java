package dev.flightdeck.core.mission.tools;

import java.util.Optional;

/**
 * Asked by the connectors each time they launch a session's agent: a mission run's session gets a
 * fresh tool token for its run; any other session gets nothing.
 */
public interface MissionToolGrants {
    Optional<ToolGrant> grantFor(String sessionId);
}
