package dev.flightdeck.core.claude;

import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.RowDraft;
import dev.flightdeck.core.connector.Rows;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the lines Claude Code prints in stream-json mode into {@link AgentEvent}s. Pure apart from
 * the state one conversation carries (tool calls waiting for their results), so recorded transcripts
 * map the same way every time. One instance per running process.
 */
public final class ClaudeMapper {
    /** Every top-level message type the CLI prints; the ones without rows are ignored on purpose. */
    static final Set<String> TYPES = Set.of("system", "assistant", "user", "result", "control_request",
            "control_response", "control_cancel_request", "stream_event", "tool_progress", "tool_use_summary",
            "auth_status", "keep_alive", "rate_limit_event", "prompt_suggestion");
    /** system subtypes; only init and compact_boundary change what the user sees. */
    static final Set<String> SYSTEM_SUBTYPES = Set.of("init", "compact_boundary", "status", "hook_started",
            "hook_progress", "hook_response", "task_started", "task_progress", "task_updated", "task_notification",
            "files_persisted", "local_command_output", "api_retry", "informational", "mirror_error",
            "memory_recall", "session_state_changed", "elicitation_complete", "plugin_install",
            "notification", "post_turn_summary", "commands_changed", "model_changed");
    static final int MAX_SEARCH = 32 * 1024;
    static final int MAX_OUTPUT = 256 * 1024;

    private final Map<String, OpenTool> openTools = new HashMap<>();
    private final ClaudeSubagents subagents = new ClaudeSubagents();
    /** The newest main-conversation message id: a turn's last one is where a rollback resumes. */
    private String lastMessageId;
    /** Whether the context was compacted since the last result: the next turn's usage is a compaction reset. */
    private boolean compactedThisTurn;
    /**
     * The process's running totals at the last result (in, out, cache read, cache write, cost), for a CLI
     * that reports only those (modelUsage without model_usage_since_last_result): a turn is the difference.
     */
    private double[] lifetimeAtLastResult = new double[5];

    /** The models the CLI's picker offers, from its answer to the session's initialize. */
    private jakarta.json.JsonArray models = jakarta.json.JsonValue.EMPTY_JSON_ARRAY;
    /** The last claude_capabilities sent: init comes again each turn, the message only when it changed. */
    private JsonObject capabilitiesSent;

    private record OpenTool(String name, JsonObject input, long startedAt, JsonObject row) {
    }

    /** Keeps the models of the CLI's answer to the initialize request {@code requestId}; other lines pass. */
    public void initialized(JsonObject line, String requestId) {
        if ("control_response".equals(str(line, "type")) && line.get("response") instanceof JsonObject r
                && requestId.equals(r.getString("request_id", null)) && "success".equals(r.getString("subtype", null))) {
            jakarta.json.JsonArrayBuilder out = Json.createArrayBuilder();
            for (ClaudeModels.Model m : ClaudeModels.models(r).models()) {
                out.add(Json.createObjectBuilder().add("value", m.value()).add("display_name", m.displayName())
                        .add("description", m.description()));
            }
            models = out.build();
        }
    }

    /**
     * {@code claude_capabilities} (contract §2.2, the capabilities surface): the slash commands, skills
     * and tools the init line lists, and the models of the initialize answer; none when unchanged.
     */
    List<AgentEvent> capabilities(JsonObject init) {
        JsonObject payload = Json.createObjectBuilder().add("slash_commands", names(init, "slash_commands"))
                .add("skills", names(init, "skills")).add("tools", names(init, "tools")).add("models", models).build();
        if (payload.equals(capabilitiesSent)) {
            return List.of();
        }
        capabilitiesSent = payload;
        return List.of(new AgentEvent.Capability("claude_capabilities", payload));
    }

    private static jakarta.json.JsonArray names(JsonObject o, String key) {
        return Json.createArrayBuilder(dev.flightdeck.core.session.SessionConfig.strings(o, key)).build();
    }

    /** Whether the mapper knows this line's type (and subtype, for system lines). */
    public static boolean recognises(JsonObject line) {
        String type = str(line, "type");
        if (!TYPES.contains(type)) {
            return false;
        }
        return !"system".equals(type) || SYSTEM_SUBTYPES.contains(str(line, "subtype"));
    }

