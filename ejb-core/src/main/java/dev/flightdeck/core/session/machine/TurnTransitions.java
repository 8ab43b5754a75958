package dev.flightdeck.core.session.machine;

import dev.flightdeck.core.agent.AgentRules;
import dev.flightdeck.core.connector.RowDraft;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.session.WorkStatus;
import dev.flightdeck.core.session.machine.SessionInput.AgentBound;
import dev.flightdeck.core.session.machine.SessionInput.AgentExited;
import dev.flightdeck.core.session.machine.SessionInput.AgentStarted;
import dev.flightdeck.core.session.machine.SessionInput.MessageAccepted;
import dev.flightdeck.core.session.machine.SessionInput.RowsReceived;
import dev.flightdeck.core.session.machine.SessionInput.Stalled;
import dev.flightdeck.core.session.machine.SessionInput.StartFailed;
import dev.flightdeck.core.session.machine.SessionInput.TurnCompleted;
import java.util.ArrayList;
import java.util.List;

/** Messages, steers and what the agent reports while it runs turns. */
final class TurnTransitions {
    private TurnTransitions() {
    }

    static Transition apply(SessionState s, SessionInput.Turn in, long now) {
        if (in instanceof MessageAccepted m) {
            return accept(s, m, now);
        }
        if (in instanceof AgentStarted a) {
            s.providerPid = a.pid();
            s.connectorNode = a.node();
            return Transition.of(s);
        }
        if (in instanceof StartFailed f) {
            String id = "start-failed-" + (s.currentTurnId != null ? s.currentTurnId : "t" + now);
            s.closeTurn(now);
            return Transition.of(s, new SessionEffect.AppendRows(List.of(SessionRows.notice(id, "error", f.reason(), now))));
        }
        if (in instanceof AgentBound b) {
            return bound(s, b);
        }
        if (in instanceof RowsReceived r) {
            return rows(s, r.rows(), now);
        }
        if (in instanceof TurnCompleted t) {
            return complete(s, t, now);
        }
        if (in instanceof AgentExited x) {
            return exited(s, x, now);
        }
        Stalled st = (Stalled) in;
        if (s.active() && s.currentTurnId != null && s.attentionReason == null && WorkStatus.WORKING.equals(s.workStatus)
                && AgentRules.stalled(true, s.lastProgressAt, now, st.limitMillis())) {
            s.attentionReason = "stalled";
        }
        return Transition.of(s);
    }

    private static Transition accept(SessionState s, MessageAccepted m, long now) {
        if (!s.active() || !s.direct()) {
            throw ErrorCode.CONNECTOR_UNAVAILABLE.error("session " + s.id
                    + (s.active() ? " is passive; take it over first" : " has ended"));
        }
        if (m.steer()) {
            if (s.currentTurnId == null) {
                throw ErrorCode.NOT_STEERABLE.error("session " + s.id + " has no running turn to steer");
            }
            if (m.expectedTurnId() != null && !m.expectedTurnId().equals(s.currentTurnId)) {
                throw ErrorCode.ACTIVE_TURN_MISMATCH.error("expected_turn_id: the running turn is "
                        + s.currentTurnId + ", not " + m.expectedTurnId());
            }
        }
        if (s.currentTurnId == null) {
            s.openTurn();
            s.workStatus = WorkStatus.WORKING;
            s.attentionReason = null;
        }
        s.promptCount++;
        if (s.firstPrompt == null) {
            s.firstPrompt = SessionState.clip(m.content());
        }
        s.lastMessage = SessionState.clip(m.content());
        s.lastActivityAt = now;
        s.lastProgressAt = now;
        if (m.model() != null) {
            s.model = m.model();
        }
        String rowType = m.steer() ? "steer" : "user";
        RowDraft row = SessionRows.message(rowType, rowType + "-" + m.messageId(), m.content(), m.imageRows(), now);
        SessionEffect.AppendRows append = new SessionEffect.AppendRows(List.of(row));
        return m.steer() ? Transition.of(s, append, new SessionEffect.AnnounceSteer(m.messageId()))
                : Transition.of(s, append);
    }

    private static Transition bound(SessionState s, AgentBound b) {
        // A launch that resumed at a point (rollback) or forked may bind a new provider id (a Codex fork
        // is a new thread); later launches resume that one.
        boolean rebinding = s.resumeAt != null || s.forkFromProviderId != null;
        if (b.providerSessionId() != null && (s.providerSessionId == null || rebinding)) {
            s.providerSessionId = b.providerSessionId();
        }
        // The agent now runs from the rollback or fork point; later launches resume its own newest state.
        s.resumeAt = null;
        s.forkFromProviderId = null;
        if (s.model == null && b.model() != null) {
            s.model = b.model();
        }
        return Transition.of(s);
    }

    private static Transition rows(SessionState s, List<RowDraft> rows, long now) {
        s.lastProgressAt = now;
        for (RowDraft r : rows) {
            if ("tool".equals(r.rowType()) && "running".equals(r.status())) {
                s.toolCount++;
                s.lastTool = r.row().getString("title", "");
            }
            if ("assistant".equals(r.rowType())) {
                s.lastMessage = SessionState.clip(r.row().getString("content", ""));
                s.lastActivityAt = now;
            }
        }
        return Transition.of(s, new SessionEffect.AppendRows(rows));
    }

    private static Transition complete(SessionState s, TurnCompleted t, long now) {
        s.lastProgressAt = now;
        if (s.currentTurnId == null) {
            // The agent ran a turn nobody started here (a queued message): count it as its own turn.
            s.openTurn();
        }
        String turnId = s.currentTurnId;
        List<SessionEffect> effects = new ArrayList<>();
        effects.add(new SessionEffect.RecordTurn(turnId, t.usage(), t.resumeRef()));
        if (t.interrupted()) {
            effects.add(new SessionEffect.AppendRows(List.of(SessionRows.notice("aborted-" + turnId, "warning",
                    "Turn interrupted", now))));
        }
        abandon(s, t.pendingApprovals(), effects);
        effects.add(new SessionEffect.ResolveReviewComments(turnId));
        s.attentionReason = null;
        s.closeTurn(now);
        effects.add(new SessionEffect.AnnounceTokens());
        return new Transition(s, effects);
    }

    private static Transition exited(SessionState s, AgentExited x, long now) {
        s.providerPid = null;
        s.connectorNode = null;
        List<SessionEffect> effects = new ArrayList<>();
        if (s.currentTurnId != null) {
            if (!"stopped".equals(x.detail())) {
                effects.add(new SessionEffect.AppendRows(List.of(SessionRows.notice("exit-" + s.currentTurnId, "error",
                        "The agent exited (code " + x.exitCode() + ") during the turn", now))));
            }
            abandon(s, x.pendingApprovals(), effects);
            s.attentionReason = null;
            s.closeTurn(now);
        }
        return new Transition(s, effects);
    }

    /** Requests nobody can answer any more are closed, and that is a change of the approval queue. */
    private static void abandon(SessionState s, int pending, List<SessionEffect> effects) {
        if (pending > 0) {
            s.approvalVersion++;
            effects.add(new SessionEffect.AbandonApprovals());
        }
    }
}
