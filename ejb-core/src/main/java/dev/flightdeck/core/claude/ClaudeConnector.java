package dev.flightdeck.core.claude;

import dev.flightdeck.core.config.DataDir;
import dev.flightdeck.core.connector.AgentConnector;
import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.AgentHandle;
import dev.flightdeck.core.connector.ApprovalDecision;
import dev.flightdeck.core.connector.EventPump;
import dev.flightdeck.core.connector.Executables;
import dev.flightdeck.core.connector.LaunchSpec;
import dev.flightdeck.core.connector.ProcessTree;
import dev.flightdeck.core.mission.tools.MissionToolGrants;
import dev.flightdeck.core.mission.tools.ToolGrant;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Claude Code, driven headless: stream-json on stdin and stdout, permissions over the stdio control protocol. */
@ApplicationScoped
public class ClaudeConnector implements AgentConnector {
    private static final Logger LOG = Logger.getLogger(ClaudeConnector.class.getName());
    /** The version the build installs and the tests run against. */
    public static final String PINNED_VERSION = "2.1.330";

    /** Where the build installs this CLI under its agents directory (FLIGHTDECK_AGENTS_DIR). */
    static final String BUNDLED = "node_modules/@anthropic-ai/claude-code/bin/claude.exe";

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_CLAUDE_BIN")
    java.util.Optional<String> executable;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_AGENTS_DIR")
    java.util.Optional<String> agentsDir;

    @Inject
    DataDir dataDir;

    @Resource
    ManagedThreadFactory threads;

    /** Mission runs' tool grants; unresolvable in a build without missions, where no session has one. */
    @Inject
    Instance<MissionToolGrants> grants;

    @Override
    public String provider() {
        return "claude";
    }

    @Override
    public Executables.Located locate() {
        return Executables.locate(executable, "claude", System.getenv().getOrDefault("PATH", ""), agentsDir, BUNDLED);
    }

    @Override
    public String pinnedVersion() {
        return PINNED_VERSION;
    }

    @Override
    public String unavailableReason() {
        Executables.Located at = locate();
        return at.found() ? null : at.source() == Executables.Source.CONFIGURED
                ? "Claude Code is not at FLIGHTDECK_CLAUDE_BIN (" + executable.orElse("") + ")"
                : "Claude Code is not installed: put claude on PATH ('npm install -g @anthropic-ai/claude-code@"
                        + PINNED_VERSION + "'), build once with 'mvn -DskipTests package' to install the pinned one, "
                        + "or point FLIGHTDECK_CLAUDE_BIN at the claude executable";
    }

    /** The executable: FLIGHTDECK_CLAUDE_BIN, else claude on PATH, else the build's; null when absent. */
    Path resolve() {
        return locate().path();
    }

    @Override
    public AgentHandle start(LaunchSpec spec, Consumer<List<AgentEvent>> events) throws IOException {
        Path exe = resolve();
        if (exe == null) {
            throw new IOException(unavailableReason());
        }
        ProcessBuilder.Redirect stderr = Executables.stderrLog(dataDir.path(), spec.sessionId());
        // Asked at every launch, resumes included: each start of a run's agent gets the run's live token.
        java.util.Optional<ToolGrant> grant = grants.isResolvable() ? grants.get().grantFor(spec.sessionId())
                : java.util.Optional.empty();
        Path instructions = null;
        Path mcpConfig = null;
        Process process;
        try {
            instructions = ClaudeProtocol.hasInstructions(spec) ? instructionsFile(spec) : null;
            mcpConfig = grant.isPresent() ? missionMcpFile(grant.get()) : null;
            process = ProcessTree.start(ClaudeProtocol.command(exe.toString(), spec, instructions, mcpConfig), spec.cwd(),
                    ClaudeProtocol.env(ProcessTree.agentEnv(Map.of()), grant.isPresent()), stderr);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(instructions);
            deleteQuietly(mcpConfig);
            throw e;
        }
        Handle handle = new Handle(process);
        String initializeId = handle.nextRequestId();
        handle.write(ClaudeProtocol.initialize(initializeId));
        Path instructionsToDelete = instructions;
        Path mcpConfigToDelete = mcpConfig;
        boolean mission = grant.isPresent();
        Thread reader = threads.newThread(() -> {
            try {
                read(process, handle, initializeId, events, mission);
            } finally {
                deleteQuietly(instructionsToDelete);
                deleteQuietly(mcpConfigToDelete);
            }
        });
        reader.setName("claude-" + spec.sessionId());
        reader.start();
        return handle;
    }

