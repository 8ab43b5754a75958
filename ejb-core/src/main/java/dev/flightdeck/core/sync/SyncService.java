package dev.flightdeck.core.sync;

import dev.flightdeck.core.auth.TokenKind;
import dev.flightdeck.core.auth.TokenService;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.settings.WorkspaceProviders;
import dev.flightdeck.core.time.Times;
import dev.flightdeck.persistence.auth.AuthTokenEntity;
import dev.flightdeck.persistence.sync.SyncLogEntity;
import dev.flightdeck.persistence.sync.WorkspaceEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Workspaces and their sync channel. Applying a batch means, for each new command in sequence order:
 * carry out what {@link SyncCommands#decide} makes of it on the workspace's session (its name, summary,
 * end and conversation rows), and append it, verbatim, with that outcome to the workspace's sync log;
 * then advance {@code sync_acked_through} and take the batch as the workspace's heartbeat. All of it is
 * one transaction under the workspace row's lock, so two deliveries of one batch cannot both apply it,
 * and a replayed command is skipped, never applied twice.
 */
@Stateless
public class SyncService {
    static final String CREATING = "creating";

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    TokenService tokens;

    @Inject
    WorkspaceProviders providers;

    @Inject
    dev.flightdeck.core.session.machine.SessionTransitions transitions;

    @Inject
    dev.flightdeck.core.approval.ApprovalService approvals;

    public SyncWire.WithToken create(JsonValue body) {
        WorkspaceRequest req = WorkspaceRequest.parse(body, providers.provider());
        WorkspaceEntity w = new WorkspaceEntity();
        w.id = "ws-" + UUID.randomUUID();
        w.provider = req.provider();
        w.sessionId = req.sessionId();
        w.missionIssueId = req.missionIssueId();
        w.externalId = req.externalId();
        w.repoUrl = req.repoUrl();
        w.branch = req.branch();
        w.status = CREATING;
        w.createdAt = System.currentTimeMillis();
        String token = mint(w);
        em.persist(w);
        return new SyncWire.WithToken(view(w), token);
    }

    public SyncWire.Workspace get(String id) {
        return view(find(id));
    }

    /** A new sync token for the workspace; the old one stops working at once. */
    public SyncWire.WithToken rotate(String id) {
        WorkspaceEntity w = find(id);
        if (w.syncToken != null) {
            AuthTokenEntity old = em.find(AuthTokenEntity.class, w.syncToken);
            if (old != null && old.revokedAt == null) {
                tokens.revoke(old.id);
            }
        }
        String token = mint(w);
        return new SyncWire.WithToken(view(w), token);
    }

