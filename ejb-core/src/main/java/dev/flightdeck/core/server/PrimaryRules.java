package dev.flightdeck.core.server;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Fields;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The rules of the server role and the clients' primary claims (contract §1.10), as pure functions:
 * what a body means, or the 400 that names its bad field.
 */
public final class PrimaryRules {
    /** A device id or name longer than this is not one a client made up for itself. */
    public static final int MAX_ID = 200;
    public static final String PRIMARY = "primary";
    public static final String SECONDARY = "secondary";

    private PrimaryRules() {
    }

    /** One claim as asked for: {@code isPrimary} false withdraws it. */
    public record ClaimRequest(String clientId, String deviceName, boolean isPrimary) {
    }

    /** {@code {is_primary}} of PUT /api/server/role. */
    public static boolean role(JsonObject body) {
        return bool(Fields.required(body), "is_primary");
    }

    /** The stored role setting as a flag; a server nobody has demoted is its own primary. */
    public static boolean isPrimary(String stored) {
        return !SECONDARY.equals(stored);
    }

    public static String stored(boolean isPrimary) {
        return isPrimary ? PRIMARY : SECONDARY;
    }

    /** {@code {client_id, device_name, is_primary}}; a claim without a device name shows its id. */
    public static ClaimRequest claim(JsonObject body) {
        JsonObject b = Fields.required(body);
        String clientId = id(b, "client_id", true);
        String device = id(b, "device_name", false);
        boolean primary = bool(b, "is_primary");
        return new ClaimRequest(clientId, device == null ? clientId : device, primary);
    }

    /** A client id given where a socket opens ({@code ?client_id=}); null when it is not a usable one. */
    public static String socketClientId(String value) {
        return value == null || value.isBlank() || value.length() > MAX_ID || hasControl(value) ? null : value;
    }

    private static String id(JsonObject b, String field, boolean required) {
        String v = Fields.optionalString(b, field);
        if (v == null || v.isBlank()) {
            if (required) {
                throw ApiException.invalidField(field, "a non-empty string is required");
            }
            return null;
        }
        if (v.length() > MAX_ID) {
            throw ApiException.invalidField(field, "must be at most " + MAX_ID + " characters");
        }
        if (hasControl(v)) {
            throw ApiException.invalidField(field, "may not contain control characters");
        }
        return v;
    }

    private static boolean bool(JsonObject b, String field) {
        JsonValue v = b.get(field);
        if (v == JsonValue.TRUE) {
            return true;
        }
        if (v == JsonValue.FALSE) {
            return false;
        }
        throw ErrorCode.INVALID_REQUEST.error(field + ": must be true or false");
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
