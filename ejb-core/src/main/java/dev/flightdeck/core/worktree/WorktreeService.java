package dev.flightdeck.core.worktree;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.git.Git;
import dev.flightdeck.core.json.Fields;
import dev.flightdeck.core.session.SessionStatus;
import dev.flightdeck.core.time.Times;
import dev.flightdeck.persistence.worktree.WorktreeEntity;
import dev.flightdeck.persistence.worktree.WorktreeSnapshotEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Git worktrees, the database half: short transactions that check what a worktree operation may do
 * and record what git did ({@link WorktreeOperations} and {@link WorktreeRemoval} run git between
 * them, with no transaction). Nothing destructive happens to a worktree (removing it, deleting its
 * branch) before its working files, untracked ones included, are saved as a snapshot commit under
 * refs/flightdeck/snapshots/, from which they can be restored exactly.
 */
@Stateless
public class WorktreeService {
    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    EventLog log;

    public WorktreeWire.Listing list(String repoRoot) {
        long revision = log.current(Scope.WORKTREES);
        String root = repoRoot == null || repoRoot.isBlank() ? null
                : normalize(Fields.absolutePath("repo_root", repoRoot, ErrorCode.INVALID_REQUEST)).toString();
        List<WorktreeEntity> rows = tracked(root);
        if (rows.isEmpty() && root != null) {
            // Nothing tracked yet: show what git itself knows, without recording it (discover does that).
            return new WorktreeWire.Listing(root, revision, untracked(Path.of(root)));
        }
        Map<String, long[]> counts = sessionCounts(rows);
        return new WorktreeWire.Listing(root, revision,
                rows.stream().map(w -> summary(w, counts.getOrDefault(w.id, new long[2]))).toList());
    }

    /**
     * Records a worktree git has just added and announces worktree_created. A removed worktree's row
     * at the same path is taken over, as discover does (the unique index on worktree_path allows one
     * row per path, and its snapshots stay reachable). A live row there means a discover or another
     * create recorded the path first: the caller's failure, as when git refuses; the unique index
     * settles the same race when both insert at once.
     */
    public WorktreeEntity recordCreated(WorktreeGit.Added added, String createdBy, Function<String, ApiException> failure) {
        String path = added.path().toString();
        WorktreeEntity w = em.createQuery("SELECT w FROM WorktreeEntity w WHERE w.worktreePath = :p", WorktreeEntity.class)
                .setParameter("p", path).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElse(null);
        if (w != null && !WorktreeRules.REMOVED.equals(w.status)) {
            throw failure.apply("a worktree is already recorded at " + path);
        }
        boolean fresh = w == null;
        if (fresh) {
            w = new WorktreeEntity();
            w.id = "wt-" + UUID.randomUUID();
            w.worktreePath = path;
        }
        w.repoRoot = added.root().toString();
        w.branch = added.branch();
        w.baseBranch = added.baseBranch();
        w.baseSha = added.baseSha();
        w.status = WorktreeRules.ACTIVE;
        w.createdAt = System.currentTimeMillis();
        w.lastSessionEndedAt = null;
        w.lastHealthCheckAt = null;
        w.diskPresent = true;
        w.createdBy = createdBy;
        try {
            if (fresh) {
                em.persist(w);
            }
            em.flush();
        } catch (PersistenceException e) {
            throw failure.apply("a worktree is already recorded at " + path);
        }
        announceCreated(w);
        return w;
    }

    /** Whether a tracked, not removed worktree is recorded at path. */
    public boolean recordedAt(Path path) {
        return !em.createQuery("SELECT w.id FROM WorktreeEntity w WHERE w.worktreePath = :p AND w.status <> 'removed'",
                String.class).setParameter("p", path.toString()).setMaxResults(1).getResultList().isEmpty();
    }

    public WorktreeWire.Created created(WorktreeEntity w) {
        return new WorktreeWire.Created(w.repoRoot, log.current(Scope.WORKTREES), summary(w, new long[2]));
    }

