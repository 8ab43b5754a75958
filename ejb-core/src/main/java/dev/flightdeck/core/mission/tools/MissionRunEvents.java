package dev.flightdeck.core.mission.tools;

/**
 * What the mission tools tell the orchestrator. Implemented by the orchestrator's issue service; each
 * call is its own transaction and publishes the mission's change.
 */
public interface MissionRunEvents {
    /** The token of a live run, or empty when it is unknown, revoked or its run is over. */
    java.util.Optional<MissionToolContext> contextOf(String toolTokenId);

    /** The tracker of the run's mission, opened with the mission's resolved key (never shown to the agent). */
    dev.flightdeck.core.mission.tracker.Tracker trackerFor(MissionToolContext ctx);

    /** The spending against its caps, or null when MISSION.md sets no budget. */
    BudgetStatus budget(MissionToolContext ctx);

    /** mission_link_pr: records pr_url and counts as evidence of a handoff. */
    void prLinked(MissionToolContext ctx, String url);

    /**
     * mission_set_status: the tracker was moved to {@code state}. When that is the mission's
     * state_on_complete or a terminal state, the run is over and the issue completed.
     */
    void statusSet(MissionToolContext ctx, String state, boolean terminal);

    /** mission_report_blocked: the issue becomes blocked with this reason and is never retried. */
    void blocked(MissionToolContext ctx, String reason);

    /**
     * mission_commit: commits everything in the run's worktree with this message, outside the agent's
     * sandbox. Never throws for git's own refusals: they come back as {@link CommitResult#failure}.
     */
    CommitResult commit(MissionToolContext ctx, String message);

    /** The run's living status comment, so later updates edit it instead of adding another. */
    void statusComment(MissionToolContext ctx, String commentId);
}
