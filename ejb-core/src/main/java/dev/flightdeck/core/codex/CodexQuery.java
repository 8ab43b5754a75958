package dev.flightdeck.core.codex;

import dev.flightdeck.core.connector.ProcessTree;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One question to a short-lived {@code codex app-server} (models, skills, MCP status): the answers
 * come from the installed Codex and its configuration, so they are never a stale copy of ours.
 */
final class CodexQuery {
    private CodexQuery() {
    }

    /** The result of {@code method}, or 504 timeout / 503 codex_unavailable. */
    static JsonObject ask(ThreadFactory threads, Path executable, Path cwd, String method, JsonObject params,
                          long timeoutSeconds, boolean experimental) {
        return ask(threads, executable, cwd, method, params, timeoutSeconds, experimental, null);
    }

    /**
     * How long an answered app-server is kept for work it goes on with after answering (an OAuth
     * sign-in's callback), and the notification that ends that work.
     */
    record Linger(String until, long seconds) {
    }

    /**
     * As {@link #ask(ThreadFactory, Path, Path, String, JsonObject, long, boolean)}; with a linger, the
     * app-server that answered stays up until the linger's notification or its time, then is killed.
     */
    static JsonObject ask(ThreadFactory threads, Path executable, Path cwd, String method, JsonObject params,
                          long timeoutSeconds, boolean experimental, Linger linger) {
        Process p;
        try {
            p = ProcessTree.start(List.of(executable.toString(), "app-server"), cwd, ProcessTree.agentEnv(Map.of()),
                    ProcessBuilder.Redirect.DISCARD);
        } catch (IOException e) {
            throw ErrorCode.CODEX_UNAVAILABLE.error("could not start codex: " + e.getMessage());
        }
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread reader = threads.newThread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    try (var r = Json.createReader(new StringReader(line))) {
                        JsonObject msg = r.readObject();
                        if (msg.get("id") instanceof jakarta.json.JsonNumber n && n.longValue() == 2) {
                            answer.complete(msg);
                            if (linger == null) {
                                return;
                            }
                        } else if (linger != null && linger.until().equals(msg.getString("method", ""))) {
                            done.complete(null);
                            return;
                        }
                    } catch (JsonException | IllegalStateException | ClassCastException e) {
                        // not a protocol line
                    }
                }
                answer.completeExceptionally(new IOException("codex exited"));
            } catch (IOException e) {
                answer.completeExceptionally(e);
            } finally {
                done.complete(null);
            }
        });
        reader.setName("codex-query");
        reader.start();
        OutputStream out = p.getOutputStream();
        boolean lingering = false;
        try {
            JsonObject init = CodexProtocol.initialize(CodexConnector.PINNED_VERSION);
            if (experimental) {
                init = Json.createObjectBuilder(init).add("capabilities", Json.createObjectBuilder()
                        .add("experimentalApi", true)).build();
            }
            String lines = CodexProtocol.request(1, "initialize", init)
                    + "\n" + CodexProtocol.notification("initialized") + "\n" + CodexProtocol.request(2, method, params) + "\n";
            out.write(lines.getBytes(StandardCharsets.UTF_8));
            out.flush();
            JsonObject msg = answer.get(timeoutSeconds, TimeUnit.SECONDS);
            if (!(msg.get("result") instanceof JsonObject result)) {
                throw ErrorCode.CODEX_ERROR.error("codex refused " + method + ": " + msg.get("error"));
            }
            if (linger != null) {
                // The process ends when its work does, or when the linger runs out; stdin stays open
                // until then, since the app-server exits when it closes.
                lingering = true;
                done.completeOnTimeout(null, linger.seconds(), TimeUnit.SECONDS).whenComplete((v, e) -> {
                    closeQuietly(out);
                    ProcessTree.kill(p.pid());
                });
            }
            return result;
        } catch (TimeoutException e) {
            throw ErrorCode.TIMEOUT.error("codex did not answer " + method + " within " + timeoutSeconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ErrorCode.CODEX_UNAVAILABLE.error("interrupted");
        } catch (IOException | ExecutionException e) {
            throw ErrorCode.CODEX_UNAVAILABLE.error("codex did not answer " + method);
        } finally {
            if (!lingering) {
                closeQuietly(out);
                ProcessTree.kill(p.pid());
            }
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // the process is going anyway
        }
    }
}
