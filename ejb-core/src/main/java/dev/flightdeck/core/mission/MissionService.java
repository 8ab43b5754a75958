package dev.flightdeck.core.mission;

import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.mission.config.MissionFile;
import dev.flightdeck.core.mission.config.MissionSettings;
import dev.flightdeck.core.mission.machine.IssueState;
import dev.flightdeck.core.mission.tracker.TrackerKeys;
import dev.flightdeck.core.secret.SecretBox;
import dev.flightdeck.persistence.mission.MissionEntity;
import dev.flightdeck.persistence.mission.MissionIssueEntity;
import dev.flightdeck.persistence.mission.MissionRunEntity;
import dev.flightdeck.persistence.session.SessionEntity;
import dev.flightdeck.persistence.worktree.WorktreeEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Missions' rows as the API reads and changes them (contract §1.15); each method is one transaction. */
@Stateless
public class MissionService {
    static final String WORKFLOW_FILE = "WORKFLOW.md";

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    MissionStore store;

    @Inject
    MissionEvents events;

    @Inject
    MissionTrackers trackers;

    @Inject
    TrackerKeys keys;

    @Inject
    SecretBox box;

    public MissionWire.Summary create(MissionRequests.Create req) {
        if (!Files.isDirectory(req.repoRoot())) {
            throw dev.flightdeck.core.error.ApiException.invalidField("repo_root", "must be an existing directory");
        }
        long now = System.currentTimeMillis();
        MissionEntity m = new MissionEntity();
        m.id = "mission-" + UUID.randomUUID();
        m.name = req.name().strip();
        m.repoRoot = req.repoRoot().normalize().toString();
        m.trackerKind = req.trackerKind().wire();
        m.provider = req.provider();
        m.enabled = true;
        m.createdAt = now;
        m.updatedAt = now;
        em.persist(m);
        events.created(m.id);
        return summary(m);
    }

    public MissionWire.Listing list() {
        return new MissionWire.Listing(em.createQuery("SELECT m FROM MissionEntity m ORDER BY m.createdAt, m.id",
                MissionEntity.class).getResultList().stream().map(this::summary).toList());
    }

    public MissionWire.Detail detail(String missionId) {
        MissionEntity m = store.find(missionId);
        MissionFile file = MissionConfigs.inForce(m);
        List<MissionIssueEntity> rows = store.issues(m.id);
        Path path = MissionConfigs.file(m);
        boolean exists = Files.isRegularFile(path);
        int lingering = 0;
        for (MissionIssueEntity i : rows) {
            IssueState s = IssueState.fromWire(i.orchestrationState).orElse(IssueState.QUEUED);
            WorktreeEntity w = i.worktreeId == null || s.active() ? null : em.find(WorktreeEntity.class, i.worktreeId);
            if (w != null && w.diskPresent && !"removed".equals(w.status)) {
                lingering++;
            }
        }
        return new MissionWire.Detail(summary(m, file, rows), MissionViews.issues(rows, sessionsOf(rows), file.config().budget()),
                lingering == 0 ? null : new MissionWire.CleanupPrompt(lingering),
                m.missionText == null ? null : MissionSettings.json(file), exists, m.missionFilePath,
                !exists && Files.isRegularFile(Path.of(m.repoRoot).resolve(WORKFLOW_FILE)));
    }

    public List<MissionWire.IssueItem> issues(String missionId) {
        MissionEntity m = store.find(missionId);
        List<MissionIssueEntity> rows = store.issues(m.id);
        return MissionViews.issues(rows, sessionsOf(rows), MissionConfigs.inForce(m).config().budget());
    }

    public MissionWire.Detail update(String missionId, MissionRequests.Update req) {
        MissionEntity m = em.find(MissionEntity.class, store.find(missionId).id, LockModeType.PESSIMISTIC_WRITE);
        if (req.name() != null) {
            m.name = req.name().strip();
        }
        if (req.enabled() != null) {
            m.enabled = req.enabled();
        }
        if (req.paused() != null) {
            m.paused = req.paused();
        }
        if (req.setsFilePath()) {
            m.missionFilePath = req.missionFilePath();
            // Another file: what it says is read afresh, and nothing of the old file stays in force.
            m.missionText = null;
            m.configJson = null;
            m.promptTemplate = null;
            m.parseError = null;
            m.pollRequestedAt = System.currentTimeMillis();
        }
        m.updatedAt = System.currentTimeMillis();
        events.changed(m.id);
        return detail(m.id);
    }