    public List<AgentEvent> map(JsonObject line, long now) {
        String type = str(line, "type");
        if (type == null) {
            return List.of();
        }
        if (("assistant".equals(type) || "user".equals(type)) && !(line.get("parent_tool_use_id") instanceof JsonString)
                && str(line, "uuid") != null) {
            lastMessageId = str(line, "uuid");
        }
        if (line.get("parent_tool_use_id") instanceof JsonString parent) {
            // Subagent traffic belongs to its parent tool call, not to the main conversation.
            return subagents.nested(parent.getString(), line, now);
        }
        return switch (type) {
            case "system" -> system(line, now);
            case "assistant" -> assistant(line, now);
            case "user" -> toolResults(line, now);
            case "result" -> List.of(result(line));
            case "control_request" -> controlRequest(line);
            case "rate_limit_event" -> obj(line, "rate_limit_info") == null ? List.of()
                    : List.of(new AgentEvent.RateLimits("claude", obj(line, "rate_limit_info")),
                            ClaudeNotices.rateLimit(obj(line, "rate_limit_info")));
            case "prompt_suggestion" -> ClaudeNotices.promptSuggestion(line);
            default -> List.of();
        };
    }

    /** init lists the MCP servers and how each started: connected is ready, failed failed, the rest pending. */
    static AgentEvent.Capability mcpStartup(JsonObject init) {
        jakarta.json.JsonArrayBuilder ready = Json.createArrayBuilder();
        jakarta.json.JsonArrayBuilder failed = Json.createArrayBuilder();
        if (init.get("mcp_servers") instanceof jakarta.json.JsonArray servers) {
            for (jakarta.json.JsonValue v : servers) {
                if (v instanceof JsonObject server && str(server, "name") != null) {
                    String status = String.valueOf(str(server, "status"));
                    if ("connected".equals(status)) {
                        ready.add(str(server, "name"));
                    } else if ("failed".equals(status)) {
                        failed.add(str(server, "name"));
                    }
                }
            }
        }
        return new AgentEvent.Capability("mcp_startup_complete", Json.createObjectBuilder().add("ready", ready)
                .add("failed", failed).add("cancelled", jakarta.json.JsonValue.EMPTY_JSON_ARRAY).build());
    }

    private List<AgentEvent> system(JsonObject line, long now) {
        String subtype = str(line, "subtype");
        if ("init".equals(subtype)) {
            List<AgentEvent> out = new java.util.ArrayList<>(List.of(
                    new AgentEvent.Bound(str(line, "session_id"), str(line, "model"), str(line, "cwd")), mcpStartup(line)));
            out.addAll(capabilities(line));
            return out;
        }
        if ("compact_boundary".equals(subtype)) {
            compactedThisTurn = true;
            String id = idOf(line, "compact", now);
            JsonObject row = message("system", id, "Context compacted", timestamp(line, now));
            return List.of(new AgentEvent.Row(new RowDraft(id, "system", null, null, null, null,
                    "context compacted", row, null)), ClaudeNotices.contextCompacted());
        }
        if ("files_persisted".equals(subtype)) {
            return ClaudeNotices.filesPersisted(line);
        }
        return ClaudeSubagents.task(line);
    }

