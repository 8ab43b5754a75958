package dev.flightdeck.core.session;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.json.Fields;
import jakarta.json.JsonObject;

/** The bodies that name or summarise a session (contract §1.3), checked. Null or blank clears. Pure. */
public final class SessionTexts {
    static final int MAX_NAME = 1000;
    static final int MAX_SUMMARY = 10_000;

    private SessionTexts() {
    }

    public static String name(JsonObject body) {
        return bounded(Fields.required(body), "name", MAX_NAME);
    }

    public static String summary(JsonObject body) {
        if (body == null || !body.containsKey("summary")) {
            throw ApiException.invalidField("summary", "is required");
        }
        return bounded(body, "summary", MAX_SUMMARY);
    }

    private static String bounded(JsonObject body, String field, int max) {
        String v = Fields.optionalString(body, field);
        if (v != null && v.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        return v;
    }
}