    /** Deletes the mission and its issue and run records; sessions and worktrees stay (they are the user's work). */
    public MissionWire.Listing delete(String missionId) {
        MissionEntity m = em.find(MissionEntity.class, store.find(missionId).id, LockModeType.PESSIMISTIC_WRITE);
        em.createQuery("DELETE FROM MissionRunEntity r WHERE r.missionId = :m").setParameter("m", m.id).executeUpdate();
        em.createQuery("DELETE FROM MissionIssueEntity i WHERE i.missionId = :m").setParameter("m", m.id).executeUpdate();
        em.createNativeQuery("DELETE FROM webhook_deliveries WHERE mission_id = ?1").setParameter(1, m.id).executeUpdate();
        em.remove(m);
        events.changed(missionId);
        return list();
    }

    /** Active issues' sessions, to end them when a mission is deleted. */
    public List<String> liveSessions(String missionId) {
        return store.issues(store.find(missionId).id).stream()
                .filter(i -> IssueState.fromWire(i.orchestrationState).map(IssueState::active).orElse(false)
                        && i.sessionId != null).map(i -> i.sessionId).toList();
    }

    public MissionWire.Ok startOrchestrator(String missionId) {
        MissionEntity m = em.find(MissionEntity.class, store.find(missionId).id, LockModeType.PESSIMISTIC_WRITE);
        if (trackers.key(m).isEmpty()) {
            throw ErrorCode.NO_API_KEY.error("no " + m.trackerKind + " key: set one for the mission, in "
                    + TrackerKeys.envName(MissionTrackers.kind(m)) + ", or for the server");
        }
        if (m.orchestrating) {
            throw ErrorCode.CONFLICT.error("the orchestrator already runs mission " + m.id);
        }
        m.orchestrating = true;
        m.pollRequestedAt = System.currentTimeMillis();
        m.updatedAt = m.pollRequestedAt;
        events.changed(m.id);
        return new MissionWire.Ok(true);
    }

    public MissionWire.Ok trigger(String missionId) {
        store.requestPoll(store.find(missionId).id, System.currentTimeMillis());
        return new MissionWire.Ok(true);
    }

    public MissionWire.Worktrees worktrees(String missionId) {
        List<MissionWire.Worktree> out = new java.util.ArrayList<>();
        for (MissionIssueEntity i : store.issues(store.find(missionId).id)) {
            WorktreeEntity w = i.worktreeId == null ? null : em.find(WorktreeEntity.class, i.worktreeId);
            if (w != null && !"removed".equals(w.status)) {
                out.add(new MissionWire.Worktree(w.id, w.branch, w.worktreePath, w.diskPresent, i.orchestrationState,
                        i.issueIdentifier, i.issueTitle));
            }
        }
        return new MissionWire.Worktrees(out);
    }

    public MissionWire.TrackerKey trackerKey(String missionId) {
        MissionEntity m = store.find(missionId);
        return keyStatus(m);
    }

    public MissionWire.TrackerKey setTrackerKey(String missionId, String key) {
        MissionEntity m = em.find(MissionEntity.class, store.find(missionId).id, LockModeType.PESSIMISTIC_WRITE);
        m.trackerApiKey = keys.sealMissionKey(key);
        m.updatedAt = System.currentTimeMillis();
        events.changed(m.id);
        return keyStatus(m);
    }

    public MissionWire.TrackerKey clearTrackerKey(String missionId) {
        MissionEntity m = em.find(MissionEntity.class, store.find(missionId).id, LockModeType.PESSIMISTIC_WRITE);
        m.trackerApiKey = null;
        m.updatedAt = System.currentTimeMillis();
        events.changed(m.id);
        return keyStatus(m);
    }

    /** Copies the global (or environment) key into the mission, so later changes of the global one do not move it. */
    public MissionWire.TrackerKey adoptGlobalKey(String missionId) {
        MissionEntity m = em.find(MissionEntity.class, store.find(missionId).id, LockModeType.PESSIMISTIC_WRITE);
        TrackerKeys.Resolved global = keys.resolve(MissionTrackers.kind(m), null).orElseThrow(() -> ErrorCode.NO_API_KEY
                .error("there is no global " + m.trackerKind + " key to adopt"));
        m.trackerApiKey = keys.sealMissionKey(global.key());
        m.updatedAt = System.currentTimeMillis();
        events.changed(m.id);
        return keyStatus(m);
    }

