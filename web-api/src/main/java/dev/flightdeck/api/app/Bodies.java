package dev.flightdeck.api.app;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Request bodies that must be JSON objects; anything else is the client's error, not ours. */
public final class Bodies {
    private Bodies() {
    }

    /** The body as an object; null stays null so each route can say what it requires. */
    public static JsonObject object(JsonValue body) {
        if (body == null) {
            return null;
        }
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.badRequest("invalid_request", "body: must be a JSON object");
        }
        return body.asJsonObject();
    }

    /** The body as an object, which the route requires. */
    public static JsonObject required(JsonValue body) {
        JsonObject o = object(body);
        if (o == null) {
            throw ApiException.badRequest("invalid_request", "body: a JSON object is required");
        }
        return o;
    }

    /** A required string field, refused as 400 invalid_argument when missing or blank. */
    public static String argument(JsonValue body, String field) {
        JsonObject o = required(body);
        if (!(o.get(field) instanceof jakarta.json.JsonString s) || s.getString().isBlank()) {
            throw ApiException.badRequest("invalid_argument", field + ": a non-empty string is required");
        }
        return s.getString();
    }

    /** num_turns and the like: an integer of at least 1, else 400 invalid_argument. */
    public static int count(JsonValue body, String field) {
        JsonObject o = required(body);
        if (!(o.get(field) instanceof jakarta.json.JsonNumber n) || !n.isIntegral() || n.longValue() < 1
                || n.longValue() > Integer.MAX_VALUE) {
            throw ApiException.badRequest("invalid_argument", field + ": must be an integer of at least 1");
        }
        return n.intValue();
    }
}
