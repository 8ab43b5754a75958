package dev.flightdeck.core.terminal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Starts a terminal's program on the slave side of a {@link Pty} and kills everything it started.
 *
 * <p>The JVM cannot fork, so util-linux {@code setsid --ctty} does the two things a terminal's child
 * needs between fork and exec: it makes a new session ({@code setsid()}), and takes its standard
 * input, the slave device {@link ProcessBuilder} opened for it, as its controlling terminal
 * ({@code TIOCSCTTY}). It then execs the shell in place, so the {@link Process}'s pid is the shell's
 * (what {@code echo $$} prints) and is the session id of everything the shell starts.
 */
public final class TerminalProcess {
    private static final Logger LOG = Logger.getLogger(TerminalProcess.class.getName());

    private TerminalProcess() {
    }

    /** Starts {@code shell} as a login shell with exactly {@code env}, in {@code cwd}. */
    public static Process start(String shell, Path cwd, Map<String, String> env, String slavePath) throws IOException {
        File slave = new File(slavePath);
        List<String> cmd = List.of("setsid", "--ctty", shell, "-l");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(slave))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(slave))
                .redirectError(ProcessBuilder.Redirect.appendTo(slave));
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    /**
     * Kills the terminal's whole tree: every process of its session (job-control shells put each
     * job in a process group of its own, so the shell's group alone is not enough) and every
     * descendant that moved to a session of its own. SIGKILL, because an interactive shell ignores
     * SIGTERM and the client asked for the terminal to be gone.
     */
    public static void kill(Process process) {
        long sid = process.pid();
        Set<ProcessHandle> targets = new HashSet<>(process.descendants().toList());
        targets.addAll(sessionMembers(sid));
        process.destroyForcibly();
        targets.forEach(ProcessHandle::destroyForcibly);
        // A job that forked while we looked: one more pass over what still claims the session.
        sessionMembers(sid).forEach(ProcessHandle::destroyForcibly);
    }

    /** Live processes whose session id is {@code sid}, from /proc. */
    static List<ProcessHandle> sessionMembers(long sid) {
        List<ProcessHandle> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    if (TerminalRules.sessionOf(Files.readString(p.resolve("stat"))) == sid) {
                        ProcessHandle.of(Long.parseLong(p.getFileName().toString())).ifPresent(out::add);
                    }
                } catch (IOException | RuntimeException e) {
                    // Gone between the listing and the read: nothing to kill.
                }
            });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not list /proc to find terminal session " + sid, e);
        }
        return out;
    }
}
