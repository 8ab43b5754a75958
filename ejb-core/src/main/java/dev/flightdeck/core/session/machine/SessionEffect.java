package dev.flightdeck.core.session.machine;

import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.RowDraft;
import java.util.List;

/** What a transition asks the caller to do, in order, in the same transaction. */
public sealed interface SessionEffect {
    record AppendRows(List<RowDraft> rows) implements SessionEffect {
    }

    /** Record the turn's usage, then store the turn's diff captured before the lock was taken. */
    record RecordTurn(String turnId, AgentEvent.TurnUsage usage, String resumeRef) implements SessionEffect {
    }

    /** Close the requests still pending as aborted. */
    record AbandonApprovals() implements SessionEffect {
    }

    record ResolveReviewComments(String turnId) implements SessionEffect {
    }

    /** Announce steer_outcome: the steer went into the running turn. */
    record AnnounceSteer(String messageId) implements SessionEffect {
    }

    /** Announce tokens_updated with the session's totals. */
    record AnnounceTokens() implements SessionEffect {
    }

    record AnnounceEnded(String reason) implements SessionEffect {
    }

    /** Mark the rows of these turns (rolled_back or undone) and announce the rollback. */
    record MarkTurns(List<String> turnIds, int numTurns, boolean undo) implements SessionEffect {
    }

    /** The session's worktree records that a session working there ended. */
    record WorktreeSessionEnded() implements SessionEffect {
    }
}
