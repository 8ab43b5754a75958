package dev.flightdeck.core.mission;

import dev.flightdeck.core.git.Git;
import dev.flightdeck.core.mission.tools.CommitResult;
import java.nio.file.Path;
import java.util.Map;

/**
 * mission_commit's git work, in one run's worktree: stage everything, commit when there is something
 * to commit. Runs as the server, outside the agent's sandbox, so through {@link Git} (no hooks, no
 * filters, no user config). Never called inside a transaction.
 */
final class MissionCommits {
    private MissionCommits() {
    }

    static CommitResult commit(Path worktree, String message) {
        Git.Result add = Git.run(worktree, "add", "-A");
        if (!add.ok()) {
            return CommitResult.failed("git add refused: " + firstLine(add.err()));
        }
        String branch = Git.run(worktree, "symbolic-ref", "--quiet", "--short", "HEAD").out().strip();
        if (Git.run(worktree, "diff", "--cached", "--quiet").ok()) {
            return new CommitResult(false, null, branch, null);
        }
        // The repository's own identity when it has one; otherwise Flightdeck's, as for snapshots.
        Map<String, String> env = Git.run(worktree, "config", "--get", "user.email").ok() ? Map.of() : Git.identity();
        Git.Result commit = Git.run(worktree, env, "commit", "-q", "--no-verify", "-m", message);
        if (!commit.ok()) {
            return CommitResult.failed("git commit refused: " + firstLine(commit.err().isBlank() ? commit.out() : commit.err()));
        }
        return new CommitResult(true, Git.ok(worktree, "rev-parse", "HEAD").strip(), branch, null);
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("no detail");
    }
}
