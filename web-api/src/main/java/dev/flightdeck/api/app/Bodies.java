package dev.flightdeck.api.app;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Fields;
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
            throw ErrorCode.INVALID_REQUEST.error("body: must be a JSON object");
        }
        return body.asJsonObject();
    }

    /** The body as an object, which the route requires. */
    public static JsonObject required(JsonValue body) {
        return Fields.required(object(body));
    }

    /** A required string field, refused as 400 invalid_argument when missing or blank. */
    public static String argument(JsonValue body, String field) {
        return Fields.argument(object(body), field);
    }

    /** num_turns and the like: an integer of at least 1, else 400 invalid_argument. */
    public static int count(JsonValue body, String field) {
        return Fields.count(object(body), field);
    }
}