    /**
     * Brings the recorded worktrees of a repository in line with disk and what {@code git worktree
     * list} said (read before this transaction): disk_present and status (active, orphaned, stale)
     * are updated and announced; with {@code discover}, worktrees made outside Flightdeck are
     * recorded too.
     */
    public void applyReconcile(String repoRoot, List<WorktreeRules.Listed> listed, boolean discover) {
        Set<String> live = listed.stream().filter(l -> !l.prunable()).map(WorktreeRules.Listed::path)
                .collect(Collectors.toSet());
        long now = System.currentTimeMillis();
        List<WorktreeEntity> rows = em.createQuery("SELECT w FROM WorktreeEntity w WHERE w.repoRoot = :r",
                WorktreeEntity.class).setParameter("r", repoRoot).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Map<String, WorktreeEntity> byPath = rows.stream().collect(Collectors.toMap(w -> w.worktreePath, w -> w));
        for (WorktreeEntity w : rows) {
            if (WorktreeRules.REMOVED.equals(w.status)) {
                continue;
            }
            // A stat, not git: cheap enough under the lock.
            boolean exists = Files.isDirectory(Path.of(w.worktreePath));
            String status = WorktreeRules.status(exists, live.contains(w.worktreePath));
            w.lastHealthCheckAt = now;
            w.diskPresent = exists;
            if (!status.equals(w.status)) {
                w.status = status;
                announceStatus(w);
            }
        }
        if (!discover) {
            return;
        }
        for (int i = 1; i < listed.size(); i++) {
            WorktreeRules.Listed l = listed.get(i);
            if (l.bare() || l.prunable() || !Files.isDirectory(Path.of(l.path()))) {
                continue;
            }
            WorktreeEntity known = byPath.get(l.path());
            if (known != null && !WorktreeRules.REMOVED.equals(known.status)) {
                continue;
            }
            WorktreeEntity w = known != null ? known : new WorktreeEntity();
            if (known == null) {
                w.id = "wt-" + UUID.randomUUID();
                w.repoRoot = repoRoot;
                w.worktreePath = l.path();
                w.createdAt = now;
                w.createdBy = "discovered";
                w.baseSha = l.head();
            }
            w.branch = l.branch();
            w.status = WorktreeRules.ACTIVE;
            w.diskPresent = true;
            w.lastHealthCheckAt = now;
            if (known == null) {
                em.persist(w);
            }
            announceCreated(w);
        }
    }

    /** Every repository with tracked worktrees: what a boot reconciles. */
    public List<String> trackedRepos() {
        return em.createQuery("SELECT DISTINCT w.repoRoot FROM WorktreeEntity w WHERE w.status <> 'removed'", String.class)
                .getResultList();
    }

    /** What removing or snapshotting a worktree works on, read in a short transaction and then released. */
    public record Target(String id, Path path, Path root, String branch) {
    }

    /** What restoring a snapshot works on, read in a short transaction and then released. */
    public record RestorePlan(Path root, Path path, boolean removed, String commit, String indexTree, String start,
                              String branch) {
    }

    /**
     * The first step of a removal: 409 worktree_in_use unless forced. No lock outlives it: the git
     * steps of {@link WorktreeRemoval} run with none held.
     */
    public Target beginRemoval(String id, boolean force) {
        WorktreeEntity w = locked(id);
        long active = counts(w)[0];
        if (active > 0 && !force) {
            throw ErrorCode.WORKTREE_IN_USE.error("worktree " + id + " has " + active
                    + " active session(s); end them or pass force=true (a snapshot is kept)");
        }
        return new Target(w.id, Path.of(w.worktreePath), Path.of(w.repoRoot), w.branch);
    }

    /** Records a snapshot whose commit git has made and pinned already. */
    public WorktreeWire.Snapshot recordSnapshot(String worktreeId, String snapshotId, WorktreeGit.Snapshot commit,
                                                String reason) {
        WorktreeEntity w = em.find(WorktreeEntity.class, worktreeId);
        WorktreeSnapshotEntity s = snapshotRow(w, snapshotId, commit, reason);
        em.persist(s);
        return wire(s);
    }

    /** The last step of a removal: the worktree is gone, announced as worktree_removed. */
    public WorktreeWire.Removed finishRemoval(String id, String snapshotId, List<String> warnings, boolean offDisk) {
        WorktreeEntity w = locked(id);
        if (offDisk) {
            w.diskPresent = false;
        }
        w.status = WorktreeRules.REMOVED;
        String repo = w.repoRoot;
        String requestId = "req-" + UUID.randomUUID();
        long revision = log.append(Scope.WORKTREES, EventType.WORKTREE_REMOVED,
                rev -> new WorktreeWire.RemovedEvent(EventType.WORKTREE_REMOVED.wire(), requestId, repo, rev, id));
        return new WorktreeWire.Removed(repo, revision, id, true, true, snapshotId, warnings);
    }

    public WorktreeWire.Snapshots snapshots(String id) {
        WorktreeEntity w = em.find(WorktreeEntity.class, id == null ? "" : id);
        if (w == null) {
            throw ErrorCode.WORKTREE_NOT_FOUND.error("no worktree " + id);
        }
        return new WorktreeWire.Snapshots(id, em.createQuery("SELECT s FROM WorktreeSnapshotEntity s WHERE "
                        + "s.worktreeId = :w ORDER BY s.createdAt DESC, s.id", WorktreeSnapshotEntity.class)
                .setParameter("w", id).getResultList().stream().map(WorktreeService::wire).toList());
    }

