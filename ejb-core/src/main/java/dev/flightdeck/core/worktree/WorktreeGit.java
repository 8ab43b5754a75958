package dev.flightdeck.core.worktree;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.git.Git;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The git half of worktrees: creating, listing, snapshotting, restoring and discarding them. No
 * database and no transaction here; the callers record what git did in a short transaction after.
 */
public final class WorktreeGit {
    private static final Logger LOG = Logger.getLogger(WorktreeGit.class.getName());

    private WorktreeGit() {
    }

    /** A worktree git has added on its new branch, not recorded yet. */
    public record Added(Path root, Path path, String branch, String baseBranch, String baseSha) {
    }

    /** Where a restore recreated a worktree; branch is set when it had to take a new one. */
    public record Recreated(Path path, String branch) {
    }

    /**
     * Adds a worktree on a new branch from base (default: the repository's HEAD) under the
     * repository's {@link WorktreeRules#DIR} and copies the files .worktreeinclude names. git
     * worktree add -b refuses a branch or a path that is taken, so of two creates racing for the same
     * branch or path, one gets the caller's failure here.
     */
    static Added add(Path repoPath, String branch, String baseBranch, Function<String, ApiException> failure) {
        if (!repoPath.isAbsolute() || !Files.isDirectory(repoPath)) {
            throw failure.apply("repo_path: must be an existing directory (absolute path)");
        }
        Git.Repository repo = Git.repository(repoPath);
        if (repo == null) {
            throw failure.apply("repo_path: " + repoPath + " is not inside a git repository");
        }
        Path root = WorktreeService.normalize(repo.root());
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
        return new Added(root, path, branch, baseBranch == null || baseBranch.isBlank() ? repo.branch() : baseBranch,
                baseSha.line());
    }

    /** Undoes {@link #add}: the worktree and its new branch, which has nothing of its own yet. */
    static void discard(Added added) {
        Git.run(added.root(), "worktree", "remove", "--force", "--", added.path().toString());
        Git.run(added.root(), "branch", "-D", "--", added.branch());
    }

    /** What {@code git worktree list} says of a repository, the main worktree first; empty when git cannot tell. */
    static List<WorktreeRules.Listed> list(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Git.Result porcelain = Git.run(root, "worktree", "list", "--porcelain");
        return porcelain.ok() ? WorktreeRules.parsePorcelain(porcelain.out()) : List.of();
    }

    static boolean commitExists(Path root, String sha) {
        return Git.run(root, "cat-file", "-e", "--end-of-options", sha + "^{commit}").ok();
    }

    /**
     * Adds the worktree of a snapshot again, at its path (or beside it when the path is taken), on its
     * branch when that still exists and is free, else on a new branch from the snapshot's HEAD.
     */
    static Recreated recreate(Path root, Path path, String snapshotId, String snapshotBranch, String start) {
        // An administrative entry left for a directory that is gone would block re-adding the path.
        Git.run(root, "worktree", "remove", "--force", "--", path.toString());
        String suffix = "-restored-" + snapshotId.substring(snapshotId.length() - 8);
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            path = Path.of(path + suffix);
        }
        Git.Result added;
        String newBranch = null;
        if (snapshotBranch != null && branchExists(root, snapshotBranch) && !checkedOut(root, snapshotBranch)) {
            added = Git.run(root, "worktree", "add", "--", path.toString(), snapshotBranch);
        } else {
            newBranch = (snapshotBranch == null ? "restored" : snapshotBranch) + suffix;
            added = Git.run(root, "worktree", "add", "-b", newBranch, "--", path.toString(), start);
        }
        if (!added.ok()) {
            throw ErrorCode.RESTORE_FAILED.error(added.err().strip());
        }
        return new Recreated(path, newBranch);
    }

    /** Puts a snapshot's files, and its index when it kept one, into the worktree at path. */
    static void restoreFiles(Path path, String commit, String indexTree) {
        Git.Result restored = Git.run(path, "restore", "--source=" + commit, "--worktree", "--", ":/");
        if (restored.ok() && indexTree != null) {
            restored = Git.run(path, "read-tree", "--end-of-options", indexTree);
        }
        if (!restored.ok()) {
            throw ErrorCode.RESTORE_FAILED.error(restored.err().strip());
        }
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

    private static boolean checkedOut(Path root, String branch) {
        return list(root).stream().anyMatch(l -> branch.equals(l.branch()) && !l.prunable());
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
}
