package dev.flightdeck.core.worktree;

import dev.flightdeck.core.config.DataDir;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.git.Git;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Removing a worktree, commit first and then act: a short transaction checks it may go, git saves
 * and removes it (and deletes its branch, on the remote too, which is network I/O) with no
 * transaction or lock held, and a last short transaction records that it is gone.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WorktreeRemoval {
    @Inject
    WorktreeService worktrees;

    @Inject
    DataDir dataDir;

    public WorktreeWire.Removed delete(String id, boolean force, boolean deleteBranch, boolean deleteRemoteBranch,
                                       boolean archiveOnly) {
        WorktreeService.Target r = worktrees.beginRemoval(id, force);
        if (archiveOnly) {
            return worktrees.finishRemoval(id, null, List.of(), false);
        }
        List<String> warnings = new ArrayList<>();
        String snapshotId = null;
        boolean onDisk = Files.isDirectory(r.path());
        if (onDisk) {
            Git.Result status = Git.run(r.path(), "status", "--porcelain");
            if (status.ok() && !status.out().isBlank() && !force) {
                throw ErrorCode.REMOVE_FAILED.error("worktree " + id
                        + " has uncommitted or untracked changes; pass force=true to remove it (a snapshot is kept)");
            }
            snapshotId = WorktreeGit.newSnapshotId();
            worktrees.recordSnapshot(id, snapshotId, WorktreeGit.snapshot(r.path(), r.root(), id, snapshotId,
                    r.branch(), "remove", dataDir.scratch()), "remove");
        } else if (deleteBranch && r.branch() != null && WorktreeGit.branchExists(r.root(), r.branch())) {
            snapshotId = WorktreeGit.newSnapshotId();
            worktrees.recordSnapshot(id, snapshotId, WorktreeGit.branchTip(r.root(), id, snapshotId, r.branch()),
                    "delete_branch");
        }
        Git.Result removed = Git.run(r.root(), "worktree", "remove", "--force", "--", r.path().toString());
        if (!removed.ok() && onDisk) {
            throw ErrorCode.REMOVE_FAILED.error(
                    removed.err().strip().lines().findFirst().orElse("git worktree remove failed"));
        }
        if (deleteBranch && r.branch() != null && WorktreeGit.branchExists(r.root(), r.branch())) {
            Git.Result b = Git.run(r.root(), "branch", "-D", "--", r.branch());
            if (!b.ok()) {
                warnings.add("branch " + r.branch() + " was not deleted: " + b.err().strip());
            }
        }
        if (deleteRemoteBranch && r.branch() != null) {
            Git.Result remote = Git.run(r.root(), "config", "--get", "--end-of-options", "branch." + r.branch() + ".remote");
            String name = remote.ok() && !remote.line().isEmpty() ? remote.line() : "origin";
            Git.Result push = Git.run(r.root(), "push", "--delete", "--", name, r.branch());
            if (!push.ok()) {
                warnings.add("remote branch " + name + "/" + r.branch() + " was not deleted: "
                        + push.err().strip().lines().findFirst().orElse("git push failed"));
            }
        }
        return worktrees.finishRemoval(id, snapshotId, warnings, true);
    }
}
