package dev.flightdeck.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real git CLI, on repositories whose config tries to make git run code of theirs. */
class GitTest {
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

    /** Plain git, as a user would run it: the control that shows the traps are armed. */
    static int plainGit(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@t", "GIT_COMMITTER_NAME", "t",
                "GIT_COMMITTER_EMAIL", "t@t"));
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    static void script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A repository with one commit whose config names an fsmonitor, hooks and a filter, each leaving a marker. */
    Path trappedRepo(Path markers) throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        assertThat(plainGit(repo, "init", "-q")).isZero();
        Files.writeString(repo.resolve("a.txt"), "one\n");
        // Committed, so a checkout of HEAD asks for the filter too; its driver is defined only below.
        Files.writeString(repo.resolve(".gitattributes"), "*.txt filter=trap\n");
        assertThat(plainGit(repo, "add", "a.txt", ".gitattributes")).isZero();
        assertThat(plainGit(repo, "commit", "-q", "-m", "init")).isZero();
        script(repo.resolve(".git/fsmonitor.sh"), "touch " + markers.resolve("fsmonitor") + "; exit 1");
        for (String hook : List.of("post-checkout", "pre-commit", "reference-transaction")) {
            script(repo.resolve(".git/hooks/" + hook), "touch " + markers.resolve(hook));
        }
        script(repo.resolve(".git/filter.sh"), "touch " + markers.resolve("filter-") + "$1; cat");
        Files.writeString(repo.resolve(".git/config"), String.join("\n",
                "[core]", "\tfsmonitor = " + repo.resolve(".git/fsmonitor.sh"),
                "[filter \"trap\"]",
                "\tclean = " + repo.resolve(".git/filter.sh") + " clean",
                "\tsmudge = " + repo.resolve(".git/filter.sh") + " smudge",
                "\trequired = true", ""), java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(repo.resolve("a.txt"), "two\n");
        Files.writeString(repo.resolve("b.txt"), "new\n");
        return repo;
    }

    @Test
    void noFsmonitorHookOrFilterOfTheRepositoryRuns() throws Exception {
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        Path repo = trappedRepo(markers);

        String tree = Git.workingTree(repo, tmp.resolve("scratch"));
        Git.State state = Git.state(repo, tmp.resolve("scratch"));
        assertThat(state.tree()).isEqualTo(tree);
        Git.Result added = Git.run(repo, "worktree", "add", "-b", "wt", "--", tmp.resolve("wt").toString(), "HEAD");
        assertThat(added.ok()).as(added.err()).isTrue();
        assertThat(Git.run(tmp.resolve("wt"), "status", "--porcelain").ok()).isTrue();
        assertThat(Git.run(tmp.resolve("wt"), "restore", "--source=HEAD", "--worktree", "--", ":/").ok()).isTrue();
        assertThat(Git.ok(repo, "cat-file", "-p", tree)).contains("b.txt");
        assertThat(Git.ok(repo, "cat-file", "-p", tree + ":a.txt")).isEqualTo("two\n");
        assertThat(markers).isEmptyDirectory();

        // The same commands, run as a user would, do trip every trap.
        assertThat(plainGit(repo, "status")).isZero();
        assertThat(plainGit(repo, "worktree", "add", "-b", "wt2", tmp.resolve("wt2").toString(), "HEAD")).isZero();
        assertThat(markers.resolve("fsmonitor")).exists();
        assertThat(markers.resolve("post-checkout")).exists();
        assertThat(markers.resolve("filter-clean")).exists();
        assertThat(markers.resolve("filter-smudge")).exists();
    }

    @Test
    void aFilterAddedOrRenamedAfterAReviewIsVoidedToo() throws Exception {
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        Path repo = trappedRepo(markers);
        Path scratch = tmp.resolve("scratch");
        Git.workingTree(repo, scratch);
        // A second driver, added the way git writes config (a new file renamed into place).
        script(repo.resolve(".git/filter2.sh"), "touch " + markers.resolve("second") + "; cat");
        assertThat(plainGit(repo, "config", "filter.second.clean", repo.resolve(".git/filter2.sh").toString())).isZero();
        Files.writeString(repo.resolve(".gitattributes"), "*.txt filter=trap\n*.md filter=second\n");
        Files.writeString(repo.resolve("c.md"), "md\n");
        Git.workingTree(repo, scratch);
        // The first one renamed in place, same size, its mtime put back: only the ctime tells.
        Path config = repo.resolve(".git/config");
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(config);
        String text = Files.readString(config);
        try (var f = new java.io.RandomAccessFile(config.toFile(), "rw")) {
            f.write(text.replace("[filter \"trap\"]", "[filter \"trax\"]").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.setLastModifiedTime(config, mtime);
        Files.writeString(repo.resolve(".gitattributes"), "*.txt filter=trax\n*.md filter=second\n");
        Files.writeString(repo.resolve("d.txt"), "d\n");
        String tree = Git.workingTree(repo, scratch);
        assertThat(Git.ok(repo, "cat-file", "-p", tree)).contains("c.md", "d.txt");
        assertThat(markers).isEmptyDirectory();
        assertThat(Git.configStamp(repo.resolve(".git"))).isNotNull();
    }

    @Test
    void aTimeoutFiresWhileGitStillHoldsItsOutputOpen() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("slow"));
        assertThat(plainGit(repo, "init", "-q")).isZero();
        long start = System.nanoTime();
        // An alias git runs through the shell: it prints, then keeps stdout open.
        assertThatThrownBy(() -> Git.run(repo, Map.of(), 1, "-c", "alias.hang=!echo started; sleep 61.25", "hang"))
                .isInstanceOf(Git.GitException.class).hasMessage("git -c timed out");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        // What git started is killed with it (SIGKILL is sent; wait for the exit to be seen).
        for (ProcessHandle h : ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains("sleep 61.25")).toList()) {
            h.onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(h -> h.info().commandLine().orElse("")).filter(c -> c.contains("sleep 61.25"))).isEmpty();
    }

    @Test
    void aFailureIsA502EnvelopeThatNamesNoPath() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("not-a-repo"));
        assertThatThrownBy(() -> Git.ok(dir, "rev-parse", "--verify", "HEAD"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.code()).isEqualTo("git_failed");
                    assertThat(e.getMessage()).isEqualTo("git rev-parse failed (exit 128)").doesNotContain(tmp.toString());
                });
    }

    @Test
    void onlyCommandsThatTouchWorktreeFilesVoidTheFilters() {
        assertThat(Git.mayFilter(List.of("add", "--all"))).isTrue();
        assertThat(Git.mayFilter(List.of("worktree", "add", "x"))).isTrue();
        assertThat(Git.mayFilter(List.of("restore", "--worktree"))).isTrue();
        assertThat(Git.mayFilter(List.of("status"))).isTrue();
        assertThat(Git.mayFilter(List.of("write-tree"))).isTrue();
        assertThat(Git.mayFilter(List.of("worktree", "list", "--porcelain"))).isFalse();
        assertThat(Git.mayFilter(List.of("rev-parse", "HEAD"))).isFalse();
        assertThat(Git.mayFilter(List.of("branch", "-D", "--", "x"))).isFalse();
    }

    @Test
    void everyDefinedDriverIsEmptied() {
        assertThat(Git.voidFilters("filter.lfs.clean\0filter.lfs.smudge\0filter.a.b.process\0filter.x\0filter..y\0"))
                .containsExactly("-c", "filter.a.b.clean=", "-c", "filter.a.b.smudge=", "-c", "filter.a.b.process=",
                        "-c", "filter.a.b.required=false",
                        "-c", "filter.lfs.clean=", "-c", "filter.lfs.smudge=", "-c", "filter.lfs.process=",
                        "-c", "filter.lfs.required=false");
        assertThat(Git.voidFilters("")).isEmpty();
    }
}
