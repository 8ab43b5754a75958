package dev.flightdeck.core.codex.config;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Codex config requests and answers (contract §1.12): what a client may ask, the app-server params
 * it becomes, and the contract's shapes from {@code config/read} and the write answers. Pure.
 */
public final class ConfigViews {
    private ConfigViews() {
    }

    /**
     * The settings a session runs with, by the session config's names, and the Codex config key each
     * comes from. Secrets a config may hold (provider tokens, MCP env) are not among them.
     */
    static final Map<String, String> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("model", "model");
        SETTINGS.put("model_provider", "model_provider");
        SETTINGS.put("approval_policy", "approval_policy");
        SETTINGS.put("approvals_reviewer", "approvals_reviewer");
        SETTINGS.put("sandbox_mode", "sandbox_mode");
        SETTINGS.put("effort", "model_reasoning_effort");
        SETTINGS.put("reasoning_summary", "model_reasoning_summary");
        SETTINGS.put("service_tier", "service_tier");
        SETTINGS.put("personality", "personality");
        SETTINGS.put("developer_instructions", "developer_instructions");
    }

    /** Inspect's overrides: the session config fields that name a setting, and the setting each sets. */
    static final Map<String, String> OVERRIDES = Map.of("model", "model", "codex_model_provider", "model_provider",
            "approval_policy", "approval_policy", "approvals_reviewer", "approvals_reviewer", "sandbox_mode",
            "sandbox_mode", "effort", "effort", "service_tier", "service_tier", "personality", "personality",
            "developer_instructions", "developer_instructions");
    static final Set<String> SOURCES = Set.of("user", "orbitdock");
    static final Set<String> MODES = Set.of("inherit", "profile", "custom");
    static final Set<String> STRATEGIES = Set.of("replace", "upsert");

    public record Inspect(String cwd, String source, String mode, String profile, Map<String, String> overrides) {
    }

    public record Edit(String keyPath, JsonValue value, String mergeStrategy) {
    }

    public record Write(String cwd, List<Edit> edits, String filePath, String expectedVersion) {
    }

    /** {@code {status: ok|ok_overridden, version, file_path}}; overridden_by names the layer that wins. */
    public record Written(String status, String version, String filePath, String overriddenBy) {
    }

    // --- requests -------------------------------------------------------------------------------

    public static Inspect inspect(JsonObject body) {
        String cwd = string(body, "cwd", true);
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String field : body.keySet()) {
            if (Set.of("cwd", "codex_config_source", "codex_config_mode", "codex_config_profile").contains(field)) {
                continue;
            }
            if (!OVERRIDES.containsKey(field)) {
                throw ApiException.invalidField(field, "is not a Codex setting (one of " + new java.util.TreeSet<>(
                        OVERRIDES.keySet()) + ")");
            }
            String v = string(body, field, false);
            if (v != null) {
                overrides.put(OVERRIDES.get(field), v);
            }
        }
        String source = oneOf(body, "codex_config_source", SOURCES);
        String mode = oneOf(body, "codex_config_mode", MODES);
        String profile = string(body, "codex_config_profile", false);
        if ("profile".equals(mode) && profile == null) {
            throw ApiException.invalidField("codex_config_profile", "is required when codex_config_mode is profile");
        }
        return new Inspect(cwd, source == null ? "user" : source, mode == null ? "inherit" : mode, profile, overrides);
    }

    /** {@code /value}: one edit. */
    public static Write value(JsonObject body) {
        known(body, Set.of("cwd", "key_path", "value", "merge_strategy", "file_path", "expected_version"));
        return new Write(string(body, "cwd", true), List.of(edit(body, "")), string(body, "file_path", false),
                string(body, "expected_version", false));
    }

    /** {@code /batch-write}: edits applied together, or none. */
    public static Write batch(JsonObject body) {
        known(body, Set.of("cwd", "edits", "file_path", "expected_version"));
        if (!(body.get("edits") instanceof JsonArray edits) || edits.isEmpty()) {
            throw ApiException.invalidField("edits", "a non-empty array of {key_path, value, merge_strategy?} is required");
        }
        List<Edit> out = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            String at = "edits[" + i + "].";
            if (!(edits.get(i) instanceof JsonObject e)) {
                throw ApiException.invalidField("edits[" + i + "]", "must be an object");
            }
            out.add(edit(e, at));
        }
        return new Write(string(body, "cwd", true), out, string(body, "file_path", false),
                string(body, "expected_version", false));
    }

    private static Edit edit(JsonObject o, String at) {
        for (String k : o.keySet()) {
            if (!at.isEmpty() && !Set.of("key_path", "value", "merge_strategy").contains(k)) {
                throw ApiException.invalidField(at + k, "unknown field");
            }
        }
        String keyPath = string(o, "key_path", false);
        if (keyPath == null || keyPath.isBlank() || keyPath.startsWith(".") || keyPath.endsWith(".")) {
            throw ApiException.invalidField(at + "key_path", "a dotted key such as model or tools.web_search is required");
        }
        if (!o.containsKey("value")) {
            throw ApiException.invalidField(at + "value", "is required");
        }
        String strategy = oneOf(o, "merge_strategy", STRATEGIES);
        return new Edit(keyPath, o.get("value"), strategy == null ? "replace" : strategy);
    }

    /** The app-server's {@code config/value/write} or {@code config/batchWrite} params. */
    public static JsonObject writeParams(Write w) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (w.edits().size() == 1) {
            Edit e = w.edits().get(0);
            b.add("keyPath", e.keyPath()).add("value", e.value()).add("mergeStrategy", e.mergeStrategy());
        } else {
            JsonArrayBuilder edits = Json.createArrayBuilder();
            w.edits().forEach(e -> edits.add(Json.createObjectBuilder().add("keyPath", e.keyPath())
                    .add("value", e.value()).add("mergeStrategy", e.mergeStrategy())));
            b.add("edits", edits);
        }
        if (w.filePath() != null) {
            b.add("filePath", w.filePath());
        }
        if (w.expectedVersion() != null) {
            b.add("expectedVersion", w.expectedVersion());
        }
        return b.build();
    }

    /** The app-server method for a write: one edit or a batch. */
    public static String writeMethod(Write w) {
        return w.edits().size() == 1 ? "config/value/write" : "config/batchWrite";
    }

    // --- answers --------------------------------------------------------------------------------

    public static Written written(JsonObject r) {
        String status = "okOverridden".equals(text(r, "status")) ? "ok_overridden" : "ok";
        String by = r.get("overriddenMetadata") instanceof JsonObject m && m.get("overridingLayer") instanceof JsonObject l
                ? source(l.get("name")) : null;
        return new Written(status, text(r, "version"), text(r, "filePath"), by);
    }

    /** A refused write, by Codex's {@code config_write_error_code}. */
    public static ApiException refusal(JsonObject error) {
        String code = error.get("data") instanceof JsonObject d ? d.getString("config_write_error_code", "") : "";
        String message = error.getString("message", "codex refused the write");
        switch (code) {
            case "configVersionConflict":
                return ErrorCode.CONFIG_VERSION_CONFLICT.error(message);
            case "configLayerReadonly":
                return ErrorCode.CONFIG_LAYER_READONLY.error(message);
            default:
                return ErrorCode.INVALID_CODEX_CONFIG.error(message);
        }
    }

    /** {@code config/read}'s config, as the settings a session gets, mode and overrides applied. */
    public static JsonObject effective(JsonObject config, Inspect req) {
        Map<String, JsonValue> out = settings(config);
        if ("profile".equals(req.mode())) {
            JsonObject p = profile(config, req.profile());
            settings(p).forEach((k, v) -> {
                if (v != JsonValue.NULL) {
                    out.put(k, v);
                }
            });
            out.put("profile", Json.createValue(req.profile()));
        }
        req.overrides().forEach((k, v) -> out.put(k, Json.createValue(v)));
        JsonObjectBuilder b = Json.createObjectBuilder();
        out.forEach(b::add);
        return b.build();
    }

    /** Where each effective setting comes from: a Codex layer, the named profile, or the request. */
    public static JsonObject origins(JsonObject config, JsonObject origins, Inspect req) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        JsonObject profile = "profile".equals(req.mode()) ? profile(config, req.profile()) : JsonValue.EMPTY_JSON_OBJECT;
        SETTINGS.forEach((name, key) -> {
            if (req.overrides().containsKey(name)) {
                b.add(name, Json.createObjectBuilder().add("source", "request"));
            } else if (profile.get(key) != null && profile.get(key) != JsonValue.NULL) {
                b.add(name, Json.createObjectBuilder().add("source", "profile").add("profile", req.profile()));
            } else if (origins.get(key) instanceof JsonObject o) {
                b.add(name, layerRef(o));
            }
        });
        return b.build();
    }

    /** The layers Codex read, strongest first: their source, file and version (not their contents). */
    public static JsonArray layers(JsonObject read) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        if (read.get("layers") instanceof JsonArray layers) {
            for (JsonValue v : layers) {
                if (v instanceof JsonObject l) {
                    JsonObjectBuilder b = Json.createObjectBuilder(layerRef(l));
                    if (l.get("disabledReason") instanceof JsonString s) {
                        b.add("disabled_reason", s.getString());
                    }
                    out.add(b);
                }
            }
        }
        return out.build();
    }

    public static JsonArray profiles(JsonObject config) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        if (config.get("profiles") instanceof JsonObject p) {
            p.keySet().stream().sorted().forEach(out::add);
        }
        return out.build();
    }

    /** The configured model providers: id, name, endpoint and API; never a token or header value. */
    public static JsonArray providers(JsonObject config) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        if (config.get("model_providers") instanceof JsonObject p) {
            p.keySet().stream().sorted().forEach(id -> {
                JsonObject v = p.get(id) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
                JsonObjectBuilder b = Json.createObjectBuilder().add("id", id);
                for (String k : List.of("name", "base_url", "wire_api", "env_key")) {
                    if (v.get(k) instanceof JsonString s) {
                        b.add(k, s.getString());
                    }
                }
                out.add(b);
            });
        }
        return out.build();
    }

    /** {@code {user, projects[]}}: the writable user file and the project files Codex reads from cwd. */
    public static JsonObject documents(JsonObject read) {
        JsonObjectBuilder user = null;
        JsonArrayBuilder projects = Json.createArrayBuilder();
        if (read.get("layers") instanceof JsonArray layers) {
            for (JsonValue v : layers) {
                if (!(v instanceof JsonObject l) || !(l.get("name") instanceof JsonObject n)) {
                    continue;
                }
                String type = n.getString("type", "");
                if ("user".equals(type) && user == null && !(n.get("profile") instanceof JsonString)) {
                    user = Json.createObjectBuilder(layerRef(l)).add("writable", true);
                } else if ("project".equals(type)) {
                    projects.add(Json.createObjectBuilder(layerRef(l)).add("writable", false));
                }
            }
        }
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (user == null) {
            b.addNull("user");
        } else {
            b.add("user", user);
        }
        return b.add("projects", projects).build();
    }

    // --- helpers --------------------------------------------------------------------------------

    private static Map<String, JsonValue> settings(JsonObject config) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        SETTINGS.forEach((name, key) -> out.put(name, config.get(key) == null ? JsonValue.NULL : config.get(key)));
        return out;
    }

    private static JsonObject profile(JsonObject config, String name) {
        if (config.get("profiles") instanceof JsonObject ps && ps.get(name) instanceof JsonObject p) {
            return p;
        }
        throw ApiException.invalidField("codex_config_profile", "no Codex profile named " + name);
    }

    /** {@code {source, file_path?, profile?, version}} from a layer or an origin ({@code {name, version}}). */
    static JsonObject layerRef(JsonObject layer) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("source", source(layer.get("name")));
        if (layer.get("name") instanceof JsonObject n) {
            if (n.get("file") instanceof JsonString f) {
                b.add("file_path", f.getString());
            } else if (n.get("dotCodexFolder") instanceof JsonString d) {
                b.add("file_path", d.getString() + "/config.toml");
            }
            if (n.get("profile") instanceof JsonString p) {
                b.add("profile", p.getString());
            }
        }
        if (layer.get("version") instanceof JsonString v) {
            b.add("version", v.getString());
        }
        return b.build();
    }

    /** The layer kind in snake_case: user, project, system, packaged_defaults, enterprise_managed, … */
    static String source(JsonValue name) {
        String type = name instanceof JsonObject n ? n.getString("type", "unknown") : "unknown";
        return type.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static void known(JsonObject body, Set<String> fields) {
        for (String k : body.keySet()) {
            if (!fields.contains(k)) {
                throw ApiException.invalidField(k, "unknown field");
            }
        }
    }

    private static String oneOf(JsonObject body, String field, Set<String> allowed) {
        String v = string(body, field, false);
        if (v != null && !allowed.contains(v)) {
            throw ApiException.invalidField(field, "must be one of " + new java.util.TreeSet<>(allowed));
        }
        return v;
    }

    private static String string(JsonObject body, String field, boolean required) {
        JsonValue v = body.get(field);
        if (v == null || v == JsonValue.NULL) {
            if (required) {
                throw ApiException.invalidField(field, "is required");
            }
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw ApiException.invalidField(field, "must be a string");
        }
        return s.getString();
    }

    private static String text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
