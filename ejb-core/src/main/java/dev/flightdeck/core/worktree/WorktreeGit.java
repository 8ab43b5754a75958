package dev.flightdeck.core.worktree;

import dev.flightdeck.core.git.Git;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The git half of worktree snapshots and removal: no database, no transaction. */
public final class WorktreeGit {
    private WorktreeGit() {
    }

    /** A snapshot commit git has made and pinned under its ref. */
    public record Snapshot(String commit, String head, String branch, boolean dirty, String indexTree) {
    }

    static String newSnapshotId() {
        return "snap-" + UUID.randomUUID();
    }

    /**
     * Saves the worktree's files, untracked ones included, as a commit whose parent is HEAD, with the
     * index as a second parent (git stash's shape), and pins it under the snapshot's ref.
     */
    static Snapshot snapshot(Path path, Path root, String worktreeId, String snapshotId, String trackedBranch,
                             String reason, Path scratch) {
        String head = Git.head(path);
        String tree = Git.workingTree(path, scratch);
        String headTree = head == null ? Git.EMPTY_TREE
                : Git.ok(path, "rev-parse", "--end-of-options", head + "^{tree}").trim();
        String branch = Git.run(path, "symbolic-ref", "--quiet", "--short", "HEAD").line();
        String message = WorktreeRules.snapshotMessage(reason, branch.isEmpty() ? null : branch, path.toString());
        List<String> args = new ArrayList<>(List.of("commit-tree", tree));
        // The index, as its own commit and second parent, keeps what was staged reachable; write-tree
        // refuses an index with conflicts, and then only the files are kept.
        Git.Result index = head == null ? null : Git.run(path, "write-tree");
        String indexTree = index != null && index.ok() ? index.line() : null;
        if (head != null) {
            args.addAll(List.of("-p", head));
        }
        if (indexTree != null) {
            args.addAll(List.of("-p", Git.ok(path, Git.identity(), "commit-tree", indexTree, "-p", head, "-m",
                    "index of " + message).trim()));
        }
        args.addAll(List.of("-m", message));
        String commit = Git.ok(path, Git.identity(), args.toArray(String[]::new)).trim();
        pin(root, worktreeId, snapshotId, commit);
        return new Snapshot(commit, head, branch.isEmpty() ? trackedBranch : branch,
                !tree.equals(headTree) || indexTree != null && !indexTree.equals(headTree), indexTree);
    }

    /** The branch's tip, pinned: what deleting the branch of a worktree already gone would lose. */
    static Snapshot branchTip(Path root, String worktreeId, String snapshotId, String branch) {
        String tip = Git.ok(root, "rev-parse", "--verify", "--end-of-options", "refs/heads/" + branch).trim();
        pin(root, worktreeId, snapshotId, tip);
        return new Snapshot(tip, tip, branch, false, null);
    }

    private static void pin(Path root, String worktreeId, String snapshotId, String commit) {
        Git.ok(root, "update-ref", "-m", "flightdeck snapshot", WorktreeRules.snapshotRef(worktreeId, snapshotId), commit);
    }

    static boolean branchExists(Path root, String branch) {
        return Git.run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", "refs/heads/" + branch).ok();
    }
}
