package dev.flightdeck.core.claude;

import dev.flightdeck.core.config.DataDir;
import dev.flightdeck.core.connector.ProcessTree;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The models the installed Claude Code offers (contract §1.12). Claude Code has no model-listing
 * command; its stream protocol's {@code initialize} control request answers with the model picker's
 * entries ({@code value, displayName, description}, …), computed by the CLI from its version, its
 * settings and the account. So a short-lived {@code claude -p} is asked exactly that, and killed; it
 * sends no user message, so no model service is called.
 */
@ApplicationScoped
public class ClaudeModels {
    static final long TIMEOUT_SECONDS = 30;
    static final String REQUEST_ID = "flightdeck-models";

    @Inject
    ClaudeConnector connector;

    @Inject
    DataDir dataDir;

    @Resource
    ManagedThreadFactory threads;

    public record Model(String value, String displayName, String description) {
    }

    public record Models(List<Model> models) {
    }

    public Models models() {
        Path exe = connector.resolve();
        if (exe == null) {
            throw ErrorCode.CONNECTOR_UNAVAILABLE.error(connector.unavailableReason());
        }
        Process p;
        try {
            Files.createDirectories(dataDir.path());
            p = ProcessTree.start(List.of(exe.toString(), "-p", "--output-format=stream-json", "--verbose",
                    "--input-format=stream-json"), dataDir.path(), ProcessTree.agentEnv(Map.of()),
                    ProcessBuilder.Redirect.DISCARD);
        } catch (IOException e) {
            throw ErrorCode.CONNECTOR_UNAVAILABLE.error("could not start claude: " + e.getMessage());
        }
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        Thread reader = threads.newThread(() -> read(p, answer));
        reader.setName("claude-models");
        reader.start();
        try (OutputStream out = p.getOutputStream()) {
            out.write((ClaudeProtocol.initialize(REQUEST_ID) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return models(answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            throw ErrorCode.TIMEOUT.error("claude did not answer initialize within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ErrorCode.CONNECTOR_UNAVAILABLE.error("interrupted");
        } catch (IOException | ExecutionException e) {
            throw ErrorCode.CONNECTOR_UNAVAILABLE.error("claude exited before it answered initialize");
        } finally {
            ProcessTree.kill(p.pid());
        }
    }

    private static void read(Process p, CompletableFuture<JsonObject> answer) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                try (var r = Json.createReader(new StringReader(line))) {
                    JsonObject msg = r.readObject();
                    if (msg.get("response") instanceof JsonObject resp && REQUEST_ID.equals(resp.getString("request_id", null))) {
                        answer.complete(resp);
                        return;
                    }
                } catch (JsonException | IllegalStateException e) {
                    // not a protocol line
                }
            }
            answer.completeExceptionally(new IOException("claude exited"));
        } catch (IOException e) {
            answer.completeExceptionally(e);
        }
    }

    /** From the control response: its {@code models[]}, or the CLI's error. */
    static Models models(JsonObject controlResponse) {
        if (!"success".equals(controlResponse.getString("subtype", null))) {
            throw ErrorCode.CONNECTOR_UNAVAILABLE.error("claude refused initialize: "
                    + controlResponse.getString("error", "no reason given"));
        }
        JsonObject body = controlResponse.get("response") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        List<Model> out = new ArrayList<>();
        if (body.get("models") instanceof JsonArray models) {
            for (JsonValue v : models) {
                if (v instanceof JsonObject m && m.get("value") instanceof JsonString value) {
                    out.add(new Model(value.getString(), m.getString("displayName", value.getString()),
                            m.getString("description", "")));
                }
            }
        }
        return new Models(out);
    }
}