    /** The first step of a snapshot taken on request: the worktree must be tracked and on disk. */
    public Target beginSnapshot(String id) {
        WorktreeEntity w = locked(id);
        if (!Files.isDirectory(Path.of(w.worktreePath))) {
            throw ErrorCode.WORKTREE_MISSING.error("worktree " + id + " is not on disk");
        }
        return new Target(w.id, Path.of(w.worktreePath), Path.of(w.repoRoot), w.branch);
    }

    /** The first step of a restore: the worktree and its snapshot, 404 when either is not known. */
    public RestorePlan beginRestore(String id, String snapshotId) {
        WorktreeEntity w = em.find(WorktreeEntity.class, id == null ? "" : id);
        if (w == null) {
            throw ErrorCode.WORKTREE_NOT_FOUND.error("no worktree " + id);
        }
        WorktreeSnapshotEntity snap = snapshotId == null ? null : em.find(WorktreeSnapshotEntity.class, snapshotId);
        if (snap == null || !snap.worktreeId.equals(id)) {
            throw ErrorCode.SNAPSHOT_NOT_FOUND.error("no snapshot " + snapshotId + " of worktree " + id);
        }
        return new RestorePlan(Path.of(w.repoRoot), Path.of(w.worktreePath), WorktreeRules.REMOVED.equals(w.status),
                snap.commitSha, snap.indexTree, snap.headSha != null ? snap.headSha : snap.commitSha, snap.branch);
    }

