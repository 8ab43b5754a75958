package dev.flightdeck.core.connector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Starts agents in process groups of their own and kills whole trees. {@code setsid} makes the
 * agent a group leader, so its pid is also its group id and one signal reaches everything it spawned,
 * even children that were re-parented.
 */
public final class ProcessTree {
    private static final Logger LOG = Logger.getLogger(ProcessTree.class.getName());

    private ProcessTree() {
    }

    /**
     * Starts a command with exactly {@code env} as its environment (see {@link ProcessEnv}): nothing
     * of the server's own environment is inherited.
     */
    public static Process start(List<String> command, Path cwd, Map<String, String> env,
                                ProcessBuilder.Redirect stderr) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("setsid");
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectError(stderr);
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    /** An agent's or shell command's environment: {@link ProcessEnv#agent} of the server's, plus {@code extra}. */
    public static Map<String, String> agentEnv(Map<String, String> extra) {
        Map<String, String> env = ProcessEnv.agent(System.getenv());
        env.putAll(extra);
        return env;
    }

    /** Kills the group led by {@code pid} and any descendant that left it. */
    public static void kill(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        List<ProcessHandle> descendants = handle.map(h -> h.descendants().toList()).orElse(List.of());
        signalGroup(pid, "-TERM");
        handle.ifPresent(h -> {
            try {
                h.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Still there after TERM: KILL below.
            }
        });
        signalGroup(pid, "-KILL");
        handle.ifPresent(ProcessHandle::destroyForcibly);
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static void signalGroup(long pgid, String signal) {
        try {
            ProcessBuilder pb = new ProcessBuilder("kill", signal, "--", "-" + pgid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().keySet().retainAll(java.util.Set.of("PATH"));
            Process p = pb.start();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warning("could not signal process group " + pgid + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a process left by an earlier run is still alive and looks like the agent we started. */
    public static boolean isAgent(long pid, String executableHint) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> h.info().commandLine().orElse(h.info().command().orElse("")))
                .map(cmd -> cmd.contains(executableHint)).orElse(false);
    }
}
