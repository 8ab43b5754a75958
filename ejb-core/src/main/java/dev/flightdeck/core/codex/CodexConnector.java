package dev.flightdeck.core.codex;

import dev.flightdeck.core.config.DataDir;
import dev.flightdeck.core.connector.AgentConnector;
import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.AgentHandle;
import dev.flightdeck.core.connector.ApprovalDecision;
import dev.flightdeck.core.connector.EventPump;
import dev.flightdeck.core.connector.Executables;
import dev.flightdeck.core.connector.LaunchSpec;
import dev.flightdeck.core.connector.ProcessEnv;
import dev.flightdeck.core.connector.ProcessTree;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.mission.tools.MissionToolGrants;
import dev.flightdeck.core.mission.tools.ToolGrant;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Codex, driven through {@code codex app-server}: JSON-RPC 2.0 over stdio. One thread per process;
 * a session's turns are turn/start, turn/steer and turn/interrupt on it, and its approvals are the
 * server's requests, answered when a human decides.
 */
@ApplicationScoped
public class CodexConnector implements AgentConnector {
    private static final Logger LOG = Logger.getLogger(CodexConnector.class.getName());
    /** The version the build installs and the tests run against; its schema is in the test resources. */
    public static final String PINNED_VERSION = "0.169.0";
    static final long OPEN_TIMEOUT_SECONDS = 60;