    /**
     * The last step of a restore, once git has put the files back: the snapshot is marked restored,
     * and a worktree created again is recorded at its new place and announced as worktree_created.
     */
    public WorktreeWire.Restored finishRestore(String id, String snapshotId, WorktreeGit.Recreated again) {
        WorktreeEntity w = em.find(WorktreeEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        WorktreeSnapshotEntity snap = em.find(WorktreeSnapshotEntity.class, snapshotId);
        if (again != null) {
            w.worktreePath = again.path().toString();
            if (again.branch() != null) {
                w.branch = again.branch();
            }
            w.status = WorktreeRules.ACTIVE;
            w.diskPresent = true;
        }
        snap.restoredAt = System.currentTimeMillis();
        if (again != null) {
            announceCreated(w);
        }
        return new WorktreeWire.Restored(id, snapshotId, again == null, log.current(Scope.WORKTREES), describe(w));
    }

    /** A tracked, not removed worktree for a fork; the contract's fork errors otherwise. */
    public WorktreeEntity forFork(String id, String sourceCwd) {
        WorktreeEntity w = id == null ? null : em.find(WorktreeEntity.class, id);
        if (w == null || WorktreeRules.REMOVED.equals(w.status)) {
            throw ErrorCode.WORKTREE_NOT_FOUND.error("no worktree " + id);
        }
        if (!Files.isDirectory(Path.of(w.worktreePath))) {
            throw ErrorCode.WORKTREE_MISSING.error("worktree " + id + " is no longer on disk at " + w.worktreePath);
        }
        Path sourceRepo = sourceCwd == null ? null : Git.repoRoot(Path.of(sourceCwd));
        if (sourceRepo == null || !normalize(sourceRepo).toString().equals(w.repoRoot)) {
            throw ErrorCode.WORKTREE_REPO_MISMATCH.error("worktree " + id + " belongs to " + w.repoRoot
                    + ", not to the source session's repository");
        }
        return w;
    }

    public WorktreeWire.Summary describe(WorktreeEntity w) {
        return summary(w, counts(w));
    }

    /** Notes when a session working in the worktree last ended (the idle time cleanup would go by). */
    public void sessionEnded(String worktreeId, long at) {
        em.createQuery("UPDATE WorktreeEntity w SET w.lastSessionEndedAt = :t WHERE w.id = :id")
                .setParameter("t", at).setParameter("id", worktreeId).executeUpdate();
    }

    /** The tracked worktree a directory lies in, if any. */
    public String containing(Path dir) {
        String d = dir.toString();
        return em.createQuery("SELECT w FROM WorktreeEntity w WHERE w.status <> 'removed'", WorktreeEntity.class)
                .getResultList().stream().filter(w -> d.equals(w.worktreePath) || d.startsWith(w.worktreePath + "/"))
                .map(w -> w.id).findFirst().orElse(null);
    }

    private static WorktreeSnapshotEntity snapshotRow(WorktreeEntity w, String snapshotId, WorktreeGit.Snapshot commit,
                                                      String reason) {
        WorktreeSnapshotEntity s = new WorktreeSnapshotEntity();
        s.id = snapshotId;
        s.worktreeId = w.id;
        s.repoRoot = w.repoRoot;
        s.refName = WorktreeRules.snapshotRef(w.id, snapshotId);
        s.commitSha = commit.commit();
        s.headSha = commit.head();
        s.branch = commit.branch();
        s.worktreePath = w.worktreePath;
        s.reason = reason;
        s.dirty = commit.dirty();
        s.indexTree = commit.indexTree();
        s.createdAt = System.currentTimeMillis();
        return s;
    }

    private void announceCreated(WorktreeEntity w) {
        WorktreeWire.Summary summary = describe(w);
        String requestId = "req-" + UUID.randomUUID();
        String repo = w.repoRoot;
        log.append(Scope.WORKTREES, EventType.WORKTREE_CREATED,
                rev -> new WorktreeWire.CreatedEvent(EventType.WORKTREE_CREATED.wire(), requestId, repo, rev, summary));
    }

    private void announceStatus(WorktreeEntity w) {
        String id = w.id;
        String status = w.status;
        String repo = w.repoRoot;
        log.append(Scope.WORKTREES, EventType.WORKTREE_STATUS_CHANGED,
                rev -> new WorktreeWire.StatusChanged(EventType.WORKTREE_STATUS_CHANGED.wire(), id, status, repo, rev));
    }

    private List<WorktreeWire.Summary> untracked(Path root) {
        List<WorktreeRules.Listed> listed = WorktreeGit.list(root);
        return listed.stream().skip(1).filter(l -> !l.bare()).map(l -> new WorktreeWire.Summary(null, root.toString(),
                l.path(), l.branch(), null, l.head(), WorktreeRules.status(Files.isDirectory(Path.of(l.path())), !l.prunable()),
                null, null, null, Files.isDirectory(Path.of(l.path())), false, null, "discovered", 0, 0)).toList();
    }

    private List<WorktreeEntity> tracked(String root) {
        String q = "SELECT w FROM WorktreeEntity w WHERE w.status <> 'removed'" + (root != null ? " AND w.repoRoot = :r" : "")
                + " ORDER BY w.createdAt, w.id";
        var query = em.createQuery(q, WorktreeEntity.class);
        if (root != null) {
            query.setParameter("r", root);
        }
        return query.getResultList();
    }

    private long[] counts(WorktreeEntity w) {
        return sessionCounts(List.of(w)).getOrDefault(w.id, new long[2]);
    }

    /** Per worktree: {active sessions, all sessions}. */
    private Map<String, long[]> sessionCounts(List<WorktreeEntity> rows) {
        Map<String, long[]> counts = new java.util.HashMap<>();
        if (rows.isEmpty()) {
            return counts;
        }
        List<Object[]> found = em.createQuery("SELECT s.worktreeId, s.status, COUNT(s) FROM SessionEntity s "
                        + "WHERE s.worktreeId IN :ids GROUP BY s.worktreeId, s.status", Object[].class)
                .setParameter("ids", rows.stream().map(w -> w.id).toList()).getResultList();
        for (Object[] r : found) {
            long[] c = counts.computeIfAbsent((String) r[0], k -> new long[2]);
            long n = ((Number) r[2]).longValue();
            c[1] += n;
            if (SessionStatus.ACTIVE.equals(r[1])) {
                c[0] += n;
            }
        }
        return counts;
    }

    private WorktreeEntity locked(String id) {
        WorktreeEntity w = id == null ? null : em.find(WorktreeEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (w == null || WorktreeRules.REMOVED.equals(w.status)) {
            throw ErrorCode.NOT_FOUND.error("no worktree " + id);
        }
        return w;
    }

    /** Real path when it exists, so paths compare equal however they were spelled. */
    static Path normalize(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    static WorktreeWire.Summary summary(WorktreeEntity w, long[] counts) {
        return new WorktreeWire.Summary(w.id, w.repoRoot, w.worktreePath, w.branch, w.baseBranch, w.baseSha, w.status,
                Times.iso(w.createdAt), Times.iso(w.lastSessionEndedAt), Times.iso(w.lastHealthCheckAt), w.diskPresent,
                w.autoPrune, w.customName, w.createdBy, counts[0], counts[1]);
    }

    static WorktreeWire.Snapshot wire(WorktreeSnapshotEntity s) {
        return new WorktreeWire.Snapshot(s.id, s.worktreeId, s.refName, s.commitSha, s.headSha, s.branch,
                s.worktreePath, s.reason, s.dirty, Times.iso(s.createdAt), Times.iso(s.restoredAt));
    }
}
