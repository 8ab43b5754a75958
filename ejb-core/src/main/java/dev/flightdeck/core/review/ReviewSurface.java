package dev.flightdeck.core.review;

import dev.flightdeck.core.config.DataDir;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.git.Git;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.persistence.review.TurnDiffEntity;
import dev.flightdeck.persistence.review.TurnDiffKey;
import dev.flightdeck.persistence.session.SessionEntity;
import dev.flightdeck.persistence.usage.UsageTurnEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The review surface: what the agent changed in each turn (captured from git when the turn ends),
 * since the session began, and what is uncommitted now. Working trees are read as git tree objects
 * built in a scratch index, so untracked files count and the session's own index is never touched.
 */
@Stateless
public class ReviewSurface {
    private static final Logger LOG = Logger.getLogger(ReviewSurface.class.getName());

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    ReviewService comments;

    @Inject
    EventLog log;

    @Inject
    DataDir dataDir;

    /** A turn's diff as git saw the working files when the turn ended: their tree, and the diff to it. */
    public record TurnCapture(String tree, String diff) {
    }

    /**
     * Reads what the turn changed: the working files now against where the previous turn (or the
     * session) left them. Runs git, so it runs with no transaction and no lock held; null when the
     * session works outside git or git cannot read the tree.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public TurnCapture capture(String sessionId) {
        SessionEntity s = em.find(SessionEntity.class, sessionId);
        if (s == null || s.baseTree == null) {
            return null;
        }
        List<String> previous = em.createQuery("SELECT d.tree FROM TurnDiffEntity d WHERE d.sessionId = :s "
                + "ORDER BY d.createdAt DESC", String.class).setParameter("s", s.id).setMaxResults(1).getResultList();
        try {
            Git.State state = stateOf(s);
            if (state == null) {
                return null;
            }
            return new TurnCapture(state.tree(),
                    diff(state.top(), previous.isEmpty() ? s.baseTree : previous.get(0), state.tree()).text());
        } catch (RuntimeException e) {
            // A repository git cannot read costs this turn its diff, never the turn's other changes.
            LOG.log(Level.WARNING, "capturing the diff of " + s.id + " failed", e);
            return null;
        }
    }

    /** Stores a captured turn diff, announced as turn_diff_snapshot (invalidating detail and review). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void storeTurn(SessionEntity s, String turnId, UsageTurnEntity usage, TurnCapture capture, long now) {
        if (capture == null || em.find(TurnDiffEntity.class, new TurnDiffKey(s.id, turnId)) != null) {
            return;
        }
        TurnDiffEntity d = new TurnDiffEntity();
        d.sessionId = s.id;
        d.turnId = turnId;
        d.tree = capture.tree();
        d.diff = capture.diff();
        d.inputTokens = usage == null ? 0 : usage.inputTokens;
        d.outputTokens = usage == null ? 0 : usage.outputTokens;
        d.cachedTokens = usage == null ? 0 : usage.cacheReadTokens;
        d.snapshotKind = usage == null ? null : usage.snapshotKind;
        d.createdAt = now;
        em.persist(d);
        s.hasTurnDiff = true;
        String sessionId = s.id;
        ReviewWire.TurnDiff wire = wire(d);
        log.append(Scope.session(sessionId), EventType.TURN_DIFF_SNAPSHOT, rev -> new ReviewWire.TurnDiffSnapshot(
                EventType.TURN_DIFF_SNAPSHOT.wire(), sessionId, rev, turnId, wire.diff(), wire.tokenUsage(), wire.snapshotKind()));
    }

    public ReviewWire.Review review(String sessionId) {
        SessionEntity s = sessions.find(sessionId);
        long revision = log.current(Scope.session(sessionId));
        List<ReviewWire.TurnDiff> turns = turnDiffs(sessionId);
        DiffText.Bounded current = null;
        DiffText.Bounded cumulative = null;
        try {
            Git.State state = s.repositoryRoot == null ? null : stateOf(s);
            if (state != null) {
                current = diff(state.top(), state.headOrEmpty(), state.tree());
                // Until the session commits, both diffs have the same base: read it once.
                cumulative = java.util.Objects.equals(s.baseSha, state.head()) ? current
                        : diff(state.top(), s.baseSha != null ? s.baseSha : Git.EMPTY_TREE, state.tree());
            }
        } catch (RuntimeException e) {
            // The turn diffs and comments are still worth showing when the working tree cannot be read.
            LOG.log(Level.WARNING, "reading the working tree of " + sessionId + " failed", e);
            current = null;
            cumulative = null;
        }
        return new ReviewWire.Review(sessionId, revision, current == null ? null : current.text(),
                current != null && current.truncated(), cumulative == null ? null : cumulative.text(),
                cumulative != null && cumulative.truncated(), turns, comments.of(sessionId, null));
    }

    /** The session's captured turn diffs, oldest first. */
    public List<ReviewWire.TurnDiff> turnDiffs(String sessionId) {
        return em.createQuery("SELECT d FROM TurnDiffEntity d WHERE d.sessionId = :s ORDER BY d.createdAt, d.turnId",
                TurnDiffEntity.class).setParameter("s", sessionId).getResultList().stream().map(ReviewSurface::wire)
                .toList();
    }

    private Git.State stateOf(SessionEntity s) {
        Path cwd = Path.of(s.currentCwd);
        return Files.isDirectory(cwd) ? Git.state(cwd, dataDir.scratch()) : null;
    }

    static DiffText.Bounded diff(Path top, String from, String to) {
        DiffText text = DiffText.standard();
        Git.diff(top, from, to, text::accept);
        return text.result();
    }

    static ReviewWire.TurnDiff wire(TurnDiffEntity d) {
        return new ReviewWire.TurnDiff(d.turnId, d.diff, new ReviewWire.TokenUsage(d.inputTokens, d.outputTokens,
                d.cachedTokens), d.snapshotKind == null ? "unknown" : d.snapshotKind, dev.flightdeck.core.time.Times.iso(d.createdAt));
    }
}
