package dev.flightdeck.core.mission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.git.Git;
import dev.flightdeck.core.mission.tools.CommitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mission_commit's git work, with the real git CLI, in a linked worktree as a mission run has. */
class MissionCommitsTest {
    static ScheduledExecutorService threads;

    @TempDir
    Path tmp;

    @BeforeAll
    static void threads() {
        threads = Executors.newScheduledThreadPool(2);
        Git.useThreads(threads);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    Path worktree() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Git.ok(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("README.md"), "hello\n");
        Git.ok(repo, "add", "README.md");
        Git.ok(repo, Git.identity(), "commit", "-q", "-m", "initial");
        Path wt = tmp.resolve("wt");
        Git.ok(repo, "worktree", "add", "-q", "-b", "mission/eng-1", wt.toString());
        return wt;
    }

    @Test
    void commitsEveryChangeOnTheWorktreesBranch() throws Exception {
        Path wt = worktree();
        Files.writeString(wt.resolve("new.txt"), "new\n");
        Files.writeString(wt.resolve("README.md"), "changed\n");
        CommitResult r = MissionCommits.commit(wt, "Fix ENG-1\n\nDetails.");
        assertThat(r.failure()).isNull();
        assertThat(r.committed()).isTrue();
        assertThat(r.branch()).isEqualTo("mission/eng-1");
        assertThat(r.sha()).isEqualTo(Git.ok(wt, "rev-parse", "mission/eng-1").strip());
        assertThat(Git.ok(wt, "log", "-1", "--format=%s%n%b")).startsWith("Fix ENG-1\n").contains("Details.");
        assertThat(Git.ok(wt, "status", "--porcelain")).isEmpty();
        // The repository's main branch is untouched.
        assertThat(Git.ok(wt, "log", "--format=%s", "main").strip()).isEqualTo("initial");
    }

    @Test
    void nothingToCommitIsNotAFailure() throws Exception {
        Path wt = worktree();
        String before = Git.ok(wt, "rev-parse", "HEAD").strip();
        CommitResult r = MissionCommits.commit(wt, "nothing");
        assertThat(r.failure()).isNull();
        assertThat(r.committed()).isFalse();
        assertThat(r.sha()).isNull();
        assertThat(Git.ok(wt, "rev-parse", "HEAD").strip()).isEqualTo(before);
    }

    @Test
    void theRepositorysHooksNeverRunAsTheServer() throws Exception {
        Path wt = worktree();
        Path marker = tmp.resolve("hook-ran");
        Path hook = tmp.resolve("repo/.git/hooks/pre-commit");
        Files.writeString(hook, "#!/bin/sh\ntouch " + marker + "\nexit 1\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(wt.resolve("x.txt"), "x\n");
        CommitResult r = MissionCommits.commit(wt, "with a hook armed");
        assertThat(r.committed()).as(String.valueOf(r.failure())).isTrue();
        assertThat(marker).doesNotExist();
    }

    @Test
    void gitsRefusalComesBackAsAFailureToRead() throws Exception {
        Path wt = worktree();
        Files.writeString(wt.resolve("y.txt"), "y\n");
        // Another git process holds the index: the commit is refused, not thrown.
        Path gitDir = Path.of(Git.ok(wt, "rev-parse", "--absolute-git-dir").strip());
        Files.writeString(gitDir.resolve("index.lock"), "");
        CommitResult r = MissionCommits.commit(wt, "blocked");
        assertThat(r.committed()).isFalse();
        assertThat(r.failure()).startsWith("git add refused").contains("index.lock");
    }
}
