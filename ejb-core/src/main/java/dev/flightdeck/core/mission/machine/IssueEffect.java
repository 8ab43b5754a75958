package dev.flightdeck.core.mission.machine;

/** What the EJB must do after writing a decision: each runs after the issue's transaction commits. */
public interface IssueEffect {
    /** End the run's session (its agent stops); the run's tool token is revoked with it. */
    record EndSession(String sessionId, String reason) implements IssueEffect {
    }

    /** Close the open run record with this outcome. */
    record CloseRun(String outcome, String error) implements IssueEffect {
    }

    /** Move the tracker issue to this state (best effort, retried by the next poll's reconciliation). */
    record MoveTracker(String stateName) implements IssueEffect {
    }

    /** Post or update the run's status comment on the tracker issue. */
    record Comment(String body) implements IssueEffect {
    }

    /** Send the agent a message to continue its work. */
    record Nudge(String sessionId, String text) implements IssueEffect {
    }

    /** Poll the mission soon (a re-queued issue should not wait a whole interval). */
    record PollSoon() implements IssueEffect {
    }
}