    /**
     * The developer instructions in a file of their own (owner-only, in the data directory's scratch),
     * kept while the agent runs.
     */
    private Path instructionsFile(LaunchSpec spec) throws IOException {
        Path scratch = dataDir.scratch();
        Files.createDirectories(scratch);
        Path file = Files.createTempFile(scratch, "claude-instructions-", ".md",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, spec.developerInstructions(), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The run's MCP config, with its token, in an owner-only file under the data directory (never the
     * worktree, where the agent and git would see it), kept while the agent runs.
     */
    private Path missionMcpFile(ToolGrant grant) throws IOException {
        Path dir = dataDir.path().resolve("mission-mcp");
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = Files.createTempFile(dir, "claude-mcp-", ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, ClaudeProtocol.missionMcpConfig(grant), StandardCharsets.UTF_8);
        return file;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.FINE, "could not delete " + file, e);
            }
        }
    }

    private static void read(Process process, Handle handle, String initializeId, Consumer<List<AgentEvent>> events,
                             boolean mission) {
        ClaudeMapper mapper = new ClaudeMapper();
        EventPump.run(process.getInputStream(), json -> {
            mapper.initialized(json, initializeId);
            if (handle.answer(json)) {
                return List.of();
            }
            java.util.Optional<String> allow = mission ? ClaudeProtocol.missionToolApproval(json) : java.util.Optional.empty();
            if (allow.isPresent()) {
                // A mission tool reaches only the run's own issue: it needs no human.
                handle.write(allow.get());
                return List.of();
            }
            return mapper.map(json, System.currentTimeMillis());
        }, events);
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        boolean requested = handle.stopped;
        handle.stop();
        handle.failPending();
        EventPump.deliver(events, List.of(new AgentEvent.Exited(code, requested ? "stopped" : "exited")));
    }

    static final class Handle implements AgentHandle, AgentHandle.Tasks, AgentHandle.Control {
        private final Process process;
        /** Control requests awaiting their control_response, by request id. */
        private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<JsonObject>>
                pending = new java.util.concurrent.ConcurrentHashMap<>();
        private final OutputStream stdin;
        private final AtomicLong requests = new AtomicLong();
        volatile boolean stopped;

        Handle(Process process) {
            this.process = process;
            this.stdin = process.getOutputStream();
        }

        String nextRequestId() {
            return "fd_" + requests.incrementAndGet();
        }

        synchronized void write(String line) {
            try {
                stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("the agent's input is closed", e);
            }
        }

        @Override
        public java.util.concurrent.CompletableFuture<JsonObject> control(JsonObject request) {
            String id = nextRequestId();
            java.util.concurrent.CompletableFuture<JsonObject> answer = new java.util.concurrent.CompletableFuture<>();
            pending.put(id, answer);
            // A caller that gives up stops waiting; the entry must not outlive it.
            answer.whenComplete((r, e) -> pending.remove(id));
            try {
                write(ClaudeProtocol.control(id, request));
            } catch (UncheckedIOException e) {
                answer.completeExceptionally(e);
            }
            return answer;
        }

        /** Completes the request a control_response answers; false for every other line. */
        boolean answer(JsonObject line) {
            if (!"control_response".equals(line.getString("type", ""))
                    || !(line.get("response") instanceof JsonObject r)
                    || !(r.get("request_id") instanceof jakarta.json.JsonString id)) {
                return false;
            }
            java.util.concurrent.CompletableFuture<JsonObject> waiting = pending.get(id.getString());
            if (waiting == null) {
                return false;
            }
            if ("success".equals(r.getString("subtype", ""))) {
                waiting.complete(r.get("response") instanceof JsonObject o ? o : JsonObject.EMPTY_JSON_OBJECT);
            } else {
                waiting.completeExceptionally(new IllegalStateException(r.getString("error", "the agent refused")));
            }
            return true;
        }

        void failPending() {
            pending.values().forEach(f -> f.completeExceptionally(
                    new UncheckedIOException(new IOException("the agent exited before it answered"))));
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public void sendMessage(String content, List<ImageInput> images, References refs, String messageId) {
            write(ClaudeProtocol.userMessage(ClaudeProtocol.text(content, refs), images, messageId));
        }

        @Override
        public void compact(String messageId) {
            write(ClaudeProtocol.compact(messageId));
        }

        @Override
        public void stopTask(String taskId) {
            write(ClaudeProtocol.stopTask(nextRequestId(), taskId));
        }

        @Override
        public void rewindFiles(String messageId) {
            write(ClaudeProtocol.rewindFiles(nextRequestId(), messageId));
        }

        @Override
        public void setEffort(String effort) {
            write(ClaudeProtocol.setEffort(nextRequestId(), effort));
        }

        @Override
        public void interrupt() {
            write(ClaudeProtocol.interrupt(nextRequestId()));
        }

        @Override
        public void decide(String requestId, String toolName, ApprovalDecision decision, JsonObject originalInput) {
            write(ClaudeProtocol.permission(requestId, toolName, decision, originalInput));
        }

        @Override
        public void setModel(String model) {
            write(ClaudeProtocol.setModel(nextRequestId(), model));
        }

        @Override
        public void setPermissionMode(String mode) {
            write(ClaudeProtocol.setPermissionMode(nextRequestId(), mode));
        }

        @Override
        public void stop() {
            if (!stopped) {
                stopped = true;
                ProcessTree.kill(process.pid());
            }
        }
    }
}
