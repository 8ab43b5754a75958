package dev.flightdeck.core.worktree;

import dev.flightdeck.core.config.DataDir;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Git worktrees, through the real git CLI. Nothing destructive happens to a worktree (removing it,
 * deleting its branch) before its working files, untracked ones included, are saved as a snapshot
 * commit under refs/flightdeck/snapshots/, from which they can be restored exactly.
 */
@Stateless
public class WorktreeService {
    private static final Logger LOG = Logger.getLogger(WorktreeService.class.getName());

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    EventLog log;

    @Inject
    DataDir dataDir;

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

    public WorktreeWire.Created create(NewWorktree req) {
        WorktreeEntity w = createIn(req.repoPath(), req.branch(), req.baseBranch(), "user",
                m -> ErrorCode.CREATE_FAILED.error(m));
        return new WorktreeWire.Created(w.repoRoot, log.current(Scope.WORKTREES), summary(w, new long[2]));
    }

    /**
     * Creates a worktree on a new branch from base (default: the repository's HEAD) under the
     * repository's {@link WorktreeRules#DIR} (git worktree add -b refuses a name git would not take),
     * copies the files .worktreeinclude names, records it and
     * announces worktree_created. Failures become the caller's error.
     */
    public WorktreeEntity createIn(Path repoPath, String branch, String baseBranch, String createdBy,
                                   Function<String, ApiException> failure) {
        if (!repoPath.isAbsolute() || !Files.isDirectory(repoPath)) {
            throw failure.apply("repo_path: must be an existing directory (absolute path)");
        }
        Git.Repository repo = Git.repository(repoPath);
        if (repo == null) {
            throw failure.apply("repo_path: " + repoPath + " is not inside a git repository");
        }
        Path root = normalize(repo.root());
        String base = baseBranch == null || baseBranch.isBlank() ? "HEAD" : baseBranch;
        Git.Result baseSha = Git.run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", base + "^{commit}");
        if (!baseSha.ok()) {
            throw failure.apply("base_branch: " + base + " does not name a commit in " + root);
        }
        Path path = root.resolve(WorktreeRules.DIR).resolve(WorktreeRules.directoryName(branch));
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw failure.apply("a worktree directory already exists at " + path);
        }
        excludeWorktreeDir(root);
        Git.Result added = Git.run(root, "worktree", "add", "-b", branch, "--", path.toString(), baseSha.line());
        if (!added.ok()) {
            throw failure.apply(added.err().strip().lines().findFirst().orElse("git worktree add failed"));
        }
        copyIncluded(root, path);
        WorktreeEntity w = new WorktreeEntity();
        w.id = "wt-" + UUID.randomUUID();
        w.repoRoot = root.toString();
        w.worktreePath = path.toString();
        w.branch = branch;
        w.baseBranch = baseBranch == null || baseBranch.isBlank() ? repo.branch() : baseBranch;
        w.baseSha = baseSha.line();
        w.status = WorktreeRules.ACTIVE;
        w.createdAt = System.currentTimeMillis();
        w.diskPresent = true;
        w.createdBy = createdBy;
        em.persist(w);
        announceCreated(w);
        return w;
    }

    public WorktreeWire.Listing discover(Path repoPath) {
        if (!Files.isDirectory(repoPath)) {
            throw ErrorCode.INVALID_REQUEST.error("repo_path: must be an existing directory (absolute path)");
        }
        Path root = Git.repoRoot(repoPath);
        if (root == null) {
            throw ErrorCode.NOT_A_REPOSITORY.error("repo_path: " + repoPath + " is not inside a git repository");
        }
        root = normalize(root);
        reconcile(root.toString(), true);
        return list(root.toString());
    }

    /**
     * Brings the recorded worktrees of a repository in line with disk and {@code git worktree list}:
     * disk_present and status (active, orphaned, stale) are updated and announced; with
     * {@code discover}, worktrees made outside Flightdeck are recorded too.
     */
    public void reconcile(String repoRoot, boolean discover) {
        Path root = Path.of(repoRoot);
        Git.Result porcelain = Files.isDirectory(root) ? Git.run(root, "worktree", "list", "--porcelain") : null;
        List<WorktreeRules.Listed> listed = porcelain != null && porcelain.ok()
                ? WorktreeRules.parsePorcelain(porcelain.out()) : List.of();
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

    /** What removing a worktree works on, read in a short transaction and then released. */
    public record Removal(String id, Path path, Path root, String branch) {
    }

    /**
     * The first step of a removal: 409 worktree_in_use unless forced. No lock outlives it: the git
     * steps of {@link WorktreeRemoval} run with none held.
     */
    public Removal beginRemoval(String id, boolean force) {
        WorktreeEntity w = locked(id);
        long active = counts(w)[0];
        if (active > 0 && !force) {
            throw ErrorCode.WORKTREE_IN_USE.error("worktree " + id + " has " + active
                    + " active session(s); end them or pass force=true (a snapshot is kept)");
        }
        return new Removal(w.id, Path.of(w.worktreePath), Path.of(w.repoRoot), w.branch);
    }

    /** Records a snapshot whose commit git has made and pinned already. */
    public String recordSnapshot(String worktreeId, String snapshotId, WorktreeGit.Snapshot commit, String reason) {
        WorktreeEntity w = em.find(WorktreeEntity.class, worktreeId);
        WorktreeSnapshotEntity s = snapshotRow(w, snapshotId, commit, reason);
        em.persist(s);
        return s.id;
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

    /** A snapshot taken on request, without changing anything. */
    public WorktreeWire.Snapshot snapshotNow(String id) {
        WorktreeEntity w = locked(id);
        if (!Files.isDirectory(Path.of(w.worktreePath))) {
            throw ErrorCode.WORKTREE_MISSING.error("worktree " + id + " is not on disk");
        }
        return wire(takeSnapshot(w, "manual"));
    }

    /**
     * Restores a snapshot's files exactly: into the worktree when it is still there, else into a
     * worktree created again at its path (or beside it when the path is taken), on its branch when
     * that still exists and is free, else on a new branch from the snapshot's HEAD.
     */
    public WorktreeWire.Restored restore(String id, String snapshotId) {
        WorktreeEntity w = em.find(WorktreeEntity.class, id == null ? "" : id, LockModeType.PESSIMISTIC_WRITE);
        if (w == null) {
            throw ErrorCode.WORKTREE_NOT_FOUND.error("no worktree " + id);
        }
        WorktreeSnapshotEntity snap = snapshotId == null ? null : em.find(WorktreeSnapshotEntity.class, snapshotId);
        if (snap == null || !snap.worktreeId.equals(id)) {
            throw ErrorCode.SNAPSHOT_NOT_FOUND.error("no snapshot " + snapshotId + " of worktree " + id);
        }
        Path root = Path.of(w.repoRoot);
        if (!Git.run(root, "cat-file", "-e", "--end-of-options", snap.commitSha + "^{commit}").ok()) {
            throw ErrorCode.SNAPSHOT_MISSING.error("the snapshot commit " + snap.commitSha + " is no longer in " + root);
        }
        Path path = Path.of(w.worktreePath);
        Path top = WorktreeRules.REMOVED.equals(w.status) || !Files.isDirectory(path) ? null : Git.topLevel(path);
        boolean inPlace = top != null && normalize(top).equals(path);
        if (!inPlace) {
            path = recreate(w, snap, root);
        }
        Git.Result restored = Git.run(path, "restore", "--source=" + snap.commitSha, "--worktree", "--", ":/");
        if (restored.ok() && snap.indexTree != null) {
            restored = Git.run(path, "read-tree", "--end-of-options", snap.indexTree);
        }
        if (!restored.ok()) {
            throw ErrorCode.RESTORE_FAILED.error(restored.err().strip());
        }
        snap.restoredAt = System.currentTimeMillis();
        if (!inPlace) {
            announceCreated(w);
        }
        return new WorktreeWire.Restored(id, snapshotId, inPlace, log.current(Scope.WORKTREES), describe(w));
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

    /**
     * Undoes {@link #createIn} on disk when the caller's transaction will not keep it: the worktree
     * and its new branch, which has nothing of its own yet.
     */
    public void discardCreated(WorktreeEntity w) {
        Path root = Path.of(w.repoRoot);
        Git.run(root, "worktree", "remove", "--force", "--", w.worktreePath);
        Git.run(root, "branch", "-D", "--", w.branch);
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

    private Path recreate(WorktreeEntity w, WorktreeSnapshotEntity snap, Path root) {
        Path path = Path.of(w.worktreePath);
        // An administrative entry left for a directory that is gone would block re-adding the path.
        Git.run(root, "worktree", "remove", "--force", "--", path.toString());
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            path = Path.of(w.worktreePath + "-restored-" + snap.id.substring(snap.id.length() - 8));
        }
        String start = snap.headSha != null ? snap.headSha : snap.commitSha;
        Git.Result added;
        if (snap.branch != null && branchExists(root, snap.branch) && !checkedOut(root, snap.branch)) {
            added = Git.run(root, "worktree", "add", "--", path.toString(), snap.branch);
        } else {
            String branch = (snap.branch == null ? "restored" : snap.branch) + "-restored-"
                    + snap.id.substring(snap.id.length() - 8);
            added = Git.run(root, "worktree", "add", "-b", branch, "--", path.toString(), start);
            w.branch = branch;
        }
        if (!added.ok()) {
            throw ErrorCode.RESTORE_FAILED.error(added.err().strip());
        }
        w.worktreePath = path.toString();
        w.status = WorktreeRules.ACTIVE;
        w.diskPresent = true;
        return path;
    }

    /** Snapshots the worktree now: git makes and pins the commit, then the row records it. */
    private WorktreeSnapshotEntity takeSnapshot(WorktreeEntity w, String reason) {
        String snapshotId = WorktreeGit.newSnapshotId();
        WorktreeGit.Snapshot commit = WorktreeGit.snapshot(Path.of(w.worktreePath), Path.of(w.repoRoot), w.id,
                snapshotId, w.branch, reason, dataDir.scratch());
        WorktreeSnapshotEntity s = snapshotRow(w, snapshotId, commit, reason);
        em.persist(s);
        return s;
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

    /** Keeps the worktrees directory out of the repository's own status (info/exclude is shared by all worktrees). */
    private static void excludeWorktreeDir(Path root) {
        try {
            // The main worktree's .git is the common directory, so the usual case needs no git call.
            Path exclude = Files.isDirectory(root.resolve(".git")) ? root.resolve(".git/info/exclude")
                    : Path.of(Git.ok(root, "rev-parse", "--path-format=absolute", "--git-path", "info/exclude").trim());
            String line = "/" + WorktreeRules.DIR + "/";
            if (Files.exists(exclude) && Files.readAllLines(exclude, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            Files.createDirectories(exclude.getParent());
            String prefix = Files.exists(exclude) && Files.size(exclude) > 0
                    && !Files.readString(exclude, StandardCharsets.ISO_8859_1).endsWith("\n") ? "\n" : "";
            Files.writeString(exclude, prefix + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            LOG.warning("could not exclude " + WorktreeRules.DIR + " in " + root + ": " + e.getMessage());
        }
    }

    /**
     * Copies the untracked files of the main worktree that .worktreeinclude names (gitignore syntax,
     * matched by git itself) into the new worktree: typically .env files a checkout lacks.
     */
    private static void copyIncluded(Path root, Path target) {
        Path include = root.resolve(".worktreeinclude");
        if (!Files.isRegularFile(include)) {
            return;
        }
        Git.Result files = Git.run(root, "ls-files", "-z", "--others", "--ignored", "--exclude-from=" + include);
        if (!files.ok()) {
            LOG.warning("listing .worktreeinclude files in " + root + " failed: " + files.err());
            return;
        }
        for (String rel : files.out().split("\0")) {
            rel = rel.strip();
            if (rel.isEmpty() || rel.startsWith(WorktreeRules.DIR + "/")) {
                continue;
            }
            Path from = root.resolve(rel);
            Path to = target.resolve(rel).normalize();
            if (!to.startsWith(target) || !Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                LOG.warning("could not copy " + rel + " into " + target + ": " + e.getMessage());
            }
        }
    }

    private List<WorktreeWire.Summary> untracked(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Git.Result porcelain = Git.run(root, "worktree", "list", "--porcelain");
        if (!porcelain.ok()) {
            return List.of();
        }
        List<WorktreeRules.Listed> listed = WorktreeRules.parsePorcelain(porcelain.out());
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

    private static boolean branchExists(Path root, String branch) {
        return WorktreeGit.branchExists(root, branch);
    }

    private static boolean checkedOut(Path root, String branch) {
        Git.Result porcelain = Git.run(root, "worktree", "list", "--porcelain");
        return porcelain.ok() && WorktreeRules.parsePorcelain(porcelain.out()).stream()
                .anyMatch(l -> branch.equals(l.branch()) && !l.prunable());
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
