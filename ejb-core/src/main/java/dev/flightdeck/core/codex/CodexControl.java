package dev.flightdeck.core.codex;

import dev.flightdeck.core.config.DataDir;
import dev.flightdeck.core.connector.ProcessTree;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One long-lived {@code codex app-server} for what belongs to no session: the account, the login,
 * the user's config and plugins. A ChatGPT login is served by the app-server that started it (it runs
 * the browser callback), so a per-question process as in {@link CodexQuery} cannot hold one; and its
 * notifications (login completed, account updated) reach the listeners registered here.
 *
 * <p>Its environment is the one {@link CodexConnector} gives sessions ({@link ProcessTree#agentEnv}):
 * an allow-list, never the server's own, with the same CODEX_HOME, so a login here is the login the
 * sessions use. It is started on first use and again after it exits.
 */
@ApplicationScoped
public class CodexControl {
    private static final Logger LOG = Logger.getLogger(CodexControl.class.getName());
    /** The contract's wait for Codex queries. */
    public static final long TIMEOUT_SECONDS = CodexCapabilities.TIMEOUT_SECONDS;

    @Inject
    CodexConnector connector;

    @Inject
    DataDir dataDir;

    @Resource
    ManagedThreadFactory threads;

    /** The pseudo-notification listeners get when the app-server exits: what it held (a login) is gone. */
    public static final String EXITED = "flightdeck/exited";

    private final List<BiConsumer<String, JsonObject>> listeners = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private volatile Server server;

    /** A JSON-RPC error the app-server answered: its code, message and data, as it sent them. */
    public static final class Refused extends RuntimeException {
        private final transient JsonObject error;

        Refused(String method, JsonObject error) {
            super("codex refused " + method + ": " + error.getString("message", String.valueOf(error)));
            this.error = error;
        }

        public JsonObject error() {
            return error;
        }
    }

    /** Called with each notification's method and params, on the reader thread: keep it short. */
    public void listen(BiConsumer<String, JsonObject> listener) {
        listeners.add(listener);
    }

    /** What Codex warned about its configuration since the app-server started (configWarning). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The result of {@code method}; {@link Refused} for an error answer, 503/504 when Codex cannot answer. */
    public JsonObject call(String method, JsonObject params) {
        Server s = server();
        CompletableFuture<JsonObject> answer = s.call(method, params);
        try {
            JsonObject msg = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (msg.get("result") instanceof JsonObject result) {
                return result;
            }
            if (msg.get("error") instanceof JsonObject error) {
                throw new Refused(method, error);
            }
            return JsonValue.EMPTY_JSON_OBJECT;
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw ErrorCode.TIMEOUT.error("codex did not answer " + method + " within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ErrorCode.CODEX_UNAVAILABLE.error("interrupted");
        } catch (ExecutionException e) {
            throw ErrorCode.CODEX_UNAVAILABLE.error("codex exited before it answered " + method);
        }
    }

    private synchronized Server server() {
        Server s = server;
        if (s != null && s.process.isAlive()) {
            return s;
        }
        java.nio.file.Path exe = connector.resolve();
        if (exe == null) {
            throw ErrorCode.CODEX_UNAVAILABLE.error(connector.unavailableReason());
        }
        try {
            Files.createDirectories(dataDir.path());
            Map<String, String> env = ProcessTree.agentEnv(Map.of());
            codexHome(env);
            Process p = ProcessTree.start(List.of(exe.toString(), "app-server"), dataDir.path(), env,
                    dev.flightdeck.core.connector.Executables.stderrLog(dataDir.path(), "codex-control"));
            s = new Server(p);
        } catch (IOException e) {
            throw ErrorCode.CODEX_UNAVAILABLE.error("could not start codex: " + e.getMessage());
        }
        warnings.clear();
        Thread reader = threads.newThread(s::read);
        reader.setName("codex-control");
        reader.start();
        CompletableFuture<JsonObject> init = s.call("initialize", CodexProtocol.initialize(CodexConnector.PINNED_VERSION));
        try {
            init.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            s.write(CodexProtocol.notification("initialized"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.stop();
            throw ErrorCode.CODEX_UNAVAILABLE.error("interrupted");
        } catch (IOException | ExecutionException | TimeoutException e) {
            s.stop();
            throw ErrorCode.CODEX_UNAVAILABLE.error("codex app-server did not initialize");
        }
        server = s;
        return s;
    }

    /**
     * Codex refuses to start when CODEX_HOME names a directory that does not exist; a fresh install
     * whose CODEX_HOME points under the data directory has none until something is written there.
     */
    static void codexHome(Map<String, String> env) throws IOException {
        String home = env.get("CODEX_HOME");
        if (home != null && !home.isBlank() && java.nio.file.Path.of(home).isAbsolute()) {
            Files.createDirectories(java.nio.file.Path.of(home));
        }
    }

    @PreDestroy
    void stop() {
        Server s = server;
        if (s != null) {
            s.stop();
        }
    }

    private final class Server {
        final Process process;
        private final OutputStream stdin;
        private final AtomicLong ids = new AtomicLong();
        private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();

        Server(Process process) {
            this.process = process;
            this.stdin = process.getOutputStream();
        }

        CompletableFuture<JsonObject> call(String method, JsonObject params) {
            long id = ids.incrementAndGet();
            CompletableFuture<JsonObject> f = new CompletableFuture<>();
            pending.put(id, f);
            f.whenComplete((r, e) -> pending.remove(id));
            try {
                write(CodexProtocol.request(id, method, params));
            } catch (IOException e) {
                f.completeExceptionally(e);
            }
            return f;
        }

        synchronized void write(String line) throws IOException {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    JsonObject msg;
                    try (var r = Json.createReader(new StringReader(line))) {
                        msg = r.readObject();
                    } catch (JsonException | IllegalStateException e) {
                        continue; // not a protocol line
                    }
                    dispatch(msg);
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "codex control app-server output closed", e);
            } finally {
                stop();
                pending.values().forEach(f -> f.completeExceptionally(new IOException("codex exited")));
                notifyListeners(EXITED, JsonValue.EMPTY_JSON_OBJECT);
            }
        }

        private void dispatch(JsonObject msg) {
            String method = msg.getString("method", null);
            if (method == null) {
                if (msg.get("id") instanceof JsonNumber n) {
                    CompletableFuture<JsonObject> f = pending.get(n.longValue());
                    if (f != null) {
                        f.complete(msg);
                    }
                }
                return;
            }
            if (msg.containsKey("id")) {
                // A request of the server's own (an approval): nothing here starts work that asks one.
                try {
                    write(CodexProtocol.refusal(msg.get("id"), method + " is not served by Flightdeck"));
                } catch (IOException e) {
                    LOG.log(Level.FINE, "could not refuse " + method, e);
                }
                return;
            }
            JsonObject params = msg.get("params") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
            if ("configWarning".equals(method)) {
                warnings.add(params.getString("summary", ""));
            }
            notifyListeners(method, params);
        }

        private void notifyListeners(String method, JsonObject params) {
            for (BiConsumer<String, JsonObject> l : listeners) {
                try {
                    l.accept(method, params);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a listener failed on " + method, e);
                }
            }
        }

        void stop() {
            ProcessTree.kill(process.pid());
        }
    }
}
