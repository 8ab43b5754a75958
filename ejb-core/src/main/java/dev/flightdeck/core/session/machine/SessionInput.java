package dev.flightdeck.core.session.machine;

import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.RowDraft;
import jakarta.json.JsonArray;
import java.util.List;

/**
 * Everything that changes a session, as plain data. Facts a transition needs from elsewhere (how many
 * approvals are pending, which turns are live) are looked up by the caller and carried in the input,
 * so the transition itself reads nothing.
 */
public sealed interface SessionInput {
    /** Inputs from the agent and the turns it runs ({@link TurnTransitions}). */
    sealed interface Turn extends SessionInput {
    }

    /** The approval queue changed ({@link ApprovalTransitions}). */
    sealed interface Approval extends SessionInput {
    }

    /** Turn controls that reshape the conversation ({@link ControlTransitions}). */
    sealed interface Control extends SessionInput {
    }

    /** Names, reads and the end of a session ({@link LifecycleTransitions}). */
    sealed interface Lifecycle extends SessionInput {
    }

    /** A terminal session's hooks, takeover and resume ({@link HookTransitions}). */
    sealed interface Hook extends SessionInput {
    }

    /**
     * A user message (a new turn unless one runs) or a steer (into the running turn).
     *
     * @param messageId the id the agent is sent the message under; the row id carries it
     */
    record MessageAccepted(boolean steer, String content, String model, String expectedTurnId, String messageId,
                           JsonArray imageRows) implements Turn {
    }

    record AgentStarted(long pid, String node) implements Turn {
    }

    record StartFailed(String reason) implements Turn {
    }

    record AgentBound(String providerSessionId, String model) implements Turn {
    }

    record RowsReceived(List<RowDraft> rows) implements Turn {
    }

    /** @param pendingApprovals requests still queued, which nobody can answer once the turn is over */
    record TurnCompleted(AgentEvent.TurnUsage usage, String resumeRef, boolean interrupted, int pendingApprovals)
            implements Turn {
    }

    record AgentExited(int exitCode, String detail, int pendingApprovals) implements Turn {
    }

    record Stalled(long limitMillis) implements Turn {
    }

    /** A request was queued; the counts are of the queue after it. */
    record ApprovalQueued(int pending, String firstPendingType) implements Approval {
    }

    /** A pending request was decided; the counts are of the queue after it. */
    record ApprovalDecided(int pending, String firstPendingType) implements Approval {
    }

    record CompactStarted() implements Control {
    }

    /**
     * @param liveTurns      the turns still in the conversation, oldest first
     * @param lastKeptResume where the agent resumes after the last kept turn; null if none is kept or unknown
     */
    record RolledBack(int numTurns, List<String> liveTurns, String lastKeptResume, boolean undo) implements Control {
    }

    /** @param pendingApprovals requests still queued, which nobody can answer once the session ends */
    record Ended(String reason, int pendingApprovals) implements Lifecycle {
    }

    /** A blank name clears it. */
    record Renamed(String name) implements Lifecycle {
    }

    record SummarySet(String summary) implements Lifecycle {
    }

    record MarkedRead() implements Lifecycle {
    }

    record HookSessionStarted(String model) implements Hook {
    }

    record HookSessionEnded(String reason) implements Hook {
    }

    record HookPromptSubmitted(String prompt, String rowId) implements Hook {
    }

    record HookStopped() implements Hook {
    }

    record HookNotification(String message) implements Hook {
    }

    /** @param started a PreToolUse (the tool starts), not a Post… (it finished) */
    record HookTool(RowDraft row, boolean started) implements Hook {
    }

    /** Any other hook event: only activity. */
    record HookActivity() implements Hook {
    }

    /** Flightdeck drives the session from now on; setting overrides are applied as a config patch. */
    record TakenOver() implements Hook {
    }

    record Resumed() implements Hook {
    }
}
