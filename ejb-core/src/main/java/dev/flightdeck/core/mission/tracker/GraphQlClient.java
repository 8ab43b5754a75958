package dev.flightdeck.core.mission.tracker;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs a named document with variables against one tracker and turns every way it can fail into a
 * {@link TrackerException} with Symphony's categories. The document text comes from the resources and
 * never has a value pasted in; values travel only as variables.
 */
public final class GraphQlClient {
    /** Pages of one connection read before giving up: a runaway cursor must not loop forever. */
    public static final int MAX_PAGES = 40;

    private final TrackerKind kind;
    private final GraphQl transport;
    private final String authorization;
    private final String key;
    private final Clock clock;

    public GraphQlClient(TrackerKind kind, GraphQl transport, String key, Clock clock) {
        if (key == null || key.isBlank()) {
            throw new TrackerException("missing_tracker_secret", "no " + kind.wire() + " key is configured", false, null);
        }
        this.kind = kind;
        this.transport = transport;
        this.key = key;
        this.authorization = kind == TrackerKind.LINEAR ? key : "Bearer " + key;
        this.clock = clock;
    }

    /** The {@code data} object of a successful answer; any error in the answer fails the call. */
    public JsonObject data(String operation, JsonObject variables) {
        return run(operation, variables, false);
    }

    /**
     * Like {@link #data} but errors that only say an object was not found are let through (GitHub's
     * {@code nodes(ids:)} answers null and a NOT_FOUND error for each id it cannot see).
     */
    public JsonObject dataAllowingNotFound(String operation, JsonObject variables) {
        return run(operation, variables, true);
    }

    /** Every node of a paginated connection; {@code connection} picks it out of each page's data. */
    public List<JsonObject> pages(String operation, JsonObject variables, Function<JsonObject, JsonObject> connection) {
        List<JsonObject> nodes = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            var vars = Json.createObjectBuilder(variables);
            if (after == null) {
                vars.addNull("after");
            } else {
                vars.add("after", after);
            }
            JsonObject conn = connection.apply(data(operation, vars.build()));
            if (conn == null) {
                return nodes;
            }
            for (JsonValue n : arrayOf(conn, "nodes")) {
                if (n.getValueType() == JsonValue.ValueType.OBJECT) {
                    nodes.add(n.asJsonObject());
                }
            }
            JsonObject info = objectOf(conn, "pageInfo");
            if (info == null || !info.getBoolean("hasNextPage", false)) {
                return nodes;
            }
            String next = stringOf(info, "endCursor");
            if (next == null || next.equals(after)) {
                throw new TrackerException("tracker_pagination", operation + ": hasNextPage without a new endCursor", false, null);
            }
            after = next;
        }
        throw new TrackerException("tracker_pagination", operation + ": more than " + MAX_PAGES + " pages", false, null);
    }

    private JsonObject run(String operation, JsonObject variables, boolean allowNotFound) {
        JsonObject request = Json.createObjectBuilder()
                .add("query", Documents.load(kind, operation))
                .add("variables", variables)
                .add("operationName", operation)
                .build();
        GraphQl.Reply reply = transport.post(authorization, request);
        TrackerException failure = TrackerErrors.classify(kind, operation, reply, clock.millis(), allowNotFound);
        if (failure != null) {
            throw scrub(failure);
        }
        return reply.body().getJsonObject("data");
    }

    /** A tracker that echoes the key back in an error must not get it into our logs. */
    private TrackerException scrub(TrackerException e) {
        String m = e.getMessage();
        if (m == null || !m.contains(key)) {
            return e;
        }
        return new TrackerException(e.category(), m.replace(key, "***"), e.retryable(), e.retryAfterMs());
    }

    // Small readers over JSON-P that treat a missing or null member as null.

    public static JsonObject objectOf(JsonObject o, String name) {
        if (o == null) {
            return null;
        }
        JsonValue v = o.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    }

    public static JsonArray arrayOf(JsonObject o, String name) {
        if (o == null) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        JsonValue v = o.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.ARRAY ? v.asJsonArray() : JsonValue.EMPTY_JSON_ARRAY;
    }

    public static String stringOf(JsonObject o, String name) {
        if (o == null) {
            return null;
        }
        JsonValue v = o.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }

    /** Names of a {@code {nodes: [{name}]}} connection. */
    public static List<String> names(JsonObject connection) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : arrayOf(connection, "nodes")) {
            if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                String n = stringOf(v.asJsonObject(), "name");
                if (n != null) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    public static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
