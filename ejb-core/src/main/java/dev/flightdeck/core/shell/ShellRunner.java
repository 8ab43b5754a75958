package dev.flightdeck.core.shell;

import dev.flightdeck.core.connector.ProcessTree;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs shell commands in a session's project, each in a process group of its own, streaming output
 * as it comes. Cancel and timeout kill the whole tree; so does the end of the command, so nothing it
 * started outlives it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ShellRunner {
    private static final Logger LOG = Logger.getLogger(ShellRunner.class.getName());
    /** Output kept per stream; the rest is counted and dropped. */
    static final int KEEP_BYTES = 256 * 1024;
    static final long FLUSH_MS = 100;

    private final Map<String, Running> running = new ConcurrentHashMap<>();

    @Inject
    ShellService shells;

    @Resource
    ManagedThreadFactory threads;

    private static final class Running {
        final Process process;
        volatile boolean canceled;

        Running(Process process) {
            this.process = process;
        }
    }

    public ShellWire.Accepted exec(String sessionId, ShellRequest req) {
        String command = req.command();
        String requestId = req.requestId();
        int timeout = req.timeoutSecs();
        ShellService.Target target = shells.target(sessionId);
        Path cwd = cwd(target, req.cwd());
        String key = sessionId + "/" + requestId;
        if (running.containsKey(key)) {
            throw ErrorCode.SHELL_DUPLICATE_REQUEST_ID.error("request_id: " + requestId + " is running");
        }
        long startedAt = System.currentTimeMillis();
        shells.begin(sessionId, requestId, command, cwd.toString(), startedAt);
        Process p;
        try {
            p = ProcessTree.start(List.of("/bin/sh", "-c", command), cwd, ProcessTree.agentEnv(Map.of()),
                    ProcessBuilder.Redirect.PIPE);
        } catch (IOException e) {
            shells.finish(sessionId, requestId, command, cwd.toString(), startedAt, new OutputBuffer(0),
                    failure(e), 127, "failed", 0);
            return new ShellWire.Accepted(requestId, true);
        }
        try {
            p.getOutputStream().close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a command's input", e);
        }
        Running r = new Running(p);
        running.put(key, r);
        String id = requestId;
        long deadline = startedAt + timeout * 1000L;
        threads.newThread(() -> supervise(sessionId, id, command, cwd.toString(), startedAt, deadline, r)).start();
        return new ShellWire.Accepted(requestId, true);
    }

    public void cancel(String sessionId, String requestId) {
        Running r = requestId == null ? null : running.get(sessionId + "/" + requestId);
        if (r == null) {
            throw ErrorCode.SHELL_REQUEST_NOT_FOUND.error("no running shell command " + requestId
                    + " in session " + sessionId);
        }
        r.canceled = true;
        ProcessTree.kill(r.process.pid());
    }

    private void supervise(String sessionId, String requestId, String command, String cwd, long startedAt,
                           long deadline, Running r) {
        OutputBuffer out = new OutputBuffer(KEEP_BYTES);
        OutputBuffer err = new OutputBuffer(KEEP_BYTES);
        Thread outPump = pump(r.process.getInputStream(), out, requestId + "-out");
        Thread errPump = pump(r.process.getErrorStream(), err, requestId + "-err");
        boolean timedOut = false;
        try {
            while (!r.process.waitFor(FLUSH_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (System.currentTimeMillis() >= deadline && !r.canceled) {
                    timedOut = true;
                    ProcessTree.kill(r.process.pid());
                    break;
                }
                flush(sessionId, requestId, startedAt, out, err);
            }
            // What the command left running in its group goes with it; then the pipes close.
            ProcessTree.kill(r.process.pid());
            outPump.join(2000);
            errPump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTree.kill(r.process.pid());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "streaming shell output failed", e);
        }
        int code = r.process.isAlive() ? -1 : r.process.exitValue();
        try {
            shells.finish(sessionId, requestId, command, cwd, startedAt, out, err, code,
                    ShellRules.outcome(code, r.canceled, timedOut), System.currentTimeMillis() - startedAt);
        } finally {
            running.remove(sessionId + "/" + requestId);
        }
    }

    private void flush(String sessionId, String requestId, long startedAt, OutputBuffer out, OutputBuffer err) {
        String o = out.takeChunk();
        String e = err.takeChunk();
        if (!o.isEmpty() || !e.isEmpty()) {
            shells.output(sessionId, requestId, o, e, System.currentTimeMillis() - startedAt);
        }
    }

    private Thread pump(InputStream in, OutputBuffer into, String name) {
        Thread t = threads.newThread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    into.append(buf, 0, n);
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "shell output closed", e);
            }
        });
        t.setName("shell-" + name);
        t.start();
        return t;
    }

    /** The session's cwd by default; a given one must be a directory inside the project, symlinks resolved. */
    static Path cwd(ShellService.Target target, String requested) {
        try {
            Path root = Path.of(target.projectPath()).toRealPath();
            if (requested == null) {
                return Path.of(target.cwd()).toRealPath();
            }
            Path p = Path.of(requested);
            Path dir = (p.isAbsolute() ? p : root.resolve(p)).toRealPath();
            if (!Files.isDirectory(dir) || !ShellRules.inside(root, dir)) {
                throw ApiException.invalidField("cwd", "must be a directory inside the session's project " + root);
            }
            return dir;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw ApiException.invalidField("cwd", "must be an existing directory inside the session's project");
        }
    }

    private static OutputBuffer failure(IOException e) {
        OutputBuffer b = new OutputBuffer(4096);
        byte[] msg = ("could not start the shell: " + e.getMessage()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        b.append(msg, 0, msg.length);
        return b;
    }


    @PreDestroy
    void shutdown() {
        running.values().forEach(r -> {
            r.canceled = true;
            ProcessTree.kill(r.process.pid());
        });
    }
}
