package dev.flightdeck.core.worktree;

import dev.flightdeck.core.config.DataDir;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.git.Git;
import dev.flightdeck.persistence.worktree.WorktreeEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Creating, snapshotting, restoring and reconciling worktrees the way {@link WorktreeRemoval}
 * removes them: a short transaction checks, git runs with no transaction (a caller's is suspended),
 * and a last short transaction records the result. A slow git (a big checkout, a filter, a hook)
 * holds no database connection or lock.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorktreeOperations {
    @Inject
    WorktreeService worktrees;

    @Inject
    DataDir dataDir;

    public WorktreeWire.Created create(NewWorktree req) {
        return worktrees.created(createIn(req.repoPath(), req.branch(), req.baseBranch(), "user",
                m -> ErrorCode.CREATE_FAILED.error(m)));
    }

    /**
     * Creates a worktree on a new branch (see {@link WorktreeGit#add}), records it and announces
     * worktree_created. Failures, git's refusal and a lost race for the path alike, become the
     * caller's error; a worktree git made but that could not be recorded is taken off disk again.
     */
    public WorktreeEntity createIn(Path repoPath, String branch, String baseBranch, String createdBy,
                                   Function<String, ApiException> failure) {
        WorktreeGit.Added added = add(repoPath, branch, baseBranch, failure);
        try {
            return worktrees.recordCreated(added, createdBy, failure);
        } catch (RuntimeException e) {
            discard(added);
            throw e;
        }
    }

    /** The git half of {@link #createIn}, for a caller that records the worktree in a transaction of its own. */
    public WorktreeGit.Added add(Path repoPath, String branch, String baseBranch, Function<String, ApiException> failure) {
        return WorktreeGit.add(repoPath, branch, baseBranch, failure);
    }

    /**
     * Takes a worktree made by {@link #add} off disk again, with its new branch, unless a live record
     * claims its path by now (a discover that ran meanwhile recorded it).
     */
    public void discard(WorktreeGit.Added added) {
        if (!worktrees.recordedAt(added.path())) {
            WorktreeGit.discard(added);
        }
    }

    public WorktreeWire.Listing discover(Path repoPath) {
        if (!Files.isDirectory(repoPath)) {
            throw ErrorCode.INVALID_REQUEST.error("repo_path: must be an existing directory (absolute path)");
        }
        Path root = Git.repoRoot(repoPath);
        if (root == null) {
            throw ErrorCode.NOT_A_REPOSITORY.error("repo_path: " + repoPath + " is not inside a git repository");
        }
        root = WorktreeService.normalize(root);
        reconcile(root.toString(), true);
        return worktrees.list(root.toString());
    }

    /** Asks git for the repository's worktrees, then brings the records in line (see {@link WorktreeService#applyReconcile}). */
    public void reconcile(String repoRoot, boolean discover) {
        worktrees.applyReconcile(repoRoot, WorktreeGit.list(Path.of(repoRoot)), discover);
    }

    /** A snapshot taken on request, without changing anything. */
    public WorktreeWire.Snapshot snapshotNow(String id) {
        WorktreeService.Target t = worktrees.beginSnapshot(id);
        String snapshotId = WorktreeGit.newSnapshotId();
        WorktreeGit.Snapshot commit = WorktreeGit.snapshot(t.path(), t.root(), t.id(), snapshotId, t.branch(), "manual",
                dataDir.scratch());
        return worktrees.recordSnapshot(t.id(), snapshotId, commit, "manual");
    }

    /**
     * Restores a snapshot's files exactly: into the worktree when it is still there, else into a
     * worktree created again at its path (or beside it when the path is taken), on its branch when
     * that still exists and is free, else on a new branch from the snapshot's HEAD.
     */
    public WorktreeWire.Restored restore(String id, String snapshotId) {
        WorktreeService.RestorePlan p = worktrees.beginRestore(id, snapshotId);
        if (!WorktreeGit.commitExists(p.root(), p.commit())) {
            throw ErrorCode.SNAPSHOT_MISSING.error("the snapshot commit " + p.commit() + " is no longer in " + p.root());
        }
        Path top = p.removed() || !Files.isDirectory(p.path()) ? null : Git.topLevel(p.path());
        boolean inPlace = top != null && WorktreeService.normalize(top).equals(p.path());
        WorktreeGit.Recreated again = inPlace ? null
                : WorktreeGit.recreate(p.root(), p.path(), snapshotId, p.branch(), p.start());
        WorktreeGit.restoreFiles(inPlace ? p.path() : again.path(), p.commit(), p.indexTree());
        return worktrees.finishRestore(id, snapshotId, again);
    }
}
