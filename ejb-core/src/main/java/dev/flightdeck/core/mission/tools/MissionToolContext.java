package dev.flightdeck.core.mission.tools;

import dev.flightdeck.core.mission.tracker.TrackerKind;

/**
 * What one run's tool token is bound to: a mission issue (its row id and the tracker's ids), the
 * attempt it belongs to, and the session running it. Resolved on every call, so a revoked or
 * finished run's token is refused.
 */
public record MissionToolContext(String missionId, String missionIssueId, String runId, String sessionId,
        TrackerKind trackerKind, String issueId, String issueIdentifier) {
}
