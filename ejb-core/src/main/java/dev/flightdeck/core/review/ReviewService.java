package dev.flightdeck.core.review;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.time.Times;
import dev.flightdeck.persistence.review.ReviewCommentEntity;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Review comments: stored per session, each change logged in the session's event log (so
 * review_revision is the durable session revision) and sent raw to review subscribers.
 */
@Stateless
public class ReviewService {
    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    EventLog log;

    public ReviewWire.Comments list(String sessionId, String turnId) {
        sessions.find(sessionId);
        return new ReviewWire.Comments(sessionId, log.current(Scope.session(sessionId)), of(sessionId, turnId));
    }

    /**
     * The session's comments (of one turn, when given), oldest first; the caller has checked the
     * session. Public: only public methods are business methods of the bean the caller holds.
     */
    public List<ReviewWire.Comment> of(String sessionId, String turnId) {
        String q = "SELECT c FROM ReviewCommentEntity c WHERE c.sessionId = :s"
                + (turnId != null ? " AND c.turnId = :t" : "") + " ORDER BY c.createdAt, c.id";
        var query = em.createQuery(q, ReviewCommentEntity.class).setParameter("s", sessionId);
        if (turnId != null) {
            query.setParameter("t", turnId);
        }
        return query.getResultList().stream().map(ReviewService::wire).toList();
    }

    public ReviewWire.Mutation create(String sessionId, ReviewRules.Draft d) {
        sessions.lock(sessionId);
        long now = System.currentTimeMillis();
        ReviewCommentEntity c = new ReviewCommentEntity();
        c.id = "rc-" + UUID.randomUUID();
        c.sessionId = sessionId;
        c.turnId = d.turnId();
        c.filePath = d.filePath();
        c.lineStart = d.lineStart();
        c.lineEnd = d.lineEnd();
        c.body = d.body();
        c.tag = d.tag();
        c.status = "open";
        c.createdAt = now;
        c.updatedAt = now;
        em.persist(c);
        return changed(c, EventType.REVIEW_COMMENT_CREATED, false);
    }

    public ReviewWire.Mutation update(String commentId, ReviewRules.Edit e) {
        ReviewCommentEntity c = locked(commentId);
        if (e.body() != null) {
            c.body = e.body();
        }
        if (e.tagGiven()) {
            c.tag = e.tag();
        }
        if (e.status() != null) {
            c.status = e.status();
        }
        c.updatedAt = System.currentTimeMillis();
        return changed(c, EventType.REVIEW_COMMENT_UPDATED, false);
    }

    public ReviewWire.Mutation delete(String commentId) {
        ReviewCommentEntity c = locked(commentId);
        em.remove(c);
        return changed(c, EventType.REVIEW_COMMENT_DELETED, true);
    }

    /** The comments to send, in the order given; 404 when one is not this session's. */
    public List<ReviewWire.Comment> pick(String sessionId, List<String> ids) {
        List<ReviewWire.Comment> out = new ArrayList<>();
        for (String id : ids) {
            ReviewCommentEntity c = em.find(ReviewCommentEntity.class, id);
            if (c == null || !c.sessionId.equals(sessionId)) {
                throw ErrorCode.COMMENT_NOT_FOUND.error("no review comment " + id + " in session " + sessionId);
            }
            out.add(wire(c));
        }
        return out;
    }

    /** Records the turn that carried the comments to the agent. */
    public void markSent(String sessionId, List<String> ids, String turnId) {
        sessions.lock(sessionId);
        for (String id : ids) {
            ReviewCommentEntity c = em.find(ReviewCommentEntity.class, id);
            if (c != null) {
                c.sentTurnId = turnId;
                c.updatedAt = System.currentTimeMillis();
                changed(c, EventType.REVIEW_COMMENT_UPDATED, false);
            }
        }
    }

    /** The agent answered the turn that carried these comments: they are resolved. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void resolveAnswered(SessionEntity s, String turnId, long now) {
        List<ReviewCommentEntity> carried = em.createQuery("SELECT c FROM ReviewCommentEntity c WHERE c.sessionId = :s "
                        + "AND c.sentTurnId = :t AND c.status = 'open'", ReviewCommentEntity.class)
                .setParameter("s", s.id).setParameter("t", turnId).getResultList();
        for (ReviewCommentEntity c : carried) {
            c.status = "resolved";
            c.updatedAt = now;
            changed(c, EventType.REVIEW_COMMENT_UPDATED, false);
        }
    }

    private ReviewWire.Mutation changed(ReviewCommentEntity c, EventType type, boolean deleted) {
        String sessionId = c.sessionId;
        String id = c.id;
        ReviewWire.Comment comment = deleted ? null : wire(c);
        long revision = log.append(Scope.session(sessionId), type,
                rev -> new ReviewWire.Event(type.wire(), sessionId, rev, id, comment));
        return new ReviewWire.Mutation(sessionId, revision, id, comment, deleted, true);
    }

    private ReviewCommentEntity locked(String commentId) {
        ReviewCommentEntity c = commentId == null ? null : em.find(ReviewCommentEntity.class, commentId);
        if (c == null) {
            throw ErrorCode.NOT_FOUND.error("no review comment " + commentId);
        }
        sessions.lock(c.sessionId);
        return c;
    }

    static ReviewWire.Comment wire(ReviewCommentEntity c) {
        return new ReviewWire.Comment(c.id, c.sessionId, c.turnId, c.filePath, c.lineStart, c.lineEnd, c.body, c.tag,
                c.status, c.sentTurnId, Times.iso(c.createdAt), Times.iso(c.updatedAt));
    }
}
