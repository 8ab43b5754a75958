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
}
