package dev.flightdeck.core.session.machine;

import dev.flightdeck.core.agent.AgentWire;
import dev.flightdeck.core.approval.ApprovalService;
import dev.flightdeck.core.connector.Connectors;
import dev.flightdeck.core.conversation.ConversationService;
import dev.flightdeck.core.conversation.ConversationWire;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.event.Surface;
import dev.flightdeck.core.review.ReviewService;
import dev.flightdeck.core.review.ReviewSurface;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import dev.flightdeck.core.usage.UsageService;
import dev.flightdeck.core.usage.UsageWire;
import dev.flightdeck.core.worktree.WorktreeService;
import dev.flightdeck.persistence.session.SessionEntity;
import dev.flightdeck.persistence.usage.UsageTurnEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the session state machine inside the caller's transaction: load the row's state, apply the
 * input, write the result back, carry out the effects, and publish the delta between before and
 * after. This is the only place session state changes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SessionTransitions {
    private static final Set<String> DETAIL = Set.of(Surface.DETAIL, Surface.COMPOSER);

    @Inject
    SessionService sessions;

    @Inject
    ConversationService conversation;

    @Inject
    ApprovalService approvals;

    @Inject
    UsageService usage;

    @Inject
    ReviewService review;

    @Inject
    ReviewSurface diffs;

    @Inject
    WorktreeService worktrees;

    @Inject
    EventLog log;

    @Inject
    Connectors connectors;

    /**
     * What applying an input did.
     *
     * @param rows     the rows the effects wrote, in order
     * @param revision the session revision of the delta, or 0 when nothing on the wire changed
     */
    public record Applied(SessionEntity session, List<ConversationWire.RowEntry> rows, long revision) {
    }

    /** Locks the session and applies one input to it. */
    public Applied apply(String sessionId, SessionInput input, long now) {
        return apply(sessions.lock(sessionId), input, now, null);
    }

    /**
     * Applies an input to a session the caller has locked.
     *
     * @param capture the turn's diff, read from git before the lock was taken; null when there is none
     */
    public Applied apply(SessionEntity e, SessionInput input, long now, ReviewSurface.TurnCapture capture) {
        SessionState before = SessionState.of(e, connectors.installed(e.provider));
        Transition t = SessionMachine.apply(before, input, now);
        t.state().writeTo(e);
        List<ConversationWire.RowEntry> rows = new ArrayList<>();
        for (SessionEffect effect : t.effects()) {
            run(e, effect, now, capture, rows);
        }
        JsonObject changes = SessionDelta.between(before, t.state().withEffectsOf(e));
        long revision = changes.isEmpty() ? 0 : sessions.publishDelta(e, changes);
        return new Applied(e, rows, revision);
    }

    private void run(SessionEntity e, SessionEffect effect, long now, ReviewSurface.TurnCapture capture,
                     List<ConversationWire.RowEntry> rows) {
        String id = e.id;
        if (effect instanceof SessionEffect.AppendRows a) {
            rows.addAll(conversation.upsert(e, a.rows(), now));
        } else if (effect instanceof SessionEffect.RecordTurn r) {
            UsageTurnEntity used = usage.record(e, r.turnId(), r.usage(), now);
            used.resumeRef = r.resumeRef();
            diffs.storeTurn(e, r.turnId(), used, capture, now);
        } else if (effect instanceof SessionEffect.AbandonApprovals) {
            approvals.abandonPending(e, now);
        } else if (effect instanceof SessionEffect.ResolveReviewComments c) {
            review.resolveAnswered(e, c.turnId(), now);
        } else if (effect instanceof SessionEffect.AnnounceSteer st) {
            log.append(Scope.session(id), EventType.STEER_OUTCOME,
                    rev -> new AgentWire.SteerOutcome(EventType.STEER_OUTCOME.wire(), id, rev, st.messageId(), "accepted"));
        } else if (effect instanceof SessionEffect.AnnounceTokens) {
            UsageWire.Usage u = new UsageWire.Usage(e.inputTokens, e.outputTokens, e.cachedTokens, e.contextWindow);
            log.append(Scope.session(id), EventType.TOKENS_UPDATED,
                    rev -> new UsageWire.TokensUpdated(EventType.TOKENS_UPDATED.wire(), id, rev, u,
                            e.usageSnapshotKind == null ? "unknown" : e.usageSnapshotKind));
        } else if (effect instanceof SessionEffect.AnnounceEnded x) {
            log.append(Scope.session(id), EventType.SESSION_ENDED,
                    rev -> new SessionWire.Ended(EventType.SESSION_ENDED.wire(), id, rev, x.reason()));
        } else if (effect instanceof SessionEffect.MarkTurns m) {
            conversation.markTurns(e, m.turnIds(), m.undo() ? "undone" : "rolled_back", now);
            log.append(Scope.session(id), m.undo() ? EventType.UNDO_COMPLETED : EventType.THREAD_ROLLED_BACK,
                    rev -> m.undo() ? new AgentWire.UndoCompleted(EventType.UNDO_COMPLETED.wire(), id, rev, true, null)
                            : new AgentWire.ThreadRolledBack(EventType.THREAD_ROLLED_BACK.wire(), id, rev, m.numTurns()));
        } else if (effect instanceof SessionEffect.WorktreeSessionEnded && e.worktreeId != null) {
            worktrees.sessionEnded(e.worktreeId, now);
        }
    }
}