    private List<AgentEvent> assistant(JsonObject line, long now) {
        JsonObject message = obj(line, "message");
        if (message == null) {
            return List.of();
        }
        JsonArray content = message.getJsonArray("content");
        if (content == null) {
            return List.of();
        }
        String base = idOf(line, str(message, "id"), now);
        String ts = timestamp(line, now);
        List<AgentEvent> out = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            if (!(content.get(i) instanceof JsonObject block)) {
                continue;
            }
            switch (String.valueOf(str(block, "type"))) {
                case "text" -> {
                    String text = str(block, "text");
                    if (text != null && !text.isBlank()) {
                        String id = base + ":" + i;
                        out.add(new AgentEvent.Row(new RowDraft(id, "assistant", null, null, null, null,
                                search(text), message("assistant", id, text, ts), null)));
                    }
                }
                case "thinking" -> {
                    String text = str(block, "thinking");
                    if (text != null && !text.isBlank()) {
                        String id = base + ":" + i;
                        out.add(new AgentEvent.Row(new RowDraft(id, "thinking", null, null, null, null,
                                search(text), message("thinking", id, text, ts), null)));
                    }
                }
                case "tool_use", "server_tool_use", "mcp_tool_use" -> {
                    out.add(toolStarted(block, now));
                    if (ClaudeSubagents.isAgentTool(str(block, "name"))) {
                        out.add(ClaudeSubagents.started(str(block, "id"),
                                block.get("input") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT));
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    private AgentEvent toolStarted(JsonObject block, long now) {
        String id = str(block, "id");
        String name = String.valueOf(str(block, "name"));
        JsonObject input = block.get("input") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject row = toolRow(id, name, input, "running", null, null);
        openTools.put(id, new OpenTool(name, input, now, row));
        ClaudeTools.Kind kind = ClaudeTools.kindOf(name);
        return new AgentEvent.Row(new RowDraft(id, "tool", kind.family(), "running", kind.kind(), null,
                search(name + " " + nullToEmpty(ClaudeTools.subject(name, input))), row,
                Json.createObjectBuilder().add("input", input).build()));
    }

    private List<AgentEvent> toolResults(JsonObject line, long now) {
        JsonObject message = obj(line, "message");
        if (message == null || !(message.get("content") instanceof JsonArray content)) {
            return List.of();
        }
        List<AgentEvent> out = new ArrayList<>();
        for (JsonValue v : content) {
            if (v instanceof JsonObject block && "tool_result".equals(str(block, "type"))) {
                OpenTool tool = openTools.remove(str(block, "tool_use_id"));
                if (tool == null) {
                    continue;
                }
                boolean failed = block.getBoolean("is_error", false);
                String output = truncate(text(block.get("content")));
                long duration = Math.max(0, now - tool.startedAt());
                String status = failed ? "failed" : "completed";
                String id = str(block, "tool_use_id");
                ClaudeTools.Kind kind = ClaudeTools.kindOf(tool.name());
                JsonObject row = toolRow(id, tool.name(), tool.input(), status, firstLine(output), duration);
                out.add(new AgentEvent.Row(new RowDraft(id, "tool", kind.family(), status, kind.kind(), duration,
                        search(tool.name() + " " + nullToEmpty(ClaudeTools.subject(tool.name(), tool.input()))
                                + " " + output),
                        row, Json.createObjectBuilder().add("input", tool.input()).add("output", output)
                                .add("is_error", failed).build())));
                if (ClaudeSubagents.isAgentTool(tool.name())) {
                    out.addAll(ClaudeSubagents.toolResult(id, line, failed, output, now));
                }
            }
        }
        return out;
    }

    private AgentEvent result(JsonObject line) {
        String subtype = String.valueOf(str(line, "subtype"));
        String outcome = "success".equals(subtype) && !line.getBoolean("is_error", false) ? "completed" : "failed";
        JsonObject perModel = obj(line, "model_usage_since_last_result");
        boolean lifetime = perModel == null;
        if (lifetime) {
            perModel = obj(line, "modelUsage");
        }
        String model = null;
        long in = 0, out = 0, cacheRead = 0, cacheCreate = 0, window = 0;
        double cost = 0;
        boolean costKnown = false;
        String kind = AgentEvent.TurnUsage.CONTEXT_TURN;
        if (perModel != null && !perModel.isEmpty()) {
            for (Map.Entry<String, JsonValue> e : perModel.entrySet()) {
                JsonObject u = e.getValue().asJsonObject();
                if (model == null) {
                    model = e.getKey();
                }
                in += num(u, "inputTokens");
                out += num(u, "outputTokens");
                cacheRead += num(u, "cacheReadInputTokens");
                cacheCreate += num(u, "cacheCreationInputTokens");
                window = Math.max(window, num(u, "contextWindow"));
                if (u.get("costUSD") instanceof JsonNumber c) {
                    cost += c.doubleValue();
                    costKnown = true;
                }
            }
            if (lifetime) {
                // modelUsage runs over the whole process: this turn is what it grew by since the last result.
                double[] now = {in, out, cacheRead, cacheCreate, cost};
                double[] d = LifetimeTotals.delta(lifetimeAtLastResult, now);
                lifetimeAtLastResult = now;
                in = (long) d[0];
                out = (long) d[1];
                cacheRead = (long) d[2];
                cacheCreate = (long) d[3];
                cost = d[4];
                kind = AgentEvent.TurnUsage.LIFETIME_TOTALS;
            }
        } else if (obj(line, "usage") != null) {
            JsonObject u = obj(line, "usage");
            in = num(u, "input_tokens");
            out = num(u, "output_tokens");
            cacheRead = num(u, "cache_read_input_tokens");
            cacheCreate = num(u, "cache_creation_input_tokens");
        }
        if (compactedThisTurn) {
            kind = AgentEvent.TurnUsage.COMPACTION_RESET;
            compactedThisTurn = false;
        }
        JsonObject raw = obj(line, "usage") == null ? JsonValue.EMPTY_JSON_OBJECT : obj(line, "usage");
        AgentEvent.TurnUsage usage = new AgentEvent.TurnUsage(model, in, out, cacheRead, cacheCreate, window,
                costKnown ? cost : null, raw, kind);
        return new AgentEvent.TurnCompleted(usage, outcome, str(line, "result"), lastMessageId);
    }

    private List<AgentEvent> controlRequest(JsonObject line) {
        JsonObject request = obj(line, "request");
        if (request == null || !"can_use_tool".equals(str(request, "subtype"))) {
            return List.of();
        }
        String tool = String.valueOf(str(request, "tool_name"));
        JsonObject input = obj(request, "input") == null ? JsonValue.EMPTY_JSON_OBJECT : obj(request, "input");
        String family = ClaudeTools.kindOf(tool).family();
        String type = "file_change".equals(family) ? "patch" : "question".equals(family) ? "question" : "exec";
        String path = str(input, "file_path");
        if (path == null) {
            path = str(request, "blocked_path");
        }
        return List.of(new AgentEvent.ApprovalRequested(str(line, "request_id"), type, tool,
                str(request, "tool_use_id"), str(input, "command"), path, input));
    }

    static JsonObject message(String rowType, String id, String content, String timestamp) {
        return Rows.message(rowType, id, content, timestamp);
    }

    static JsonObject toolRow(String id, String name, JsonObject input, String status, String summary,
                              Long durationMs) {
        ClaudeTools.Kind kind = ClaudeTools.kindOf(name);
        return Rows.tool(id, "claude", kind.family(), kind.kind(), status, name, ClaudeTools.subject(name, input),
                summary, durationMs, name);
    }

    /** A tool result's content: a string, or text blocks. */
    static String text(JsonValue content) {
        if (content instanceof JsonString s) {
            return s.getString();
        }
        if (content instanceof JsonArray blocks) {
            StringBuilder sb = new StringBuilder();
            for (JsonValue b : blocks) {
                if (b instanceof JsonObject o && "text".equals(str(o, "type"))) {
                    sb.append(sb.isEmpty() ? "" : "\n").append(str(o, "text"));
                }
            }
            return sb.toString();
        }
        return "";
    }

    private static String idOf(JsonObject line, String fallback, long now) {
        String uuid = str(line, "uuid");
        return uuid != null ? uuid : fallback != null ? fallback : "claude-" + now;
    }

    private static String timestamp(JsonObject line, long now) {
        String ts = str(line, "timestamp");
        return ts != null ? ts : java.time.Instant.ofEpochMilli(now).toString();
    }

    static String search(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.length() > MAX_SEARCH ? lower.substring(0, MAX_SEARCH) : lower;
    }

    private static String truncate(String s) {
        return s.length() > MAX_OUTPUT ? s.substring(0, MAX_OUTPUT) + "\n… [truncated]" : s;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        String line = nl < 0 ? t : t.substring(0, nl);
        return line.isEmpty() ? null : ClaudeTools.oneLine(line);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String str(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static JsonObject obj(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonObject v ? v : null;
    }

    private static long num(JsonObject o, String key) {
        return o.get(key) instanceof JsonNumber n ? n.longValue() : 0;
    }
}
