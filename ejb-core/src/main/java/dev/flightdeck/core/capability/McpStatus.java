package dev.flightdeck.core.capability;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Claude Code's answer to an {@code mcp_status} control request, in the contract's GET …/mcp shape.
 * Pure. Claude reports no resources or templates in its status, so those are empty per server.
 */
public final class McpStatus {
    private McpStatus() {
    }

    /** The four maps of the contract, plus {@code servers}: each server's status (connected, disabled…). */
    public static JsonObject fromClaude(JsonObject status) {
        JsonObjectBuilder tools = Json.createObjectBuilder();
        JsonObjectBuilder resources = Json.createObjectBuilder();
        JsonObjectBuilder templates = Json.createObjectBuilder();
        JsonObjectBuilder auth = Json.createObjectBuilder();
        JsonObjectBuilder servers = Json.createObjectBuilder();
        JsonArray list = status.get("mcpServers") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
        for (JsonValue v : list) {
            if (!(v instanceof JsonObject s) || s.getString("name", "").isEmpty()) {
                continue;
            }
            String name = s.getString("name");
            JsonObjectBuilder byName = Json.createObjectBuilder();
            if (s.get("tools") instanceof JsonArray ts) {
                for (JsonValue t : ts) {
                    if (t instanceof JsonObject tool && !tool.getString("name", "").isEmpty()) {
                        byName.add(tool.getString("name"), tool(tool));
                    }
                }
            }
            tools.add(name, byName);
            resources.add(name, JsonValue.EMPTY_JSON_ARRAY);
            templates.add(name, JsonValue.EMPTY_JSON_ARRAY);
            auth.add(name, authStatus(s));
            JsonObjectBuilder server = Json.createObjectBuilder().add("status", s.getString("status", "pending"));
            if (s.get("error") instanceof jakarta.json.JsonString e) {
                server.add("error", e);
            }
            if (s.get("scope") instanceof jakarta.json.JsonString scope) {
                server.add("scope", scope);
            }
            servers.add(name, server);
        }
        return Json.createObjectBuilder().add("tools", tools).add("resources", resources)
                .add("resource_templates", templates).add("auth_statuses", auth).add("servers", servers).build();
    }

    /** The contract's MCP tool: name, description and an input schema (Claude's status has none: empty). */
    private static JsonObject tool(JsonObject t) {
        JsonObjectBuilder out = Json.createObjectBuilder().add("name", t.getString("name"))
                .add("input_schema", Json.createObjectBuilder().add("type", "object"));
        if (t.get("description") instanceof jakarta.json.JsonString d) {
            out.add("description", d);
        }
        if (t.get("annotations") instanceof JsonObject a) {
            out.add("annotations", a);
        }
        return out.build();
    }

    /**
     * Codex's auth status words, so one client reads both agents: a server waiting for sign-in is
     * not logged in; one configured for OAuth is oAuth; the rest (stdio, static headers) need none.
     */
    static String authStatus(JsonObject s) {
        if ("needs-auth".equals(s.getString("status", ""))) {
            return "notLoggedIn";
        }
        if (s.get("config") instanceof JsonObject c && c.get("oauth") instanceof JsonObject) {
            return "oAuth";
        }
        return "unsupported";
    }

    /** The contract's answer when no Claude is running to ask: every map empty. */
    public static JsonObject empty() {
        return Json.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT)
                .add("resources", JsonValue.EMPTY_JSON_OBJECT).add("resource_templates", JsonValue.EMPTY_JSON_OBJECT)
                .add("auth_statuses", JsonValue.EMPTY_JSON_OBJECT).add("servers", JsonValue.EMPTY_JSON_OBJECT).build();
    }
}
