package dev.flightdeck.core.mission.machine;

/** Everything that can change a mission issue, from the scheduler, the agent's tools, the tracker or a person. */
public interface IssueEvent {
    // The scheduler.

    /** The scheduler picked the issue for a run with this provider (eligibility is decided before). */
    record Claimed(String provider) implements IssueEvent {
    }

    /** The run's session exists and its prompt was sent. */
    record Launched(String sessionId) implements IssueEvent {
    }

    /** The run could not start: worktree, session or prompt failed. */
    record DispatchFailed(String error) implements IssueEvent {
    }

    /**
     * The run's agent stopped working: its turn finished ({@code clean}) or the agent crashed, exited,
     * or its turn failed.
     */
    record RunEnded(boolean clean, String detail) implements IssueEvent {
    }

    /** No progress for the stall timeout. */
    record Stalled(long idleSeconds) implements IssueEvent {
    }

    /** The issue's budget is used up. */
    record BudgetExceeded(String reason) implements IssueEvent {
    }

    // The tracker.

    /** A fresh snapshot: its state name and whether that state is terminal. */
    record TrackerSeen(String stateName, boolean terminal) implements IssueEvent {
    }

    // The agent, through the mission tools.

    /** The agent moved the tracker issue; {@code terminal} when the tracker calls that state done. */
    record StatusSet(String stateName, boolean terminal) implements IssueEvent {
    }

    record PrLinked(String url) implements IssueEvent {
    }

    record ReportedBlocked(String reason) implements IssueEvent {
    }

    // People, through the API.

    /** {@code …/transition}: checked against allowed_transitions. */
    record ManualTransition(IssueState target, String reason) implements IssueEvent {
    }

    /** {@code …/retry}: back to queued from anywhere, attempt 0. */
    record ManualRetry() implements IssueEvent {
    }

    /** {@code …/complete}. */
    record ManualComplete(String trackerState) implements IssueEvent {
    }

    /** {@code …/blocked}. */
    record ManualBlocked(String reason) implements IssueEvent {
    }

    /** {@code …/pr}. */
    record ManualPr(String url) implements IssueEvent {
    }
}
