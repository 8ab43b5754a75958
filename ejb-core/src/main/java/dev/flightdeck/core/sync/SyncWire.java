package dev.flightdeck.core.sync;

/** Wire shapes of {@code /api/sync} and {@code /api/workspaces}. */
public final class SyncWire {
    private SyncWire() {
    }

    public record Acked(long ackedThrough) {
    }

    /** A workspace as the API shows it; {@code sync_token_id} names its token, never the secret. */
    public record Workspace(String id, String provider, String missionIssueId, String sessionId, String externalId,
                            String repoUrl, String branch, String status, String syncTokenId, long syncAckedThrough,
                            long syncLogCount, String lastHeartbeatAt, String createdAt, String readyAt, String destroyedAt) {
    }

    /** The one answer that carries the sync token in plain text. */
    public record WithToken(Workspace workspace, String syncToken) {
    }
}
