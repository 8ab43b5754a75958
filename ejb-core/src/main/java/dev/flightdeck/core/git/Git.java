package dev.flightdeck.core.git;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the real git CLI. Every call turns off automatic gc and maintenance, so nothing Flightdeck does
 * starts repo-wide housekeeping while sibling worktrees are in use, and takes no optional locks, so
 * reading a worktree never contends with the agent's own git commands.
 */
public final class Git {
    /** The tree of a repository with no commits yet. */
    public static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private static final long TIMEOUT_SECONDS = 120;
    private static final List<String> BASE = List.of("git", "-c", "gc.auto=0", "-c", "maintenance.auto=false",
            "-c", "core.quotePath=false", "-c", "color.ui=false");

    private Git() {
    }

    public record Result(int exit, String out, String err) {
        public boolean ok() {
            return exit == 0;
        }

        /** The first line of stdout, trimmed. */
        public String line() {
            int nl = out.indexOf('\n');
            return (nl < 0 ? out : out.substring(0, nl)).trim();
        }
    }

    /** A git command that failed; the message is git's own error text. */
    public static final class GitException extends RuntimeException {
        public GitException(String message) {
            super(message);
        }
    }

    public static Result run(Path dir, String... args) {
        return run(dir, Map.of(), args);
    }

    public static Result run(Path dir, Map<String, String> env, String... args) {
        StringBuilder out = new StringBuilder();
        int[] exit = new int[1];
        String err = exec(dir, env, List.of(args), line -> out.append(line).append('\n'), exit);
        return new Result(exit[0], out.toString(), err);
    }

    /** Runs git and returns stdout, or throws with git's message when it fails. */
    public static String ok(Path dir, String... args) {
        return ok(dir, Map.of(), args);
    }

    public static String ok(Path dir, Map<String, String> env, String... args) {
        Result r = run(dir, env, args);
        if (!r.ok()) {
            throw new GitException(message(r, args));
        }
        return r.out();
    }

    /** Streams stdout line by line (for diffs, which may be large); throws when git fails. */
    public static void lines(Path dir, Consumer<String> sink, String... args) {
        int[] exit = new int[1];
        String err = exec(dir, Map.of(), List.of(args), sink, exit);
        if (exit[0] != 0) {
            throw new GitException(message(new Result(exit[0], "", err), args));
        }
    }

    /** The root of the worktree containing dir, or null when dir is not inside a git worktree. */
    public static Path topLevel(Path dir) {
        Result r = run(dir, "rev-parse", "--show-toplevel");
        return r.ok() && !r.line().isEmpty() ? Path.of(r.line()) : null;
    }

    /** HEAD's commit, or null in a repository without commits. */
    public static String head(Path top) {
        Result r = run(top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}");
        return r.ok() ? r.line() : null;
    }

    /** A repository: its main worktree's root, and the branch checked out where it was asked (null when detached or unborn). */
    public record Repository(Path root, String branch) {
    }

    /** The repository dir lies in, whichever of its worktrees that is; null outside git. */
    public static Repository repository(Path dir) {
        // One call: the common git directory, and HEAD's branch (this part fails on an unborn HEAD).
        Result r = run(dir, "rev-parse", "--path-format=absolute", "--git-common-dir", "--abbrev-ref", "HEAD");
        String[] lines = r.out().split("\n");
        if (lines.length == 0 || !lines[0].startsWith("/")) {
            return null;
        }
        Path root = rootOf(dir, Path.of(lines[0].trim()));
        String branch = r.ok() && lines.length > 1 && !"HEAD".equals(lines[1].trim()) ? lines[1].trim() : null;
        return root == null ? null : new Repository(root, branch);
    }

    /** The main worktree's root: the repository a linked worktree belongs to; null outside git. */
    public static Path repoRoot(Path dir) {
        Repository r = repository(dir);
        return r == null ? null : r.root();
    }

