package dev.flightdeck.core.session;

import dev.flightdeck.core.connector.AgentArgs;
import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;

/**
 * The agent settings of a session (contract §1.3 detail/config). A patch names only the fields it
 * changes; null clears one. Pure: validation and merging have unit tests.
 */
public final class SessionConfig {
    enum Type { STRING, OBJECT, BOOLEAN }

    /** Every settable field and its JSON type; model is kept in its own column but patched here too. */
    static final Map<String, Type> FIELDS = Map.ofEntries(
            Map.entry("approval_policy", Type.STRING),
            Map.entry("approval_policy_details", Type.OBJECT),
            Map.entry("sandbox_mode", Type.STRING),
            Map.entry("sandbox_policy_details", Type.OBJECT),
            Map.entry("approvals_reviewer", Type.STRING),
            Map.entry("permission_mode", Type.STRING),
            Map.entry("collaboration_mode", Type.STRING),
            Map.entry("multi_agent", Type.BOOLEAN),
            Map.entry("personality", Type.STRING),
            Map.entry("service_tier", Type.STRING),
            Map.entry("developer_instructions", Type.STRING),
            Map.entry("model", Type.STRING),
            Map.entry("effort", Type.STRING),
            Map.entry("codex_config_mode", Type.STRING),
            Map.entry("codex_config_profile", Type.STRING),
            Map.entry("codex_model_provider", Type.STRING));

    static final Map<String, Set<String>> ALLOWED = Map.of(
            "approval_policy", Set.of("untrusted", "on-failure", "on-request", "never"),
            "sandbox_mode", Set.of("read-only", "workspace-write", "danger-full-access"),
            "permission_mode", Set.of("default", "acceptEdits", "plan", "bypassPermissions", "dontAsk"),
            "effort", Set.of("minimal", "low", "medium", "high", "xhigh", "max"),
            "codex_config_mode", Set.of("inherit", "profile", "custom"));

    static final int MAX_STRING = 100_000;
    /** Short identifiers (model, profile, provider names) fit their columns and any sane name. */
    static final int MAX_NAME = 200;
    private static final Set<String> NAME_FIELDS = Set.of("model", "codex_config_profile", "codex_model_provider",
            "collaboration_mode", "personality", "service_tier", "approvals_reviewer");

    private SessionConfig() {
    }

    /** Each setting's JSON type (string, object or boolean), for the API description. */
    public static Map<String, String> settingTypes() {
        Map<String, String> out = new java.util.TreeMap<>();
        FIELDS.forEach((k, v) -> out.put(k, v.name().toLowerCase()));
        return out;
    }

    public static JsonObject parse(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return Json.createReader(new StringReader(json)).readObject();
    }

    /** Checks every field of a patch; the first problem is reported with the field's name. */
    public static void validate(JsonObject patch) {
        for (Map.Entry<String, JsonValue> e : patch.entrySet()) {
            String field = e.getKey();
            Type type = FIELDS.get(field);
            if (type == null) {
                throw ApiException.invalidField(field, "is not a session setting");
            }
            JsonValue v = e.getValue();
            if (v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            boolean ok = switch (type) {
                case STRING -> v.getValueType() == JsonValue.ValueType.STRING;
                case OBJECT -> v.getValueType() == JsonValue.ValueType.OBJECT;
                case BOOLEAN -> v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE;
            };
            if (!ok) {
                throw ApiException.invalidField(field, "must be " + type.name().toLowerCase() + " or null");
            }
            if (type == Type.STRING) {
                String s = patch.getString(field);
                int max = NAME_FIELDS.contains(field) ? MAX_NAME : MAX_STRING;
                if (s.length() > max) {
                    throw ApiException.invalidField(field, "is longer than " + max + " characters");
                }
                if ("model".equals(field) && !AgentArgs.isModel(s)) {
                    throw ApiException.invalidField(field, AgentArgs.MODEL_RULE);
                }
                Set<String> allowed = ALLOWED.get(field);
                if (allowed != null && !allowed.contains(s)) {
                    if (field.startsWith("codex_config")) {
                        throw new ApiException(422, "invalid_codex_config", field + ": must be one of " + String.join(", ", allowed));
                    }
                    throw ApiException.invalidField(field, "must be one of " + String.join(", ", allowed));
                }
            }
        }
        if (patch.containsKey("codex_config_mode") && "profile".equals(stringOrNull(patch, "codex_config_mode"))
                && stringOrNull(patch, "codex_config_profile") == null) {
            throw new ApiException(422, "invalid_codex_config", "codex_config_profile: is required when codex_config_mode is profile");
        }
    }

    /** The stored settings with the patch applied: null removes a field. */
    public static JsonObject merge(JsonObject current, JsonObject patch) {
        JsonObjectBuilder out = Json.createObjectBuilder(current);
        patch.forEach((k, v) -> {
            if (v.getValueType() == JsonValue.ValueType.NULL) {
                out.remove(k);
            } else {
                out.add(k, v);
            }
        });
        return out.build();
    }

    /** The fields whose value differs between two settings objects, with their new values (null when removed). */
    public static JsonObject changes(JsonObject before, JsonObject after) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (String field : FIELDS.keySet()) {
            JsonValue a = before.get(field);
            JsonValue b = after.get(field);
            if (a == null ? b != null : !a.equals(b)) {
                out.add(field, b == null ? JsonValue.NULL : b);
            }
        }
        return out.build();
    }

    public static String stringOrNull(JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(field) : null;
    }
}
