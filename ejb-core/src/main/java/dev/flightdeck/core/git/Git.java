package dev.flightdeck.core.git;

import dev.flightdeck.core.connector.ProcessEnv;
import dev.flightdeck.core.error.ApiException;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Runs the real git CLI. Every call turns off automatic gc and maintenance, so nothing Flightdeck does
 * starts repo-wide housekeeping while sibling worktrees are in use, and takes no optional locks, so
 * reading a worktree never contends with the agent's own git commands.
 *
 * <p>A repository's config is not trusted: an agent can write {@code .git/config}, and git runs as
 * the server. So git gets a built environment ({@link ProcessEnv#git}: no system or user config),
 * and every call turns off {@code core.fsmonitor}, hooks, the user's attributes file, the ext
 * transport, credential helpers and a configured ssh command; calls that may read or write the
 * worktree's files also void every filter driver the config defines, so no clean, smudge or
 * process filter runs.
 */
public final class Git {
    /** The tree of a repository with no commits yet. */
    public static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private static final long TIMEOUT_SECONDS = 120;
    private static final Logger LOG = Logger.getLogger(Git.class.getName());
    /** Nothing can be put in it: hooks looked up below it are never found. */
    private static final String NOWHERE = "/dev/null";
    private static final List<String> BASE = List.of("git", "-c", "gc.auto=0", "-c", "maintenance.auto=false",
            "-c", "core.quotePath=false", "-c", "color.ui=false",
            "-c", "core.fsmonitor=false", "-c", "core.hooksPath=" + NOWHERE, "-c", "core.attributesFile=" + NOWHERE,
            "-c", "protocol.ext.allow=never", "-c", "credential.helper=", "-c", "core.sshCommand=ssh");
    /**
     * Subcommands that never hash or write a worktree file, so no filter can run in them. Even
     * write-tree can (it re-hashes racily clean entries), so the list is short.
     */
    private static final Set<String> NO_FILTERS = Set.of("rev-parse", "config", "cat-file", "update-ref",
            "symbolic-ref", "branch", "commit-tree", "for-each-ref", "show-ref", "init", "push", "merge-base");
    private static final Map<String, String> ENV = ProcessEnv.git(System.getenv(), NOWHERE);
    private static final Map<Path, CachedFilters> FILTERS = new java.util.concurrent.ConcurrentHashMap<>();
    /** The container's threads for stderr and timeouts, set once at startup ({@link GitThreads}). */
    private static volatile ScheduledExecutorService threads;

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

    /**
     * A git command that failed: 502 {@code git_failed}, saying which command and its exit code. git's
     * own words (which name paths on this machine) go to the server log, never to a client.
     */
    public static final class GitException extends ApiException {
        public GitException(String message) {
            super(dev.flightdeck.core.error.ErrorCode.GIT_FAILED, message);
        }
    }

    /** Uses the container's threads; until then every git call fails. */
    public static void useThreads(ScheduledExecutorService executor) {
        threads = executor;
    }

    public static Result run(Path dir, String... args) {
        return run(dir, Map.of(), args);
    }

    public static Result run(Path dir, Map<String, String> env, String... args) {
        return run(dir, env, TIMEOUT_SECONDS, args);
    }

    static Result run(Path dir, Map<String, String> env, long timeoutSeconds, String... args) {
        return run(dir, env, null, timeoutSeconds, args);
    }

    /** {@code filters}: the filter overrides to use, or null to find them when the command needs them. */
    private static Result run(Path dir, Map<String, String> env, List<String> filters, long timeoutSeconds,
                              String... args) {
        StringBuilder out = new StringBuilder();
        int[] exit = new int[1];
        String err = exec(dir, env, List.of(args), filters, timeoutSeconds, line -> out.append(line).append('\n'), exit);
        return new Result(exit[0], out.toString(), err);
    }

    private static String okWith(Path dir, Map<String, String> env, List<String> filters, String... args) {
        Result r = run(dir, env, filters, TIMEOUT_SECONDS, args);
        if (!r.ok()) {
            throw new GitException(message(r, args));
        }
        return r.out();
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
        lines(dir, false, sink, args);
    }

    private static void lines(Path dir, boolean treesOnly, Consumer<String> sink, String... args) {
        int[] exit = new int[1];
        String err = exec(dir, Map.of(), List.of(args), treesOnly ? List.of() : null, TIMEOUT_SECONDS, sink, exit);
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
                // With its mtime: git re-hashes a file changed in the same second as the index was
                // written ("racily clean") only if the index looks as old as it is.
                Files.copy(index, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                Files.delete(tmp);
            }
            Map<String, String> env = Map.of("GIT_INDEX_FILE", tmp.toString());
            // Both hash files (write-tree re-hashes racily clean entries): one lookup of the filters serves both.
            List<String> filters = filterOverrides(top, index.getParent().toAbsolutePath().normalize());
            okWith(top, env, filters, "add", "--all", "--", ":/");
            return okWith(top, env, filters, "write-tree").trim();
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
        // Two trees or commits, never the worktree: no file is read, so no filter can run.
        lines(top, true, sink, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "-M", "--src-prefix=a/",
                "--dst-prefix=b/", "--end-of-options", from, to, "--");
    }

    /** Author and committer for the commits Flightdeck makes itself (snapshots). */
    public static Map<String, String> identity() {
        return Map.of("GIT_AUTHOR_NAME", "Flightdeck", "GIT_AUTHOR_EMAIL", "flightdeck@localhost",
                "GIT_COMMITTER_NAME", "Flightdeck", "GIT_COMMITTER_EMAIL", "flightdeck@localhost");
    }

    private static String message(Result r, String... args) {
        String err = r.err().strip();
        String what = "git " + (args.length > 0 ? args[0] : "") + " failed (exit " + r.exit() + ")";
        LOG.warning(what + (err.isEmpty() ? "" : ": " + err.lines().limit(5).reduce((a, b) -> a + "; " + b).orElse("")));
        return what;
    }

    /** Whether git may run a filter driver for this command (it hashes or writes worktree files). */
    static boolean mayFilter(List<String> args) {
        if (args.isEmpty() || NO_FILTERS.contains(args.get(0))) {
            return false;
        }
        return !("worktree".equals(args.get(0)) && args.size() > 1 && "list".equals(args.get(1)));
    }

    /**
     * {@code -c} options that empty every filter driver named in {@code names} (the output of
     * {@code git config --name-only --get-regexp ^filter\.}): an empty command is no filter, and
     * a driver that is not required may be absent.
     */
    static List<String> voidFilters(String names) {
        Set<String> drivers = new TreeSet<>();
        for (String key : names.split("[\n\0]")) {
            int last = key.lastIndexOf('.');
            if (key.startsWith("filter.") && last > "filter.".length()) {
                drivers.add(key.substring("filter.".length(), last));
            }
        }
        List<String> out = new ArrayList<>();
        for (String d : drivers) {
            for (String k : List.of("clean=", "smudge=", "process=", "required=false")) {
                out.add("-c");
                out.add("filter." + d + "." + k);
            }
        }
        return out;
    }

    /**
     * The filter overrides for a command in dir. Listing the drivers costs a git process, so the list
     * is kept per git directory while its config files stay the same file with the same ctime, mtime
     * and size (an edit in place changes the ctime, a rewrite by git the inode). A config that
     * includes other files is listed every time. {@code gitDir} null: not known, list every time.
     */
    private static List<String> filterOverrides(Path dir, Path gitDir) {
        List<Object> stamp = gitDir == null ? null : configStamp(gitDir);
        CachedFilters cached = stamp == null ? null : FILTERS.get(gitDir);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.overrides();
        }
        int[] exit = new int[1];
        StringBuilder names = new StringBuilder();
        exec(dir, Map.of(), List.of("config", "--null", "--name-only", "--get-regexp", "^(filter|include|includeif)\\."),
                List.of(), TIMEOUT_SECONDS, line -> names.append(line).append('\n'), exit);
        // Exit 1: none defined.
        List<String> overrides = exit[0] == 0 ? voidFilters(names.toString()) : List.of();
        boolean includes = java.util.Arrays.stream(names.toString().split("[\n\0]")).anyMatch(k -> k.startsWith("include"));
        if (stamp != null && !includes && (exit[0] == 0 || exit[0] == 1)) {
            if (FILTERS.size() >= 256) {
                FILTERS.clear();
            }
            FILTERS.put(gitDir, new CachedFilters(stamp, overrides));
        }
        return overrides;
    }

    private record CachedFilters(List<Object> stamp, List<String> overrides) {
    }

    /** The repository's config and the worktree's config.worktree as they are now; null when unreadable. */
    static List<Object> configStamp(Path gitDir) {
        try {
            Path common = gitDir;
            Path commonDir = gitDir.resolve("commondir");
            if (Files.isRegularFile(commonDir)) {
                common = gitDir.resolve(Files.readString(commonDir).trim()).normalize();
            }
            List<Object> stamp = new ArrayList<>();
            for (Path f : List.of(common.resolve("config"), gitDir.resolve("config.worktree"))) {
                if (!Files.exists(f)) {
                    stamp.add("absent");
                    continue;
                }
                Map<String, Object> a = Files.readAttributes(f, "unix:dev,ino,ctime,lastModifiedTime,size");
                stamp.add(List.of(a.get("dev"), a.get("ino"), a.get("ctime"), a.get("lastModifiedTime"), a.get("size")));
            }
            return stamp;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The git directory of a main worktree's root; null elsewhere (then nothing is cached). */
    private static Path gitDirOf(Path dir) {
        Path git = dir.resolve(".git");
        return Files.isDirectory(git, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? git.toAbsolutePath().normalize() : null;
    }

    private static String exec(Path dir, Map<String, String> env, List<String> args, List<String> filters,
                               long timeoutSeconds, Consumer<String> sink, int[] exit) {
        ScheduledExecutorService pool = threads;
        if (pool == null) {
            throw new IllegalStateException("git has no threads yet");
        }
        List<String> cmd = new ArrayList<>(BASE);
        if (filters != null) {
            cmd.addAll(filters);
        } else if (mayFilter(args)) {
            cmd.addAll(filterOverrides(dir, gitDirOf(dir)));
        }
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(ENV);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            LOG.warning("could not run git: " + e.getMessage());
            throw new GitException("could not run git");
        }
        String what = "git " + args.get(0);
        AtomicBoolean timedOut = new AtomicBoolean();
        // The timeout must fire while stdout is still being read: git may hang holding it open.
        ScheduledFuture<?> watchdog = pool.schedule(() -> {
            timedOut.set(true);
            killTree(p);
        }, timeoutSeconds, TimeUnit.SECONDS);
        try {
            p.getOutputStream().close();
            Future<String> err = pool.submit(() -> drain(p.getErrorStream()));
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    sink.accept(line);
                }
            }
            p.waitFor();
            if (timedOut.get()) {
                LOG.warning(what + " timed out after " + timeoutSeconds + " s in " + dir);
                throw new GitException(what + " timed out");
            }
            exit[0] = p.exitValue();
            return err.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            if (timedOut.get()) {
                throw new GitException(what + " timed out");
            }
            LOG.warning(what + ": " + e);
            throw new GitException(what + " failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException(what + " was interrupted");
        } finally {
            watchdog.cancel(false);
            if (p.isAlive()) {
                killTree(p);
            }
        }
    }

    /** git and whatever it started (ssh, a pager, a filter that got past us). */
    private static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
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
