package dev.flightdeck.core.json;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
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

    /**
     * A path a client named, as a Path; 400 with this code, naming the field, when the text cannot be
     * one on this system (a NUL, say) or is not absolute.
     */
    public static java.nio.file.Path absolutePath(String field, String value, ErrorCode code) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(value);
            if (p.isAbsolute() && value.length() <= 4096) {
                return p;
            }
        } catch (java.nio.file.InvalidPathException e) {
            // falls through to the refusal
        }
        throw code.error(field + ": must be an absolute path");
    }

    /** The body, which the request requires. */
    public static JsonObject required(JsonObject body) {
        if (body == null) {
            throw ErrorCode.INVALID_REQUEST.error("body: a JSON object is required");
        }
        return body;
    }

    /** A required string field, refused as 400 invalid_argument when missing or blank. */
    public static String argument(JsonObject body, String field) {
        if (!(required(body).get(field) instanceof JsonString s) || s.getString().isBlank()) {
            throw ErrorCode.INVALID_ARGUMENT.error(field + ": a non-empty string is required");
        }
        return s.getString();
    }

    /** num_turns and the like: an integer of at least 1, else 400 invalid_argument. */
    public static int count(JsonObject body, String field) {
        if (!(required(body).get(field) instanceof jakarta.json.JsonNumber n) || !n.isIntegral() || n.longValue() < 1
                || n.longValue() > Integer.MAX_VALUE) {
            throw ErrorCode.INVALID_ARGUMENT.error(field + ": must be an integer of at least 1");
        }
        return n.intValue();
    }
}
