package dev.flightdeck.core.session;

import dev.flightdeck.core.error.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A merge-patch of a session's agent settings (contract §1.3 detail/config), checked: each field is
 * left as it is, cleared (null) or set. Pure. The two policy details stay JSON objects: they are
 * Codex's own policy shapes, passed through.
 */
public record ConfigPatch(Patched<String> approvalPolicy, Patched<JsonObject> approvalPolicyDetails,
                          Patched<String> sandboxMode, Patched<JsonObject> sandboxPolicyDetails,
                          Patched<String> approvalsReviewer, Patched<String> permissionMode,
                          Patched<String> collaborationMode, Patched<Boolean> multiAgent, Patched<String> personality,
                          Patched<String> serviceTier, Patched<String> developerInstructions, Patched<String> model,
                          Patched<String> effort, Patched<String> codexConfigMode, Patched<String> codexConfigProfile,
                          Patched<String> codexModelProvider, Patched<List<String>> allowedTools,
                          Patched<List<String>> disallowedTools, Patched<List<String>> skills,
                          Patched<Boolean> allowBypassPermissions) {
    /**
     * One field of a merge-patch.
     *
     * @param present whether the patch names the field; when it does, a null value clears it
     */
    public record Patched<T>(boolean present, T value) {
        private static final Patched<?> ABSENT = new Patched<>(false, null);

        @SuppressWarnings("unchecked")
        public static <T> Patched<T> absent() {
            return (Patched<T>) ABSENT;
        }

        public static <T> Patched<T> clear() {
            return new Patched<>(true, null);
        }

        public static <T> Patched<T> set(T value) {
            return new Patched<>(true, value);
        }
    }

    /** Checks a patch body; the first problem is a 400 (422 for the Codex config) naming its field. */
    public static ConfigPatch parse(JsonObject body) {
        if (body == null) {
            throw ErrorCode.INVALID_REQUEST.error("body: a JSON object is required");
        }
        SessionConfig.validate(body);
        Function<JsonValue, String> string = v -> ((JsonString) v).getString();
        Function<JsonValue, JsonObject> object = JsonValue::asJsonObject;
        Function<JsonValue, Boolean> bool = v -> v == JsonValue.TRUE;
        Function<JsonValue, List<String>> strings = v -> ((JsonArray) v).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        return new ConfigPatch(field(body, "approval_policy", string), field(body, "approval_policy_details", object),
                field(body, "sandbox_mode", string), field(body, "sandbox_policy_details", object),
                field(body, "approvals_reviewer", string), field(body, "permission_mode", string),
                field(body, "collaboration_mode", string), field(body, "multi_agent", bool),
                field(body, "personality", string), field(body, "service_tier", string),
                field(body, "developer_instructions", string), field(body, "model", string),
                field(body, "effort", string), field(body, "codex_config_mode", string),
                field(body, "codex_config_profile", string), field(body, "codex_model_provider", string),
                field(body, "allowed_tools", strings), field(body, "disallowed_tools", strings),
                field(body, "skills", strings), field(body, "allow_bypass_permissions", bool));
    }

    private static <T> Patched<T> field(JsonObject body, String name, Function<JsonValue, T> read) {
        JsonValue v = body.get(name);
        if (v == null) {
            return Patched.absent();
        }
        return v == JsonValue.NULL ? Patched.clear() : Patched.set(read.apply(v));
    }

    /** The fields the patch names, by their wire names. */
    public Map<String, Patched<?>> named() {
        Map<String, Patched<?>> all = new LinkedHashMap<>();
        all.put("approval_policy", approvalPolicy);
        all.put("approval_policy_details", approvalPolicyDetails);
        all.put("sandbox_mode", sandboxMode);
        all.put("sandbox_policy_details", sandboxPolicyDetails);
        all.put("approvals_reviewer", approvalsReviewer);
        all.put("permission_mode", permissionMode);
        all.put("collaboration_mode", collaborationMode);
        all.put("multi_agent", multiAgent);
        all.put("personality", personality);
        all.put("service_tier", serviceTier);
        all.put("developer_instructions", developerInstructions);
        all.put("model", model);
        all.put("effort", effort);
        all.put("codex_config_mode", codexConfigMode);
        all.put("codex_config_profile", codexConfigProfile);
        all.put("codex_model_provider", codexModelProvider);
        all.put("allowed_tools", allowedTools);
        all.put("disallowed_tools", disallowedTools);
        all.put("skills", skills);
        all.put("allow_bypass_permissions", allowBypassPermissions);
        all.values().removeIf(p -> !p.present());
        return all;
    }

    public boolean isEmpty() {
        return named().isEmpty();
    }

    /**
     * The patch as the stored settings are merged with it ({@link SessionConfig#merge}): the settings
     * are kept as one JSON object, so this is where the typed patch meets them.
     */
    public JsonObject toJson() {
        JsonObjectBuilder out = Json.createObjectBuilder();
        named().forEach((name, p) -> {
            Object v = p.value();
            if (v == null) {
                out.add(name, JsonValue.NULL);
            } else if (v instanceof String s) {
                out.add(name, s);
            } else if (v instanceof Boolean b) {
                out.add(name, b);
            } else if (v instanceof JsonObject o) {
                out.add(name, o);
            } else {
                out.add(name, Json.createArrayBuilder((List<?>) v));
            }
        });
        return out.build();
    }
}
