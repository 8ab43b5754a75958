package dev.flightdeck.core.session.machine;

import dev.flightdeck.core.agent.AgentRules;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.session.WorkStatus;
import java.util.List;

/**
 * Compaction, rollback and undo. Claude keeps its conversation in its own transcript, so a rollback
 * does not edit it: it records where the next launch resumes, and the caller relaunches there.
 */
public final class ControlTransitions {
    private ControlTransitions() {
    }

    static Transition apply(SessionState s, SessionInput.Control in, long now) {
        if (in instanceof SessionInput.CompactStarted) {
            require(s, "compact_context");
            if (s.currentTurnId != null) {
                throw ErrorCode.TURN_IN_PROGRESS.error("session " + s.id
                        + " is running a turn; compact it when the turn is done");
            }
            // The agent's result closes the compaction turn like any other.
            s.openTurn();
            s.workStatus = WorkStatus.WORKING;
            s.attentionReason = null;
            s.lastProgressAt = now;
            return Transition.of(s);
        }
        SessionInput.RolledBack r = (SessionInput.RolledBack) in;
        require(s, r.undo() ? "undo_last_turn" : "rollback_turns");
        if (s.currentTurnId != null) {
            throw ErrorCode.TURN_IN_PROGRESS.error("session " + s.id
                    + " is running a turn; stop it before rolling back");
        }
        List<String> live = r.liveTurns();
        if (r.numTurns() < 1 || r.numTurns() > live.size()) {
            throw ErrorCode.INVALID_ARGUMENT.error("num_turns: the session has " + live.size()
                    + " turn(s) to roll back");
        }
        int keep = live.size() - r.numTurns();
        if (keep > 0 && r.lastKeptResume() == null) {
            throw ErrorCode.ROLLBACK_FAILED.error("the agent never reported where "
                    + live.get(keep - 1) + " ended, so its conversation cannot be cut there");
        }
        if (keep == 0) {
            // Nothing is left to resume: the next message starts a new agent conversation.
            s.providerSessionId = null;
            s.forkFromProviderId = null;
        }
        s.resumeAt = keep == 0 ? null : r.lastKeptResume();
        s.turnCount = keep;
        s.lastActivityAt = now;
        return Transition.of(s, new SessionEffect.MarkTurns(List.copyOf(live.subList(keep, live.size())),
                r.numTurns(), r.undo()));
    }

    /** 422 unsupported_control, or 409 control_unavailable, unless the rules of §1.5 allow the control now. */
    public static void require(SessionState s, String control) {
        AgentRules.Control c = AgentRules.controls(s.facts()).get(control);
        if (!c.supported()) {
            throw ErrorCode.UNSUPPORTED_CONTROL.error(control + " is not supported for " + s.provider
                    + " sessions");
        }
        if (!c.available()) {
            throw ErrorCode.CONTROL_UNAVAILABLE.error(control + " is not available for session " + s.id
                    + " now (it needs a direct, open session" + (control.contains("turn") && s.turnCount == 0
                    ? " with at least one turn" : "") + ")");
        }
    }
}