    public MissionWire.TrackerKey setWebhookSecret(String missionId, String secret) {
        MissionEntity m = em.find(MissionEntity.class, store.find(missionId).id, LockModeType.PESSIMISTIC_WRITE);
        m.webhookSecret = box.seal(secret);
        return new MissionWire.TrackerKey(true, "mission");
    }

    /** The mission's webhook secret, opened; empty when none is set. Never leaves the server. */
    public java.util.Optional<String> webhookSecret(String missionId) {
        MissionEntity m = store.find(missionId);
        return m.webhookSecret == null ? java.util.Optional.empty() : java.util.Optional.of(box.open(m.webhookSecret));
    }

    /**
     * Records a webhook delivery; false when it was seen before (a redelivery), which then changes nothing.
     */
    public boolean recordDelivery(String source, String deliveryId, String missionId) {
        if (deliverySeen(source, deliveryId)) {
            return false;
        }
        // Two nodes racing on one delivery: the primary key lets one insert win; the other's
        // transaction fails, and its caller reads that as a redelivery (MissionActions.webhook).
        em.createNativeQuery("INSERT INTO webhook_deliveries (source, delivery_id, mission_id, received_at) "
                        + "VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, source).setParameter(2, deliveryId).setParameter(3, missionId)
                .setParameter(4, System.currentTimeMillis()).executeUpdate();
        em.flush();
        store.requestPoll(missionId, System.currentTimeMillis());
        return true;
    }

    public boolean deliverySeen(String source, String deliveryId) {
        return !em.createNativeQuery("SELECT 1 FROM webhook_deliveries WHERE source = ?1 AND delivery_id = ?2")
                .setParameter(1, source).setParameter(2, deliveryId).getResultList().isEmpty();
    }

    private MissionWire.TrackerKey keyStatus(MissionEntity m) {
        return trackers.key(m).map(k -> new MissionWire.TrackerKey(true, k.source().wire()))
                .orElse(new MissionWire.TrackerKey(false, null));
    }

    MissionWire.Summary summary(MissionEntity m) {
        return summary(m, MissionConfigs.inForce(m), store.issues(m.id));
    }

    private MissionWire.Summary summary(MissionEntity m, MissionFile file, List<MissionIssueEntity> rows) {
        String source = trackers.key(m).map(k -> k.source().wire()).orElse(null);
        return MissionViews.summary(m, file.config(), rows, source, events.revision(m.id));
    }

    private Map<String, SessionEntity> sessionsOf(List<MissionIssueEntity> rows) {
        Map<String, SessionEntity> out = new HashMap<>();
        for (MissionIssueEntity i : rows) {
            if (i.sessionId != null) {
                SessionEntity s = em.find(SessionEntity.class, i.sessionId);
                if (s != null) {
                    out.put(s.id, s);
                }
            }
        }
        return out;
    }

    /** The issue row of a mission by the tracker's issue id (the contract's {iid}), or by row id. */
    public MissionIssueEntity issue(String missionId, String issueId) {
        List<MissionIssueEntity> found = em.createQuery("SELECT i FROM MissionIssueEntity i WHERE i.missionId = :m "
                        + "AND (i.issueId = :i OR i.id = :i OR i.issueIdentifier = :i)", MissionIssueEntity.class)
                .setParameter("m", store.find(missionId).id).setParameter("i", issueId).getResultList();
        if (found.isEmpty()) {
            throw ErrorCode.ISSUE_NOT_FOUND.error("mission " + missionId + " has no issue " + issueId);
        }
        return found.get(0);
    }

    /** An issue's runs, newest first: its history, outcomes and errors included. */
    public MissionWire.Runs runs(String missionId, String issueId) {
        MissionIssueEntity issue = issue(missionId, issueId);
        List<MissionWire.Run> runs = em.createQuery("SELECT r FROM MissionRunEntity r WHERE r.missionIssueId = :i "
                        + "ORDER BY r.startedAt DESC, r.attempt DESC", MissionRunEntity.class)
                .setParameter("i", issue.id).getResultList().stream()
                .map(r -> new MissionWire.Run(r.id, r.attempt, r.sessionId, r.provider,
                        dev.flightdeck.core.time.Times.iso(r.startedAt), dev.flightdeck.core.time.Times.iso(r.endedAt),
                        r.outcome, r.error)).toList();
        return new MissionWire.Runs(issue.issueId, runs);
    }
}
