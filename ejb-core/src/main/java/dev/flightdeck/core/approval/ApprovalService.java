package dev.flightdeck.core.approval;

import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.ApprovalDecision;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.machine.SessionInput;
import dev.flightdeck.core.session.machine.SessionTransitions;
import dev.flightdeck.core.time.Times;
import dev.flightdeck.persistence.approval.ApprovalEntity;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The per-session FIFO queue of pending requests and its history. A decision locks the session row,
 * so when two clients answer the same request at once exactly one finds it pending.
 */
@Stateless
public class ApprovalService {
    public static final int LIMIT_DEFAULT = 100;
    public static final int LIMIT_MAX = 1000;

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    EventLog log;

    @Inject
    SessionService sessions;

    @Inject
    SessionTransitions transitions;

    /** Queues a request from the agent; the session waits for a human. A request already queued is ignored. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void enqueue(SessionEntity s, AgentEvent.ApprovalRequested r, long now) {
        if (!em.createNamedQuery("Approval.byRequest", ApprovalEntity.class).setParameter("session", s.id)
                .setParameter("request", r.requestId()).getResultList().isEmpty()) {
            return;
        }
        ApprovalEntity a = new ApprovalEntity();
        a.sessionId = s.id;
        a.requestId = r.requestId();
        a.approvalType = r.approvalType();
        a.toolName = r.toolName();
        a.toolUseId = r.toolUseId();
        a.command = r.command();
        a.filePath = r.filePath();
        a.cwd = s.currentCwd;
        a.toolInput = r.input() == null ? null : r.input().toString();
        a.createdAt = now;
        em.persist(a);
        List<ApprovalEntity> pending = pending(s.id);
        transitions.apply(s, new SessionInput.ApprovalQueued(pending.size(), pending.get(0).approvalType), now, null);
        String id = s.id;
        long version = s.approvalVersion;
        ApprovalWire.Request request = request(a);
        log.append(Scope.session(id), EventType.APPROVAL_REQUESTED,
                rev -> new ApprovalWire.Requested(EventType.APPROVAL_REQUESTED.wire(), id, rev, request, version));
    }

    /**
     * Decides a request if it is still pending; {@link Decided#applied()} is false when it was stale.
     * {@code agentReachable} false refuses a pending request with 503, since nobody could carry it out.
     */
    public Decided decide(String sessionId, String requestId, ApprovalDecision d, String expectedType,
                          boolean agentReachable, long now) {
        SessionEntity s = sessions.lock(sessionId);
        List<ApprovalEntity> found = em.createNamedQuery("Approval.byRequest", ApprovalEntity.class)
                .setParameter("session", sessionId).setParameter("request", requestId).getResultList();
        if (found.isEmpty() || found.get(0).decision != null) {
            List<ApprovalEntity> pending = pending(sessionId);
            return new Decided(null, pending.isEmpty() ? null : pending.get(0).requestId, s.approvalVersion);
        }
        ApprovalEntity a = found.get(0);
        if (expectedType != null && !expectedType.equals(a.approvalType)) {
            throw ErrorCode.INVALID_REQUEST.error("request " + requestId + " is a " + a.approvalType
                    + " request, not a " + expectedType + " request");
        }
        if (!agentReachable) {
            throw ErrorCode.CONNECTOR_UNAVAILABLE.error("the agent of session " + sessionId
                    + " is not running on this server");
        }
        a.decision = d.decision();
        a.message = d.message();
        a.decidedAt = now;
        List<ApprovalEntity> pending = pending(sessionId);
        String next = pending.isEmpty() ? null : pending.get(0).requestId;
        transitions.apply(s, new SessionInput.ApprovalDecided(pending.size(),
                pending.isEmpty() ? null : pending.get(0).approvalType), now, null);
        long version = s.approvalVersion;
        log.append(Scope.session(sessionId), EventType.APPROVAL_DECISION_RESULT,
                rev -> new ApprovalWire.DecisionResult(EventType.APPROVAL_DECISION_RESULT.wire(), sessionId, rev, requestId,
                        "applied", next, version));
        return new Decided(a, next, version);
    }

    /**
     * Requests the agent can no longer answer (it exited or the turn ended) are closed as aborted. The
     * state machine counts the change in the approval version.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void abandonPending(SessionEntity s, long now) {
        List<ApprovalEntity> pending = pending(s.id);
        for (ApprovalEntity a : pending) {
            a.decision = "abort";
            a.message = "the agent stopped before a decision";
            a.decidedAt = now;
        }
    }

    /** How many requests wait for a decision. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int pendingCount(String sessionId) {
        return pending(sessionId).size();
    }

    public ApprovalWire.History history(String sessionId, int limit) {
        List<ApprovalEntity> rows = (sessionId == null
                ? em.createNamedQuery("Approval.history", ApprovalEntity.class)
                : em.createNamedQuery("Approval.historyOf", ApprovalEntity.class).setParameter("session", sessionId))
                .setMaxResults(limit).getResultList();
        return new ApprovalWire.History(sessionId, rows.stream().map(ApprovalService::item).toList());
    }

    public ApprovalWire.Deleted delete(long id) {
        ApprovalEntity a = em.find(ApprovalEntity.class, id);
        if (a == null) {
            throw ErrorCode.NOT_FOUND.error("no approval " + id);
        }
        if (a.decision == null) {
            throw ErrorCode.APPROVAL_PENDING.error("approval " + id + " is still pending; decide it instead");
        }
        em.remove(a);
        return new ApprovalWire.Deleted(id, true);
    }

    public List<ApprovalWire.Request> pendingRequests(String sessionId) {
        return pending(sessionId).stream().map(ApprovalService::request).toList();
    }

    private List<ApprovalEntity> pending(String sessionId) {
        return em.createNamedQuery("Approval.pending", ApprovalEntity.class).setParameter("session", sessionId)
                .getResultList();
    }

    static ApprovalWire.Request request(ApprovalEntity a) {
        return new ApprovalWire.Request(a.requestId, a.sessionId, a.approvalType, a.toolName, a.toolUseId, a.toolInput,
                a.command, a.filePath, a.cwd, ApprovalRules.preview(a.approvalType, a.command, a.filePath),
                Times.iso(a.createdAt));
    }

    static ApprovalWire.HistoryItem item(ApprovalEntity a) {
        return new ApprovalWire.HistoryItem(a.id, a.sessionId, a.requestId, a.approvalType, a.toolName, a.command,
                a.filePath, a.cwd, a.toolInput, a.decision, Times.iso(a.createdAt), Times.iso(a.decidedAt));
    }

    /** The outcome of a decision: {@code approval} is null when the request was stale. */
    public record Decided(ApprovalEntity approval, String activeRequestId, long approvalVersion) {
        public boolean applied() {
            return approval != null;
        }
    }
}
