package dev.flightdeck.core.json;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Reading fields of a request body, with the 400 that names the field when one has the wrong type. */
public final class Fields {
    private Fields() {
    }

    /** The string, or null when the field is absent or null; 400 when it is another type. */
    public static String optionalString(JsonObject body, String field) {
        JsonValue v = body.get(field);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw ApiException.invalidField(field, "must be a string");
        }
        return s.getString();
    }
}
