package dev.flightdeck.core.worktree;

import java.util.List;

/** Worktree responses and messages (contract §1.14, §2.2). */
public final class WorktreeWire {
    private WorktreeWire() {
    }

    public record Summary(String id, String repoRoot, String worktreePath, String branch, String baseBranch,
                          String baseSha, String status, String createdAt, String lastSessionEndedAt,
                          String lastHealthCheckAt, boolean diskPresent, boolean autoPrune, String customName,
                          String createdBy, long activeSessionCount, long totalSessionCount) {
    }

    /** worktree_revision is the durable revision of the worktrees scope, the same on every node. */
    public record Listing(String repoRoot, long worktreeRevision, List<Summary> worktrees) {
    }

    public record Created(String repoRoot, long worktreeRevision, Summary worktree) {
    }

    public record Removed(String repoRoot, long worktreeRevision, String worktreeId, boolean deleted, boolean ok,
                          String snapshotId, List<String> warnings) {
    }

    public record Snapshot(String id, String worktreeId, String refName, String commitSha, String headSha,
                           String branch, String worktreePath, String reason, boolean dirty, String createdAt,
                           String restoredAt) {
    }

    public record Snapshots(String worktreeId, List<Snapshot> snapshots) {
    }

    public record Restored(String worktreeId, String snapshotId, boolean inPlace, long worktreeRevision,
                           Summary worktree) {
    }

    public record CreatedEvent(String type, String requestId, String repoRoot, long worktreeRevision, Summary worktree) {
    }

    public record RemovedEvent(String type, String requestId, String repoRoot, long worktreeRevision, String worktreeId) {
    }

    public record StatusChanged(String type, String worktreeId, String status, String repoRoot, long worktreeRevision) {
    }
}