    /** Where the build installs this CLI under its agents directory (FLIGHTDECK_AGENTS_DIR). */
    static final String BUNDLED = "node_modules/.bin/codex";

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_CODEX_BIN")
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
        return "codex";
    }

    @Override
    public Executables.Located locate() {
        return Executables.locate(executable, "codex", System.getenv().getOrDefault("PATH", ""), agentsDir, BUNDLED);
    }

    @Override
    public String pinnedVersion() {
        return PINNED_VERSION;
    }

    @Override
    public String unavailableReason() {
        Executables.Located at = locate();
        return at.found() ? null : at.source() == Executables.Source.CONFIGURED
                ? "Codex is not at FLIGHTDECK_CODEX_BIN (" + executable.orElse("") + ")"
                : "Codex is not installed: put codex on PATH ('npm install -g @openai/codex@" + PINNED_VERSION
                        + "'), build once with 'mvn -DskipTests package' to install the pinned one, "
                        + "or point FLIGHTDECK_CODEX_BIN at the codex executable";
    }

    public Path resolve() {
        return locate().path();
    }

    @Override
    public AgentHandle start(LaunchSpec spec, Consumer<List<AgentEvent>> events) throws IOException {
        Path exe = resolve();
        if (exe == null) {
            throw new IOException(unavailableReason());
        }
        // Asked at every launch, resumes included: each start of a run's agent gets the run's live token.
        ToolGrant grant = grants.isResolvable() ? grants.get().grantFor(spec.sessionId()).orElse(null) : null;
        Map<String, String> env = ProcessTree.agentEnv(Map.of());
        if (grant != null) {
            env = ProcessEnv.withMissionToken(env, grant.token());
        }
        Process process = ProcessTree.start(CodexProtocol.appServerCommand(exe.toString(), grant, spec.multiAgent()), spec.cwd(), env,
                Executables.stderrLog(dataDir.path(), spec.sessionId()));
        Handle h = new Handle(process);
        Thread reader = threads.newThread(() -> h.read(events));
        reader.setName("codex-" + spec.sessionId());
        reader.start();
        // Handshake, then open the thread; messages wait for the thread id (see Handle.threadId()).
        h.call("initialize", CodexProtocol.initialize(PINNED_VERSION)).thenRun(() -> {
            h.write(CodexProtocol.notification("initialized"));
            h.call(CodexProtocol.openMethod(spec), CodexProtocol.openParams(spec)).whenComplete((result, error) -> {
                if (error != null || !(result.get("thread") instanceof JsonObject thread)) {
                    LOG.warning("codex could not open its thread for session " + spec.sessionId() + ": " + error);
                    h.thread.completeExceptionally(error != null ? error : new IOException("no thread in " + result));
                    h.stop();
                    return;
                }
                // Runs on the reader thread (responses complete there), so it is in order with the events.
                EventPump.deliver(events, List.of(new AgentEvent.Bound(thread.getString("id"),
                        thread.getString("model", null), spec.cwd().toString())));
                h.thread.complete(thread.getString("id"));
            });
        });
        return h;
    }

    final class Handle implements AgentHandle, AgentHandle.ThreadShell {
        private final Process process;
        private final OutputStream stdin;
        private final AtomicLong ids = new AtomicLong();
        private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
        /** Server request ids as the server sent them (a number or a string), by their text. */
        private final Map<String, JsonValue> requests = new ConcurrentHashMap<>();
        final CompletableFuture<String> thread = new CompletableFuture<>();
        private volatile String activeTurn;
        private volatile String nextModel;
        private volatile String nextEffort;
        volatile boolean stopped;

        Handle(Process process) {
            this.process = process;
            this.stdin = process.getOutputStream();
        }

        synchronized void write(String line) {
            try {
                stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("the agent's input is closed", e);
            }
        }

        CompletableFuture<JsonObject> call(String method, JsonObject params) {
            long id = ids.incrementAndGet();
            CompletableFuture<JsonObject> f = new CompletableFuture<>();
            pending.put(id, f);
            write(CodexProtocol.request(id, method, params));
            return f;
        }

        /** The thread id, once the server opened the thread. */
        String threadId() {
            try {
                return thread.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the codex thread", e);
            } catch (Exception e) {
                // The process started but never got as far as a thread (it exited, or hung): it did not start.
                throw ErrorCode.CONNECTOR_START_FAILED.error("codex did not open its thread: " + e.getMessage());
            }
        }

        void read(Consumer<List<AgentEvent>> events) {
            CodexMapper mapper = new CodexMapper();
            EventPump.run(process.getInputStream(), msg -> {
                if (!msg.containsKey("method")) {
                    response(msg);
                    return List.of();
                }
                track(msg);
                return mapper.map(msg, System.currentTimeMillis());
            }, events);
            int code;
            try {
                code = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                code = -1;
            }
            boolean requested = stopped;
            stop();
            thread.completeExceptionally(new IOException("codex exited"));
            pending.values().forEach(f -> f.completeExceptionally(new IOException("codex exited")));
            EventPump.deliver(events, List.of(new AgentEvent.Exited(code, requested ? "stopped" : "exited")));
        }

        private void response(JsonObject msg) {
            if (!(msg.get("id") instanceof jakarta.json.JsonNumber n)) {
                return;
            }
            CompletableFuture<JsonObject> f = pending.remove(n.longValue());
            if (f == null) {
                return;
            }
            if (msg.get("result") instanceof JsonObject result) {
                f.complete(result);
            } else {
                f.completeExceptionally(new IOException(String.valueOf(msg.get("error"))));
            }
        }

        /** Remembers what later actions need: the running turn, and how to answer each server request. */
        private void track(JsonObject msg) {
            String method = msg.getString("method");
            JsonObject params = msg.get("params") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
            if (msg.containsKey("id")) {
                requests.put(String.valueOf(CodexMapper.idText(msg.get("id"))), msg.get("id"));
                if (!CodexMapper.REQUESTS.containsKey(method)) {
                    write(CodexProtocol.refusal(msg.get("id"), method + " is not served by Flightdeck"));
                }
            } else if ("turn/started".equals(method) && params.get("turn") instanceof JsonObject t) {
                activeTurn = t.getString("id", null);
            } else if ("turn/completed".equals(method)) {
                activeTurn = null;
            }
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
            String threadId = threadId();
            String turn = activeTurn;
            var input = CodexProtocol.input(content, images, refs);
            if (turn != null) {
                // A steer; if the turn ended meanwhile, the message starts the next one instead.
                call("turn/steer", CodexProtocol.turnSteer(threadId, turn, input, messageId)).exceptionally(e -> {
                    startTurn(threadId, input, messageId);
                    return null;
                });
            } else {
                startTurn(threadId, input, messageId);
            }
        }

        private void startTurn(String threadId, jakarta.json.JsonArray input, String messageId) {
            String model = nextModel;
            String effort = nextEffort;
            nextModel = null;
            nextEffort = null;
            call("turn/start", CodexProtocol.turnStart(threadId, input, messageId, model, effort)).thenAccept(r -> {
                if (r.get("turn") instanceof JsonObject t && t.get("id") instanceof JsonString id && activeTurn == null) {
                    activeTurn = id.getString();
                }
            });
        }

        @Override
        public void interrupt() {
            String turn = activeTurn;
            if (turn != null) {
                call("turn/interrupt", CodexProtocol.turnInterrupt(threadId(), turn));
            }
        }

        @Override
        public void compact(String messageId) {
            call("thread/compact/start", CodexProtocol.thread(threadId()));
        }

        @Override
        public void setEffort(String effort) {
            nextEffort = effort;
        }

        @Override
        public void decide(String requestId, String toolName, ApprovalDecision decision, JsonObject originalInput) {
            JsonValue id = requests.remove(requestId);
            if (id != null) {
                write(switch (String.valueOf(toolName)) {
                    case "permissions" -> CodexProtocol.permissions(id, decision, originalInput);
                    case "request_user_input" -> CodexProtocol.userInput(id, decision, originalInput);
                    default -> CodexProtocol.approval(id, decision);
                });
            }
        }

        @Override
        public void setModel(String model) {
            nextModel = model;
        }

        @Override
        public void setPermissionMode(String mode) {
            // Codex takes its approval policy per thread at open; a change applies from the next launch.
        }

        @Override
        public void shellCommand(String command) {
            call("thread/shellCommand", CodexProtocol.shellCommand(threadId(), command));
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
