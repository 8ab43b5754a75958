package dev.flightdeck.core.session;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Fields;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A session to create (contract §1.3), checked field by field: 400s name the field. Pure; whether the
 * directory exists and the id is free is the service's to check.
 *
 * @param sessionId     the client's own id, or null for a new one
 * @param initialPrompt sent as the first turn; null when there is none
 * @param config        the settings, validated (SessionConfig)
 */
public record CreateSession(String provider, Path cwd, String sessionId, String initialPrompt, JsonObject config) {
    static final Set<String> PROVIDERS = dev.flightdeck.core.agent.Provider.WIRES;
    static final Pattern SESSION_ID = Pattern.compile("od-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public CreateSession {
        SessionConfig.validate(config);
    }

    public static CreateSession parse(JsonObject body) {
        JsonObject b = Fields.required(body);
        String provider = required(b, "provider");
        if (!PROVIDERS.contains(provider)) {
            throw ApiException.invalidField("provider", "must be claude or codex");
        }
        Path cwd = Fields.absolutePath("cwd", required(b, "cwd"), ErrorCode.INVALID_REQUEST);
        String id = Fields.optionalString(b, "session_id");
        if (id != null && !SESSION_ID.matcher(id).matches()) {
            throw ApiException.invalidField("session_id", "must look like od-<uuid>");
        }
        String prompt = Fields.optionalString(b, "initial_prompt");
        return new CreateSession(provider, cwd, id, prompt == null || prompt.isBlank() ? null : prompt, configFrom(b));
    }

    private static JsonObject configFrom(JsonObject body) {
        JsonObjectBuilder config = Json.createObjectBuilder();
        for (String field : SessionConfig.FIELDS.keySet()) {
            if (body.containsKey(field)) {
                config.add(field, body.get(field));
            }
        }
        // Skills may come as the skills route lists them ({name, path}); the session keeps their names.
        if (body.get("skills") instanceof JsonArray skills) {
            JsonArrayBuilder names = Json.createArrayBuilder();
            skills.forEach(v -> names.add(v instanceof JsonObject o && o.get("name") != null ? o.get("name") : v));
            config.add("skills", names);
        }
        // Both prompt fields end up in the developer instructions, as the contract says.
        String extra = joinNonBlank(Fields.optionalString(body, "system_prompt"),
                Fields.optionalString(body, "append_system_prompt"));
        if (extra != null) {
            config.add("developer_instructions", joinNonBlank(SessionConfig.stringOrNull(body, "developer_instructions"),
                    extra));
        }
        return config.build();
    }

    private static String joinNonBlank(String a, String b) {
        boolean hasA = a != null && !a.isBlank();
        boolean hasB = b != null && !b.isBlank();
        if (hasA && hasB) {
            return a + "\n\n" + b;
        }
        return hasA ? a : hasB ? b : null;
    }

    private static String required(JsonObject body, String field) {
        String v = Fields.optionalString(body, field);
        if (v == null || v.isBlank()) {
            throw ApiException.invalidField(field, "is required");
        }
        return v;
    }
}
