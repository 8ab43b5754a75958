package dev.flightdeck.core.mission;

import java.util.List;

/** Mission responses and messages (contract §1.15, §2.2, §4 "API shapes"), plus Flightdeck's additive fields. */
public final class MissionWire {
    private MissionWire() {
    }

    public record Summary(String id, String name, String repoRoot, boolean enabled, boolean paused, String trackerKind,
                          String provider, String providerStrategy, String primaryProvider, String secondaryProvider,
                          int activeCount, int queuedCount, int completedCount, int failedCount, String parseError,
                          String orchestratorStatus, String lastPolledAt, Long pollInterval, String missionFilePath,
                          String trackerKeySource, long revision) {
    }

    /**
     * One tracked issue. After {@code pr_url} come Flightdeck's additions: the retry timer, why an issue
     * is held, every attempt ever made, the run's branch, its spending, and the budget warning once
     * spending crosses the MISSION.md's warn_at of a cap.
     */
    public record IssueItem(String issueId, String identifier, String title, String trackerState,
                            String orchestrationState, String sessionId, String provider, int attempt, String error,
                            String url, String lastActivity, String startedAt, String completedAt,
                            List<String> allowedTransitions, String workStatus, String lastMessage, String prUrl,
                            String retryDueAt, String retryKind, String holdReason, int attemptsTotal, String branch,
                            long tokensUsed, double costUsd, String budgetWarning) {
    }

    public record CleanupPrompt(int lingeringWorktreeCount) {
    }

    /** {@code MissionDetailResponse}. */
    public record Detail(Summary summary, List<IssueItem> issues, CleanupPrompt cleanupPrompt, Object settings,
                         boolean missionFileExists, String missionFilePath, boolean workflowMigrationAvailable) {
    }

    public record Listing(List<Summary> missions) {
    }

    public record Ok(boolean ok) {
    }

    public record TrackerKey(boolean configured, String source) {
    }

    public record Template(String template) {
    }

    public record Worktree(String id, String branch, String worktreePath, boolean diskPresent,
                           String orchestrationState, String issueIdentifier, String issueTitle) {
    }

    public record Worktrees(List<Worktree> worktrees) {
    }

    /** One attempt of an issue: its session, and how it ended (Flightdeck). */
    public record Run(String id, int attempt, String sessionId, String provider, String startedAt, String endedAt,
                      String outcome, String error) {
    }

    public record Runs(String issueId, List<Run> runs) {
    }

    public record Invalidated(String type, String missionId, long revision) {
    }

    public record ListInvalidated(String type, long revision) {
    }

    public record Heartbeat(String type, String missionId, String tickStartedAt, String nextTickAt) {
    }
}
