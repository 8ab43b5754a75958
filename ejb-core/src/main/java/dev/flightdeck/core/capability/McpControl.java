package dev.flightdeck.core.capability;

import dev.flightdeck.core.agent.AgentRuntime;
import dev.flightdeck.core.agent.TurnService;
import dev.flightdeck.core.codex.CodexCapabilities;
import dev.flightdeck.core.connector.AgentHandle;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A session's MCP servers and flag settings (contract §1.9): Claude Code's through its stdio control
 * protocol on the running CLI, Codex's through its app-server. No transaction is held while waiting.
 */
@ApplicationScoped
public class McpControl {
    /** The contract's wait for agent queries; a reconnect may dial a remote server, so it gets longer. */
    static final long STATUS_SECONDS = 8;
    static final long RECONNECT_SECONDS = 30;

    @Inject
    SessionService sessions;

    @Inject
    AgentRuntime runtime;

    @Inject
    TurnService turns;

    @Inject
    CodexCapabilities codex;

    /** An accepted control, with an authorization URL when a Codex sign-in started. */
    public record Accepted(boolean accepted, SessionWire.Detail sessionDetailSnapshot, String authorizationUrl) {
    }

    /**
     * GET …/mcp. A Claude session whose CLI is not running has nothing to ask: its servers start with
     * the CLI, so the maps are empty until the next turn (or a POST here) starts it.
     */
    public JsonObject mcp(String sessionId) {
        SessionWire.SessionState s = sessions.detail(sessionId).session();
        JsonObject servers;
        if ("codex".equals(s.provider())) {
            servers = codex.mcp(cwd(s));
        } else {
            AgentHandle h = runtime.handle(sessionId);
            servers = h instanceof AgentHandle.Control c && h.isAlive()
                    ? McpStatus.fromClaude(ask(c, request("mcp_status"), STATUS_SECONDS)) : McpStatus.empty();
        }
        return Json.createObjectBuilder(servers).add("session_id", sessionId).build();
    }

    /** Reconnects one server, or every one that is not disabled. */
    public Accepted refresh(String sessionId, String serverName) {
        SessionWire.SessionState s = sessions.detail(sessionId).session();
        if ("codex".equals(s.provider())) {
            codex.mcpReload(cwd(s));
            return accepted(sessionId, null);
        }
        AgentHandle.Control c = claude(sessionId);
        if (serverName != null) {
            ask(c, request("mcp_reconnect").add("serverName", serverName), RECONNECT_SECONDS);
        } else {
            JsonObject status = ask(c, request("mcp_status"), STATUS_SECONDS);
            JsonArray list = status.get("mcpServers") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
            for (JsonValue v : list) {
                JsonObject server = v.asJsonObject();
                if (!"disabled".equals(server.getString("status", ""))) {
                    ask(c, request("mcp_reconnect").add("serverName", server.getString("name", "")), RECONNECT_SECONDS);
                }
            }
        }
        return accepted(sessionId, null);
    }

    public Accepted toggle(String sessionId, String serverName, boolean enabled) {
        AgentHandle.Control c = claudeOnly(sessionId, "mcp/toggle");
        ask(c, request("mcp_toggle").add("serverName", serverName).add("enabled", enabled), RECONNECT_SECONDS);
        return accepted(sessionId, null);
    }

    /** Starts a server's OAuth sign-in: Codex's gives the URL to open; Claude's CLI opens its own flow. */
    public Accepted authenticate(String sessionId, String serverName) {
        SessionWire.SessionState s = sessions.detail(sessionId).session();
        if ("codex".equals(s.provider())) {
            return accepted(sessionId, codex.mcpLogin(cwd(s), serverName));
        }
        JsonObject r = ask(claude(sessionId), request("mcp_authenticate").add("serverName", serverName),
                RECONNECT_SECONDS);
        return accepted(sessionId, r.get("authUrl") instanceof jakarta.json.JsonString u ? u.getString() : null);
    }

    public Accepted clearAuth(String sessionId, String serverName) {
        AgentHandle.Control c = claudeOnly(sessionId, "mcp/clear-auth");
        ask(c, request("mcp_clear_auth").add("serverName", serverName), STATUS_SECONDS);
        return accepted(sessionId, null);
    }

    /** Replaces the session's dynamically added MCP servers (Claude's mcp_set_servers). */
    public Accepted setServers(String sessionId, JsonObject servers) {
        AgentHandle.Control c = claudeOnly(sessionId, "mcp/servers");
        ask(c, request("mcp_set_servers").add("servers", servers), RECONNECT_SECONDS);
        return accepted(sessionId, null);
    }

    /** Merges settings into the CLI's flag settings layer (what launch flags set). */
    public Accepted flags(String sessionId, JsonObject settings) {
        AgentHandle.Control c = claudeOnly(sessionId, "flags");
        ask(c, request("apply_flag_settings").add("settings", settings), STATUS_SECONDS);
        return accepted(sessionId, null);
    }

    private AgentHandle.Control claudeOnly(String sessionId, String control) {
        if ("codex".equals(sessions.detail(sessionId).session().provider())) {
            throw ErrorCode.UNSUPPORTED_CONTROL.error(control + " is supported for Claude sessions only");
        }
        return claude(sessionId);
    }

    /** The session's Claude CLI, started when it is not running: its MCP servers live in it. */
    private AgentHandle.Control claude(String sessionId) {
        AgentHandle h = runtime.ensureRunning(sessionId, "claude", turns.launch(sessionId));
        if (!(h instanceof AgentHandle.Control c)) {
            throw ErrorCode.UNSUPPORTED_CONTROL.error("this agent takes no MCP control requests");
        }
        return c;
    }

    private static jakarta.json.JsonObjectBuilder request(String subtype) {
        return Json.createObjectBuilder().add("subtype", subtype);
    }

    private static JsonObject ask(AgentHandle.Control c, jakarta.json.JsonObjectBuilder request, long seconds) {
        var answer = c.control(request.build());
        try {
            return answer.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw ErrorCode.TIMEOUT.error("Claude Code did not answer in " + seconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ErrorCode.TIMEOUT.error("interrupted while waiting for Claude Code");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException) {
                // Its input closed or it exited: the agent is gone, not the request wrong.
                throw ErrorCode.CONNECTOR_UNAVAILABLE.error("Claude Code is not running: " + e.getCause().getMessage());
            }
            // Claude's refusal (an unknown server name, say) is the caller's to fix.
            throw ErrorCode.INVALID_ARGUMENT.error("Claude Code refused: " + e.getCause().getMessage());
        }
    }

    private Accepted accepted(String sessionId, String authorizationUrl) {
        return new Accepted(true, sessions.detail(sessionId), authorizationUrl);
    }

    private static Path cwd(SessionWire.SessionState s) {
        String dir = s.currentCwd() != null ? s.currentCwd() : s.projectPath();
        Path p = dir == null ? null : Path.of(dir);
        if (p == null || !Files.isDirectory(p)) {
            throw ApiException.invalidField("cwd", "the session's directory does not exist");
        }
        return p;
    }
}
