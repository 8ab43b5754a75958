package dev.flightdeck.core.capability;

import dev.flightdeck.core.codex.CodexControl;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A session's plugins (contract §1.9): Codex's, passed through its app-server in Codex's own
 * camelCase. Claude Code's plugins are not driven through its stream protocol, so a Claude session
 * lists none and refuses install and uninstall.
 */
@ApplicationScoped
public class Plugins {
    @Inject
    SessionService sessions;

    @Inject
    CodexControl control;

    /** {@code {marketplaces[], remoteSyncError, …}}: Codex's plugin/list for the session's directory. */
    public JsonObject list(String sessionId, String cwd, boolean forceRemoteSync) {
        SessionWire.SessionState s = sessions.detail(sessionId).session();
        if (!"codex".equals(s.provider())) {
            return Json.createObjectBuilder().add("marketplaces", JsonValue.EMPTY_JSON_ARRAY)
                    .addNull("remoteSyncError").build();
        }
        Path dir = directory(cwd != null ? cwd : s.currentCwd() != null ? s.currentCwd() : s.projectPath());
        JsonObject r = call("plugin/list", Json.createObjectBuilder()
                .add("cwds", Json.createArrayBuilder().add(dir.toString())).add("forceRefetch", forceRemoteSync).build());
        return withRemoteSyncError(r);
    }

    /** {@code {marketplacePath, pluginName, forceRemoteSync?}} ⇒ {@code {authPolicy, appsNeedingAuth[]}}. */
    public JsonObject install(String sessionId, JsonObject body) {
        codexOnly(sessionId);
        known(body, Set.of("marketplacePath", "pluginName", "forceRemoteSync", "remoteMarketplaceName"));
        String name = string(body, "pluginName", true);
        String marketplace = string(body, "marketplacePath", false);
        String remote = string(body, "remoteMarketplaceName", false);
        if (marketplace == null && remote == null) {
            throw ApiException.invalidField("marketplacePath", "is required (or remoteMarketplaceName)");
        }
        JsonObjectBuilder params = Json.createObjectBuilder().add("pluginName", name);
        if (marketplace != null) {
            params.add("marketplacePath", dev.flightdeck.core.json.Fields.absolutePath("marketplacePath", marketplace,
                    ErrorCode.INVALID_REQUEST).toString());
        }
        if (remote != null) {
            params.add("remoteMarketplaceName", remote);
        }
        return call("plugin/install", params.build());
    }

    /** {@code {pluginId, forceRemoteSync?}} ⇒ {@code {}}. */
    public JsonObject uninstall(String sessionId, JsonObject body) {
        codexOnly(sessionId);
        known(body, Set.of("pluginId", "forceRemoteSync"));
        call("plugin/uninstall", Json.createObjectBuilder().add("pluginId", string(body, "pluginId", true)).build());
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** The contract's {@code remoteSyncError}: Codex reports marketplace load errors instead. */
    static JsonObject withRemoteSyncError(JsonObject r) {
        if (r.containsKey("remoteSyncError")) {
            return r;
        }
        return Json.createObjectBuilder(r).addNull("remoteSyncError").build();
    }

    private JsonObject call(String method, JsonObject params) {
        try {
            return control.call(method, params);
        } catch (CodexControl.Refused e) {
            throw ErrorCode.CODEX_ERROR.error(e.getMessage());
        }
    }

    private void codexOnly(String sessionId) {
        if (!"codex".equals(sessions.detail(sessionId).session().provider())) {
            throw ErrorCode.UNSUPPORTED_CONTROL.error("plugins are installed through Codex; this is not a Codex session");
        }
    }

    private static void known(JsonObject body, Set<String> fields) {
        if (body == null) {
            throw ErrorCode.INVALID_REQUEST.error("body: a JSON object is required");
        }
        for (String k : body.keySet()) {
            if (!fields.contains(k)) {
                throw ApiException.invalidField(k, "unknown field");
            }
        }
        if (body.containsKey("forceRemoteSync") && body.get("forceRemoteSync") != JsonValue.TRUE
                && body.get("forceRemoteSync") != JsonValue.FALSE) {
            throw ApiException.invalidField("forceRemoteSync", "must be a boolean");
        }
    }

    private static String string(JsonObject body, String field, boolean required) {
        JsonValue v = body.get(field);
        if (v == null || v == JsonValue.NULL) {
            if (required) {
                throw ApiException.invalidField(field, "is required");
            }
            return null;
        }
        if (!(v instanceof JsonString s) || s.getString().isBlank()) {
            throw ApiException.invalidField(field, "must be a non-empty string");
        }
        return s.getString();
    }

    private static Path directory(String cwd) {
        Path p = cwd == null ? null : dev.flightdeck.core.json.Fields.absolutePath("cwd", cwd, ErrorCode.INVALID_REQUEST);
        if (p == null || !Files.isDirectory(p)) {
            throw ApiException.invalidField("cwd", "must be an existing directory (absolute path)");
        }
        return p;
    }
}
