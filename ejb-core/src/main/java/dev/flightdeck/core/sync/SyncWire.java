package dev.flightdeck.core.sync;

/** Wire shapes of {@code /api/sync} and {@code /api/workspaces}. */
public final class SyncWire {
    private SyncWire() {
    }

    public record Acked(long ackedThrough) {
    }

    /**
     * A workspace as the API shows it; {@code sync_token_id} names its token, never the secret.
     * {@code sync_outcomes} counts the logged commands by what applying them did (applied, recorded, refused).
     */
    public record Workspace(String id, String provider, String missionIssueId, String sessionId, String externalId,
                            String repoUrl, String branch, String status, String syncTokenId, long syncAckedThrough,
                            long syncLogCount, java.util.Map<String, Long> syncOutcomes, String lastHeartbeatAt,
                            String createdAt, String readyAt, String destroyedAt) {
    }

    /** The one answer that carries the sync token in plain text. */
    public record WithToken(Workspace workspace, String syncToken) {
    }
}
