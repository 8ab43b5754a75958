package dev.flightdeck.core.session;

import dev.flightdeck.core.connector.AgentArgs;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
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
    enum Type { STRING, OBJECT, BOOLEAN, STRING_LIST }

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
            Map.entry("codex_model_provider", Type.STRING),
            Map.entry("codex_config_source", Type.STRING),
            // Claude Code's tool rules and the skills a session may use without asking (docs/agents.md).
            Map.entry("allowed_tools", Type.STRING_LIST),
            Map.entry("disallowed_tools", Type.STRING_LIST),
            Map.entry("skills", Type.STRING_LIST),
            Map.entry("allow_bypass_permissions", Type.BOOLEAN));

    static final Map<String, Set<String>> ALLOWED = Map.of(
            "approval_policy", Set.of("untrusted", "on-failure", "on-request", "never"),
            "sandbox_mode", Set.of("read-only", "workspace-write", "danger-full-access"),
            "permission_mode", Set.of("default", "acceptEdits", "plan", "bypassPermissions", "dontAsk"),
            "effort", Set.of("minimal", "low", "medium", "high", "xhigh", "max"),
            "codex_config_mode", Set.of("inherit", "profile", "custom"),
            "codex_config_source", Set.copyOf(dev.flightdeck.core.settings.SettingRules.CONFIG_SOURCES));

    static final int MAX_STRING = 100_000;
    /** Tool rules and skill names: enough for any real list, small enough for one command line. */
    static final int MAX_LIST = 100;
    static final int MAX_RULE = 1000;
    static final java.util.regex.Pattern SKILL_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}");
    /** What a direct Codex session runs with unless it says otherwise: it writes its own worktree, and asks first for anything else. */
    public static final String CODEX_SANDBOX = "workspace-write";
    public static final String CODEX_APPROVALS = "on-request";
    /** Short identifiers (model, profile, provider names) fit their columns and any sane name. */
    static final int MAX_NAME = 200;
    private static final Set<String> NAME_FIELDS = Set.of("model", "codex_config_profile", "codex_model_provider",
            "collaboration_mode", "personality", "service_tier", "approvals_reviewer");

    private SessionConfig() {
    }

    /** Each setting's JSON type (string, object or boolean), for the API description. */
    public static Map<String, String> settingTypes() {
        Map<String, String> out = new java.util.TreeMap<>();
        FIELDS.forEach((k, v) -> out.put(k, v == Type.STRING_LIST ? "array" : v.name().toLowerCase()));
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
                case STRING_LIST -> v instanceof jakarta.json.JsonArray a && a.size() <= MAX_LIST
                        && a.stream().allMatch(x -> x instanceof jakarta.json.JsonString str
                                && !str.getString().isBlank() && str.getString().length() <= MAX_RULE
                                && str.getString().indexOf('\0') < 0);
                case STRING -> v.getValueType() == JsonValue.ValueType.STRING;
                case OBJECT -> v.getValueType() == JsonValue.ValueType.OBJECT;
                case BOOLEAN -> v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE;
            };
            if (!ok) {
                throw ApiException.invalidField(field, type == Type.STRING_LIST
                        ? "must be an array of at most " + MAX_LIST + " non-empty strings (" + MAX_RULE + " characters each) or null"
                        : "must be " + type.name().toLowerCase() + " or null");
            }
            // A skill becomes Claude's Skill(name) rule inside one comma-joined argument: a plain identifier only.
            if ("skills".equals(field) && !v.asJsonArray().stream()
                    .allMatch(x -> SKILL_NAME.matcher(((jakarta.json.JsonString) x).getString()).matches())) {
                throw ApiException.invalidField(field, "must be skill names (letters, digits, _ . : -, at most 200)");
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
                        throw ErrorCode.INVALID_CODEX_CONFIG.error(field + ": must be one of " + String.join(", ", allowed));
                    }
                    throw ApiException.invalidField(field, "must be one of " + String.join(", ", allowed));
                }
            }
        }
        if (patch.containsKey("codex_config_mode") && "profile".equals(stringOrNull(patch, "codex_config_mode"))
                && stringOrNull(patch, "codex_config_profile") == null) {
            throw ErrorCode.INVALID_CODEX_CONFIG.error("codex_config_profile: is required when codex_config_mode is profile");
        }
    }

    /**
     * The settings a new session starts with: what it asked for, and for Codex the sandbox and
     * approval policy it gets when it names none, stored so the session shows what it runs with.
     */
    public static JsonObject withDefaults(String provider, JsonObject config) {
        return withDefaults(provider, config, null);
    }

    /**
     * As {@link #withDefaults(String, JsonObject)}, and a new Codex session that names no
     * {@code codex_config_source} gets the server's preference (codex-preferences), so it keeps the
     * source it was created with when the preference later changes.
     */
    public static JsonObject withDefaults(String provider, JsonObject config, String defaultConfigSource) {
        if (!"codex".equals(provider)) {
            return config;
        }
        JsonObjectBuilder out = Json.createObjectBuilder(config);
        if (defaultConfigSource != null && stringOrNull(config, "codex_config_source") == null) {
            out.add("codex_config_source", defaultConfigSource);
        }
        if (stringOrNull(config, "sandbox_mode") == null) {
            out.add("sandbox_mode", CODEX_SANDBOX);
        }
        if (stringOrNull(config, "approval_policy") == null) {
            out.add("approval_policy", CODEX_APPROVALS);
        }
        return out.build();
    }

    /** A list setting's strings, in order; empty when unset. */
    public static java.util.List<String> strings(JsonObject o, String field) {
        return o.get(field) instanceof jakarta.json.JsonArray a
                ? a.stream().filter(v -> v instanceof jakarta.json.JsonString)
                        .map(v -> ((jakarta.json.JsonString) v).getString()).toList()
                : java.util.List.of();
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

    /** A boolean setting, or null when it is unset or cleared. */
    public static Boolean booleanOrNull(JsonObject o, String field) {
        JsonValue v = o.get(field);
        return v == JsonValue.TRUE ? Boolean.TRUE : v == JsonValue.FALSE ? Boolean.FALSE : null;
    }
}