    /**
     * The main worktree's root from the common git directory: its parent in the usual layout, else
     * (a separate git dir) the first entry git lists.
     */
    private static Path rootOf(Path dir, Path commonDir) {
        if (".git".equals(String.valueOf(commonDir.getFileName()))) {
            return commonDir.getParent();
        }
        Result r = run(dir, "worktree", "list", "--porcelain");
        return r.ok() && r.out().startsWith("worktree ") ? Path.of(r.line().substring("worktree ".length())) : null;
    }

    /**
     * A tree object of the worktree's files as they are now, untracked files included (ignored ones
     * are not). It is built in a copy of the worktree's index, so the real index is never touched and
     * only files whose stat changed are hashed again.
     */
    public static String workingTree(Path top, Path scratch) {
        return workingTree(top, Path.of(ok(top, "rev-parse", "--path-format=absolute", "--git-path", "index").trim()), scratch);
    }

    private static String workingTree(Path top, Path index, Path scratch) {
        Path tmp = null;
        try {
            Files.createDirectories(scratch);
            tmp = Files.createTempFile(scratch, "index-", ".tmp");
            if (Files.exists(index)) {
                Files.copy(index, tmp, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.delete(tmp);
            }
            Map<String, String> env = Map.of("GIT_INDEX_FILE", tmp.toString());
            ok(top, env, "add", "--all", "--", ":/");
            return ok(top, env, "write-tree").trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // A leftover scratch index is harmless.
                }
            }
        }
    }

    /** Where a directory's changes are measured from: its worktree root, HEAD (null before the first commit) and working tree. */
    public record State(Path top, Path repoRoot, String head, String tree) {
        /** HEAD, or the empty tree in a repository without commits. */
        public String headOrEmpty() {
            return head != null ? head : EMPTY_TREE;
        }
    }

    /** The state of the worktree containing dir, or null when dir is in none. */
    public static State state(Path dir, Path scratch) {
        // One rev-parse finds the worktree root, its index and the repository: a review runs this on every read.
        Result where = run(dir, "rev-parse", "--path-format=absolute", "--show-toplevel", "--git-path", "index",
                "--git-common-dir");
        String[] lines = where.out().split("\n");
        if (!where.ok() || lines.length < 3 || lines[0].isBlank()) {
            return null;
        }
        Path top = Path.of(lines[0].trim());
        return new State(top, rootOf(top, Path.of(lines[2].trim())), head(top),
                workingTree(top, Path.of(lines[1].trim()), scratch));
    }

    /** Streams the unified diff between two trees or commits, rename-aware, with fixed a/ b/ prefixes. */
    public static void diff(Path top, String from, String to, Consumer<String> sink) {
        lines(top, sink, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "-M", "--src-prefix=a/",
                "--dst-prefix=b/", from, to, "--");
    }

    /** Author and committer for the commits Flightdeck makes itself (snapshots). */
    public static Map<String, String> identity() {
        return Map.of("GIT_AUTHOR_NAME", "Flightdeck", "GIT_AUTHOR_EMAIL", "flightdeck@localhost",
                "GIT_COMMITTER_NAME", "Flightdeck", "GIT_COMMITTER_EMAIL", "flightdeck@localhost");
    }

    private static String message(Result r, String... args) {
        String err = r.err().strip();
        return "git " + (args.length > 0 ? args[0] : "") + " failed (exit " + r.exit() + ")"
                + (err.isEmpty() ? "" : ": " + err.lines().limit(5).reduce((a, b) -> a + "; " + b).orElse(""));
    }

    private static String exec(Path dir, Map<String, String> env, List<String> args, Consumer<String> sink, int[] exit) {
        List<String> cmd = new ArrayList<>(BASE);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
        pb.environment().put("LC_ALL", "C");
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new GitException("could not run git: " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    sink.accept(line);
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new GitException("git " + args.get(0) + " timed out");
            }
            exit[0] = p.exitValue();
            return err.join();
        } catch (IOException e) {
            throw new GitException("git " + args.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new GitException("interrupted");
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            byte[] b = in.readNBytes(64 * 1024);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
