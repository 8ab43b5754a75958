package dev.flightdeck.core.connector;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads an agent's JSON lines until its output closes, and delivers the events they map to in
 * batches: a batch ends when nothing more is waiting in the pipe, so a slow agent's events go one
 * by one (no added latency) and a fast one's together (one transaction for many rows).
 */
public final class EventPump {
    private static final Logger LOG = Logger.getLogger(EventPump.class.getName());
    /** Events applied in one transaction at most; bounds a WebSocket frame and a rollback. */
    public static final int MAX_BATCH = 100;

    private EventPump() {
    }

    public static void run(InputStream stdout, Function<JsonObject, List<AgentEvent>> map,
                           Consumer<List<AgentEvent>> events) {
        List<AgentEvent> batch = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!batch.isEmpty() && (batch.size() >= MAX_BATCH || !in.ready())) {
                    deliver(events, batch);
                    batch = new ArrayList<>();
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonObject json;
                try (var reader = Json.createReader(new StringReader(line))) {
                    json = reader.readObject();
                } catch (JsonException | IllegalStateException e) {
                    LOG.fine("an agent printed a non-JSON line");
                    continue;
                }
                batch.addAll(map.apply(json));
                if (!batch.isEmpty() && !in.ready()) {
                    deliver(events, batch);
                    batch = new ArrayList<>();
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "agent output closed", e);
        }
        if (!batch.isEmpty()) {
            deliver(events, batch);
        }
    }

    /** A failure to apply events must not stop the reader, or the agent would block on a full pipe. */
    public static void deliver(Consumer<List<AgentEvent>> events, List<AgentEvent> batch) {
        try {
            events.accept(batch);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "could not apply " + batch.size() + " agent event(s)", ex);
        }
    }
}