    public SyncWire.Acked apply(String tokenId, JsonObject body) {
        List<WorkspaceEntity> found = em.createNamedQuery("Workspace.findBySyncToken", WorkspaceEntity.class)
                .setParameter("token", tokenId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (found.isEmpty() || found.get(0).destroyedAt != null) {
            throw ErrorCode.WORKSPACE_NOT_FOUND.error("this token syncs no live workspace");
        }
        WorkspaceEntity w = found.get(0);
        List<SyncBatch.Entry> entries = SyncBatch.parse(body, w.id);
        SyncBatch.Plan plan = SyncBatch.plan(w.syncAckedThrough, entries);
        checkReplays(w.id, plan.replayed());
        long now = System.currentTimeMillis();
        for (SyncBatch.Entry e : plan.fresh()) {
            SyncLogEntity l = new SyncLogEntity();
            l.workspaceId = w.id;
            l.seq = e.sequence();
            l.commandType = e.type();
            l.commandJson = e.command().toString();
            l.sentAt = e.timestamp();
            l.appliedAt = now;
            carryOut(w, SyncCommands.decide(e.type(), e.command(), w.sessionId), l, now);
            em.persist(l);
        }
        w.syncAckedThrough = plan.ackedThrough();
        w.lastHeartbeatAt = now;
        return new SyncWire.Acked(w.syncAckedThrough);
    }

    /**
     * Applies one decided command to the workspace's session and sets the log row's outcome. Nothing here
     * may throw for a command's content: a refusal is an outcome, so one bad command never blocks the
     * workspace's later ones (the remote cannot fix a command by sending it again).
     */
    private void carryOut(WorkspaceEntity w, SyncCommands.Action action, SyncLogEntity l, long now) {
        if (action instanceof SyncCommands.Action.Record r) {
            outcome(l, SyncCommands.RECORDED, r.why());
            return;
        }
        if (action instanceof SyncCommands.Action.Refuse r) {
            outcome(l, SyncCommands.REFUSED, r.why());
            return;
        }
        // Every other action names the workspace's session (SyncCommands checked it).
        dev.flightdeck.persistence.session.SessionEntity s = em.find(dev.flightdeck.persistence.session.SessionEntity.class,
                w.sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            outcome(l, SyncCommands.REFUSED, "the workspace's session " + w.sessionId + " no longer exists");
            return;
        }
        if (s.providerPid != null) {
            // A session whose agent this server runs is its own record: a remote server's commands would
            // mix a second conversation into it.
            outcome(l, SyncCommands.REFUSED, "the session's agent runs on this server");
            return;
        }
        dev.flightdeck.core.session.machine.SessionInput input;
        if (action instanceof SyncCommands.Action.Rename r) {
            input = new dev.flightdeck.core.session.machine.SessionInput.Renamed(r.name());
        } else if (action instanceof SyncCommands.Action.Summary m) {
            input = new dev.flightdeck.core.session.machine.SessionInput.SummarySet(m.summary());
        } else if (action instanceof SyncCommands.Action.Row r) {
            input = new dev.flightdeck.core.session.machine.SessionInput.RowsReceived(List.of(r.row()));
        } else {
            input = new dev.flightdeck.core.session.machine.SessionInput.Ended(((SyncCommands.Action.End) action).reason(),
                    approvals.pendingCount(s.id));
        }
        transitions.apply(s, input, now, null);
        outcome(l, SyncCommands.APPLIED, null);
    }

    private static void outcome(SyncLogEntity l, String outcome, String detail) {
        l.outcome = outcome;
        l.outcomeDetail = detail == null ? null : detail.length() > 300 ? detail.substring(0, 300) : detail;
    }

    /** A replayed sequence must carry the command that was applied under it; another one is a conflict. */
    private void checkReplays(String workspaceId, List<SyncBatch.Entry> replayed) {
        if (replayed.isEmpty()) {
            return;
        }
        Map<Long, String> logged = new HashMap<>();
        em.createNamedQuery("SyncLog.range", SyncLogEntity.class).setParameter("ws", workspaceId)
                .setParameter("from", replayed.get(0).sequence())
                .setParameter("to", replayed.get(replayed.size() - 1).sequence())
                .getResultList().forEach(l -> logged.put(l.seq, l.commandJson));
        for (SyncBatch.Entry e : replayed) {
            String was = logged.get(e.sequence());
            if (was == null || !parse(was).equals(e.command())) {
                throw ErrorCode.SYNC_SEQUENCE_CONFLICT.error("sequence " + e.sequence()
                        + " was already applied with a different command");
            }
        }
    }

    private String mint(WorkspaceEntity w) {
        var created = tokens.mint("workspace " + w.id, TokenKind.WORKSPACE_SYNC, null);
        w.syncToken = created.id();
        return created.token();
    }

    private WorkspaceEntity find(String id) {
        WorkspaceEntity w = id == null ? null : em.find(WorkspaceEntity.class, id);
        if (w == null) {
            throw ErrorCode.NOT_FOUND.error("no workspace " + id);
        }
        return w;
    }

    private SyncWire.Workspace view(WorkspaceEntity w) {
        long logged = em.contains(w) ? em.createNamedQuery("SyncLog.count", Long.class).setParameter("ws", w.id)
                .getSingleResult() : 0;
        Map<String, Long> outcomes = new java.util.TreeMap<>(Map.of(SyncCommands.APPLIED, 0L, SyncCommands.RECORDED, 0L,
                SyncCommands.REFUSED, 0L));
        if (em.contains(w)) {
            for (Object[] row : em.createNamedQuery("SyncLog.outcomes", Object[].class).setParameter("ws", w.id)
                    .getResultList()) {
                outcomes.put((String) row[0], ((Number) row[1]).longValue());
            }
        }
        return new SyncWire.Workspace(w.id, w.provider, w.missionIssueId, w.sessionId, w.externalId, w.repoUrl, w.branch,
                w.status, w.syncToken, w.syncAckedThrough, logged, outcomes, Times.iso(w.lastHeartbeatAt),
                Times.iso(w.createdAt), Times.iso(w.readyAt), Times.iso(w.destroyedAt));
    }

    private static JsonObject parse(String json) {
        return jakarta.json.Json.createReader(new StringReader(json)).readObject();
    }
}
