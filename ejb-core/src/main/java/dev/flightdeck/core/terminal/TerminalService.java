package dev.flightdeck.core.terminal;

import dev.flightdeck.core.connector.ProcessTree;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Revisioned;
import dev.flightdeck.core.json.Json;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.shell.ShellRules;
import dev.flightdeck.core.shell.ShellService;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Interactive terminals: one pseudo-terminal and one shell each, owned by the WebSocket connection
 * that created it. A reader thread per terminal forwards the program's output as binary frames,
 * within the output rate, and ends the terminal when the program is gone or it has been idle too
 * long. The terminal goes, with every process it started, when the client destroys it, when its
 * connection closes, and when its session ends.
 *
 * <p>No transaction: the only database work is a read of the session, in its own bean call.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TerminalService {
    private static final Logger LOG = Logger.getLogger(TerminalService.class.getName());
    static final int READ_CHUNK = 16 * 1024;
    /** How often a reader with nothing to read looks at its idle clock and its connection. */
    static final int POLL_MS = 250;
    static final long BACKLOG_PAUSE_MS = 20;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_TERMINAL_MAX_PER_SESSION", defaultValue = "4")
    int maxPerSession;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_TERMINAL_OUTPUT_BYTES_PER_SECOND", defaultValue = "1048576")
    long outputBytesPerSecond;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_TERMINAL_IDLE_TIMEOUT_SECONDS", defaultValue = "1800")
    long idleTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_TERMINAL_SHELL", defaultValue = "/bin/bash")
    String defaultShell;

    @Inject
    ShellService shells;

    @Inject
    SessionService sessions;

    @Resource
    ManagedThreadFactory threads;

    /** By connection id, then the client's terminal id. */
    private final Map<String, Map<String, Terminal>> byConnection = new ConcurrentHashMap<>();

    TerminalRules.Limits limits() {
        return new TerminalRules.Limits(maxPerSession, outputBytesPerSecond, idleTimeoutSeconds * 1000);
    }

    /** Starts a terminal and answers {@code terminal_created}; output follows as binary frames. */
    public void create(TerminalSink sink, TerminalRequest.Create req) {
        TerminalRules.Limits limits = limits();
        Path cwd;
        if (req.sessionId() != null) {
            cwd = sessionCwd(shells.target(req.sessionId()), req.cwd());
        } else {
            cwd = plainCwd(req.cwd());
        }
        String shell = TerminalRules.shell(req.shell(), defaultShell, loginShells());
        String owner = TerminalRules.owner(req.sessionId(), sink.connectionId());
        Map<String, Terminal> mine = byConnection.computeIfAbsent(sink.connectionId(), k -> new ConcurrentHashMap<>());
        Terminal t;
        // One lock for the count and the insert, so two creates racing cannot both pass the limit.
        synchronized (this) {
            if (mine.containsKey(req.terminalId())) {
                throw TerminalErrors.createFailed("Terminal " + req.terminalId() + " already exists");
            }
            long open = byConnection.values().stream().flatMap(m -> m.values().stream())
                    .filter(x -> x.owner.equals(owner)).count();
            TerminalRules.admit((int) open, limits, req.sessionId());
            t = new Terminal(req.terminalId(), req.sessionId(), owner, sink);
            mine.put(req.terminalId(), t);
        }
        try {
            t.pty = Pty.open(req.cols(), req.rows());
            Map<String, String> env = ProcessTree.agentEnv(Map.of("TERM", "xterm-256color"));
            t.process = TerminalProcess.start(shell, cwd, env, t.pty.slavePath());
        } catch (IOException | RuntimeException e) {
            mine.remove(req.terminalId());
            if (t.pty != null) {
                t.pty.close();
            }
            LOG.log(Level.WARNING, "could not start terminal " + req.terminalId(), e);
            throw TerminalErrors.createFailed("Terminal " + req.terminalId() + " could not start " + shell + ": "
                    + e.getMessage());
        }
        sink.sendText(Json.write(new TerminalWire.Created(req.terminalId(), req.sessionId())));
        Thread reader = threads.newThread(() -> read(t, limits));
        reader.setName("terminal-" + t.process.pid());
        reader.start();
    }

    public void input(String connectionId, String terminalId, byte[] data) {
        Terminal t = find(connectionId, terminalId);
        t.touch();
        try {
            t.pty.write(data);
        } catch (Pty.InputBlocked e) {
            throw TerminalErrors.inputBlocked("Terminal " + terminalId + ": " + e.getMessage());
        } catch (IOException e) {
            throw TerminalErrors.notFound(terminalId);
        }
    }

    public void resize(String connectionId, TerminalRequest.Resize req) {
        Terminal t = find(connectionId, req.terminalId());
        try {
            t.pty.resize(req.cols(), req.rows());
        } catch (IOException e) {
            throw TerminalErrors.notFound(req.terminalId());
        }
    }

    /** Kills the terminal's tree; its reader then sends {@code terminal_exited}. */
    public void destroy(String connectionId, String terminalId) {
        Terminal t = find(connectionId, terminalId);
        // Out of the map at once, so the id is free again and further input is "not found".
        byConnection.get(connectionId).remove(terminalId, t);
        t.end(null);
    }

    /** The connection is gone: so is every terminal it made. */
    public void connectionClosed(String connectionId) {
        Map<String, Terminal> mine = byConnection.remove(connectionId);
        if (mine != null) {
            mine.values().forEach(t -> t.end(null));
        }
    }

    /** Ending a session ends its terminals; run off the committing thread, which need not wait. */
    public void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revisioned event) {
        if (!EventType.SESSION_ENDED.wire().equals(event.eventType()) || event.sessionId() == null) {
            return;
        }
        String owner = TerminalRules.owner(event.sessionId(), null);
        List<Terminal> ending = byConnection.values().stream().flatMap(m -> m.values().stream())
                .filter(t -> t.owner.equals(owner)).toList();
        if (!ending.isEmpty()) {
            threads.newThread(() -> ending.forEach(t -> t.end("session " + event.sessionId() + " ended"))).start();
        }
    }

    /**
     * {@code subscribe_tool_pty}: neither CLI gives Flightdeck a PTY of the commands its agent runs
     * (Claude Code runs its Bash tool inside its own process and reports only the result; Codex's
     * app-server streams a command's output as text deltas, which reach the conversation), so there
     * is never a stream to attach to. The answer says so instead of pretending to subscribe.
     */
    public ApiException toolPtyUnavailable(String sessionId, String toolId) {
        SessionEntity s = sessions.find(sessionId);
        return TerminalErrors.toolPtyNotFound("Tool PTY session '" + toolId + "' not found: tool PTY streams are not "
                + "available for provider " + s.provider + ", whose CLI runs its tool commands without a PTY that "
                + "Flightdeck can attach to");
    }

    /** Live terminals; for the health of tests and operators. */
    public int open() {
        return byConnection.values().stream().mapToInt(Map::size).sum();
    }

    private Terminal find(String connectionId, String terminalId) {
        Map<String, Terminal> mine = byConnection.get(connectionId);
        Terminal t = mine == null ? null : mine.get(terminalId);
        if (t == null || t.process == null) {
            throw TerminalErrors.notFound(terminalId);
        }
        return t;
    }

    private void read(Terminal t, TerminalRules.Limits limits) {
        byte[] buf = new byte[READ_CHUNK];
        OutputThrottle throttle = new OutputThrottle(limits.outputBytesPerSecond(), System.currentTimeMillis());
        boolean throttledOnce = false;
        String reason = null;
        try {
            while (true) {
                if (t.sink.backlogged()) {
                    // The client reads slower than the program writes: wait, so the PTY pushes back.
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(BACKLOG_PAUSE_MS));
                    continue;
                }
                int n = t.pty.read(buf, POLL_MS);
                long now = System.currentTimeMillis();
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    if (TerminalRules.idle(now, t.lastActivity, limits.idleTimeoutMs())) {
                        reason = "idle for " + limits.idleTimeoutMs() / 1000
                                + " s (FLIGHTDECK_TERMINAL_IDLE_TIMEOUT_SECONDS)";
                        t.end(reason);
                    }
                    continue;
                }
                t.touch();
                t.sink.sendBinary(TerminalFrames.output(t.id, buf, 0, n));
                long pause = throttle.pauseAfter(n, now);
                if (pause > 0) {
                    if (!throttledOnce) {
                        throttledOnce = true;
                        t.sink.sendText(Json.write(new TerminalWire.Error("terminal_output_throttled",
                                "Terminal " + t.id + " writes more than " + limits.outputBytesPerSecond()
                                        + " bytes/s (FLIGHTDECK_TERMINAL_OUTPUT_BYTES_PER_SECOND); its output is slowed "
                                        + "to that rate, nothing is dropped", t.sessionId)));
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "terminal " + t.id + " output failed", e);
        } finally {
            finish(t);
        }
    }

    /** After the last read: reap, tell the client, let go of the descriptor and the slot. */
    private void finish(Terminal t) {
        TerminalProcess.kill(t.process);
        Integer code = null;
        try {
            if (t.process.waitFor(5, TimeUnit.SECONDS)) {
                code = t.process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        t.pty.close();
        Map<String, Terminal> mine = byConnection.get(t.sink.connectionId());
        if (mine != null) {
            mine.remove(t.id, t);
        }
        String why = t.endReason;
        if (why != null) {
            t.sink.sendText(Json.write(new TerminalWire.Error("terminal_closed", "Terminal " + t.id + " was closed: " + why,
                    t.sessionId)));
        }
        t.sink.sendBinary(TerminalFrames.exited(t.id, code));
        t.sink.sendText(Json.write(new TerminalWire.Exited(t.id, code)));
    }

    /** The session's working directory, or a directory inside its project the client names. */
    static Path sessionCwd(ShellService.Target target, String requested) {
        try {
            Path root = Path.of(target.projectPath()).toRealPath();
            if (requested == null || requested.isBlank()) {
                return Path.of(target.cwd()).toRealPath();
            }
            Path p = Path.of(requested);
            Path dir = (p.isAbsolute() ? p : root.resolve(p)).toRealPath();
            if (!Files.isDirectory(dir) || !ShellRules.inside(root, dir)) {
                throw ApiException.invalidField("cwd", "must be a directory inside the session's project " + root);
            }
            return dir;
        } catch (IOException | InvalidPathException e) {
            throw ApiException.invalidField("cwd", "must be an existing directory inside the session's project");
        }
    }

    static Path plainCwd(String requested) {
        if (requested == null || requested.isBlank()) {
            throw ApiException.invalidField("cwd", "is required for a terminal without a session_id");
        }
        try {
            Path dir = Path.of(requested);
            if (!dir.isAbsolute() || !Files.isDirectory(dir)) {
                throw ApiException.invalidField("cwd", "must be an existing absolute directory");
            }
            return dir.toRealPath();
        } catch (IOException | InvalidPathException e) {
            throw ApiException.invalidField("cwd", "must be an existing absolute directory");
        }
    }

    private static Set<String> loginShells() {
        try {
            return TerminalRules.loginShells(Files.readAllLines(Path.of("/etc/shells")));
        } catch (IOException e) {
            return Set.of();
        }
    }

    @PreDestroy
    void shutdown() {
        byConnection.values().forEach(m -> m.values().forEach(t -> t.end("the server is stopping")));
    }

    private static final class Terminal {
        final String id;
        final String sessionId;
        final String owner;
        final TerminalSink sink;
        volatile Pty pty;
        volatile Process process;
        volatile long lastActivity = System.currentTimeMillis();
        volatile String endReason;
        private boolean ending;

        Terminal(String id, String sessionId, String owner, TerminalSink sink) {
            this.id = id;
            this.sessionId = sessionId;
            this.owner = owner;
            this.sink = sink;
        }

        void touch() {
            lastActivity = System.currentTimeMillis();
        }

        /** Kills the tree once; the reader sees the slave close and finishes. */
        void end(String reason) {
            synchronized (this) {
                if (ending || process == null) {
                    return;
                }
                ending = true;
                endReason = reason;
            }
            TerminalProcess.kill(process);
        }
    }
}
