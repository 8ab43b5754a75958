package dev.flightdeck.core.codex;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.session.SessionWire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Codex's models, skills and MCP servers (contract §1.9, §1.12), asked of the installed Codex. */
@ApplicationScoped
public class CodexCapabilities {
    /** The contract's wait for Codex queries. */
    static final long TIMEOUT_SECONDS = 8;
    /** How long a person has to finish an MCP server's sign-in in the browser. */
    static final long LOGIN_SECONDS = 600;

    @Inject
    CodexConnector connector;

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedThreadFactory threads;

    /** Where questions that belong to no project are asked from: a directory that always exists. */
    @Inject
    dev.flightdeck.core.config.DataDir dataDir;

    public record ModelInfo(String id, String model, String displayName, String description, boolean isDefault,
                            List<String> supportedReasoningEfforts, boolean supportsReasoningSummaries) {
    }

    public record Models(List<ModelInfo> models) {
    }

    public Models models() {
        JsonObject r = ask(dataDir.path(), "model/list", JsonValue.EMPTY_JSON_OBJECT);
        List<ModelInfo> out = new ArrayList<>();
        for (JsonValue v : array(r, "data")) {
            JsonObject m = v.asJsonObject();
            List<String> efforts = new ArrayList<>();
            for (JsonValue e : array(m, "supportedReasoningEfforts")) {
                if (e instanceof JsonObject eo && eo.get("reasoningEffort") instanceof JsonString s) {
                    efforts.add(s.getString());
                }
            }
            out.add(new ModelInfo(m.getString("id", ""), m.getString("model", m.getString("id", "")),
                    m.getString("displayName", ""), m.getString("description", ""), m.getBoolean("isDefault", false),
                    efforts, m.getBoolean("supportsReasoningSummaries", false)));
        }
        return new Models(out);
    }

    /** The skills Codex finds for a directory: its repo skills and its own. */
    public JsonArray skills(Path cwd, boolean forceReload) {
        JsonObject r = ask(cwd, "skills/list", Json.createObjectBuilder()
                .add("cwds", Json.createArrayBuilder().add(cwd.toString())).add("forceReload", forceReload).build());
        var skills = Json.createArrayBuilder();
        for (JsonValue entry : array(r, "data")) {
            array(entry.asJsonObject(), "skills").forEach(skills::add);
        }
        return skills.build();
    }

    /** MCP servers by name: their tools, resources, resource templates and auth status. */
    public JsonObject mcp(Path cwd) {
        JsonObject r = ask(cwd, "mcpServerStatus/list", JsonValue.EMPTY_JSON_OBJECT);
        JsonObjectBuilder tools = Json.createObjectBuilder();
        JsonObjectBuilder resources = Json.createObjectBuilder();
        JsonObjectBuilder templates = Json.createObjectBuilder();
        JsonObjectBuilder auth = Json.createObjectBuilder();
        for (JsonValue v : array(r, "data")) {
            JsonObject s = v.asJsonObject();
            String name = s.getString("name", "");
            tools.add(name, s.get("tools") == null ? JsonValue.EMPTY_JSON_OBJECT : s.get("tools"));
            resources.add(name, array(s, "resources"));
            templates.add(name, array(s, "resourceTemplates"));
            auth.add(name, s.get("authStatus") == null ? JsonValue.NULL : s.get("authStatus"));
        }
        return Json.createObjectBuilder().add("tools", tools).add("resources", resources)
                .add("resource_templates", templates).add("auth_statuses", auth).build();
    }

    /** Has Codex read its MCP server config again (capability.McpControl's refresh). */
    public void mcpReload(Path cwd) {
        ask(cwd, "config/mcpServer/reload", JsonValue.EMPTY_JSON_OBJECT);
    }

    /**
     * Starts an MCP server's OAuth sign-in; the URL the user opens to finish it, or null. The
     * app-server that answered holds the sign-in's callback listener, so it is kept until Codex
     * reports the sign-in ended, or {@link #LOGIN_SECONDS} pass.
     */
    public String mcpLogin(Path cwd, String serverName) {
        JsonObject r = ask(cwd, "mcpServer/oauth/login", Json.createObjectBuilder().add("name", serverName).build(),
                new CodexQuery.Linger("mcpServer/oauthLogin/completed", LOGIN_SECONDS));
        return r.get("authorizationUrl") instanceof JsonString u ? u.getString() : null;
    }

    /**
     * Codex's collaboration mode presets (an experimental app-server method). They belong to the
     * installed version, so the first answer is kept; empty when Codex cannot be asked.
     */
    public List<SessionWire.CollaborationMode> collaborationModes() {
        List<SessionWire.CollaborationMode> known = modes.get();
        if (known != null) {
            return known;
        }
        List<SessionWire.CollaborationMode> out = new ArrayList<>();
        try {
            Path exe = connector.resolve();
            if (exe == null) {
                return List.of();
            }
            JsonObject r = CodexQuery.ask(threads, exe, dataDir.path(), "collaborationMode/list",
                    JsonValue.EMPTY_JSON_OBJECT, TIMEOUT_SECONDS, true);
            for (JsonValue v : array(r, "data")) {
                JsonObject m = v.asJsonObject();
                String effort = m.get("reasoning_effort") instanceof JsonString s ? s.getString() : null;
                out.add(new SessionWire.CollaborationMode(m.getString("name", ""),
                        m.get("mode") instanceof JsonString s ? s.getString() : null,
                        m.get("model") instanceof JsonString s ? s.getString() : null, effort, effort == null));
            }
        } catch (ApiException e) {
            return List.of();
        }
        modes.set(List.copyOf(out));
        return out;
    }

    private final java.util.concurrent.atomic.AtomicReference<List<SessionWire.CollaborationMode>> modes =
            new java.util.concurrent.atomic.AtomicReference<>();

    private JsonObject ask(Path cwd, String method, JsonObject params) {
        return ask(cwd, method, params, null);
    }

    private JsonObject ask(Path cwd, String method, JsonObject params, CodexQuery.Linger linger) {
        Path exe = connector.resolve();
        if (exe == null) {
            throw ErrorCode.CODEX_UNAVAILABLE.error(connector.unavailableReason());
        }
        return CodexQuery.ask(threads, exe, cwd, method, params, TIMEOUT_SECONDS, false, linger);
    }

    private static JsonArray array(JsonObject o, String key) {
        return o.get(key) instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    }
}
