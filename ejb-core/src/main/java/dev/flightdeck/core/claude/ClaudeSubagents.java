package dev.flightdeck.core.claude;

import dev.flightdeck.core.connector.AgentEvent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Claude's subagents, from its stream-json lines. A subagent is an Agent (formerly Task) tool call;
 * its own messages carry {@code parent_tool_use_id} = that call's id, and background ones report
 * their end in a {@code task_notification}. Each subagent's lines go through a mapper of their own,
 * so its rows are built exactly like the main conversation's. Pure apart from that per-process state.
 */
final class ClaudeSubagents {
    static final int MAX_SUMMARY = 2000;

    private final Map<String, ClaudeMapper> nested = new HashMap<>();

    static boolean isAgentTool(String name) {
        return "Agent".equals(name) || "Task".equals(name);
    }

    /** The Agent call began: the subagent runs from now. */
    static AgentEvent.Subagent started(String toolUseId, JsonObject input) {
        return new AgentEvent.Subagent(toolUseId, "running", str(input, "subagent_type"), str(input, "description"),
                bounded(str(input, "prompt")), null, null, str(input, "model"), null);
    }

    /**
     * The Agent call's result: the subagent's end, unless the call only launched it in the background
     * (then its task_notification ends it). The CLI's structured result carries the subagent's final
     * report, which its stream never shows as a message of its own: it becomes the subagent's last row.
     */
    static List<AgentEvent> toolResult(String toolUseId, JsonObject line, boolean failed, String output, long now) {
        JsonObject r = line.get("tool_use_result") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        String status = str(r, "status");
        if ("async_launched".equals(status)) {
            return List.of(new AgentEvent.Subagent(toolUseId, "running", str(r, "agentType"), null, null, null, null,
                    str(r, "resolvedModel"), null));
        }
        String report = report(r);
        String summary = bounded(firstLine(report != null ? report : output));
        List<AgentEvent> out = new ArrayList<>();
        if (report != null) {
            String id = toolUseId + ":report";
            String ts = line.get("timestamp") instanceof JsonString t ? t.getString()
                    : java.time.Instant.ofEpochMilli(now).toString();
            out.add(new AgentEvent.SubagentRow(toolUseId, new dev.flightdeck.core.connector.RowDraft(id, "assistant",
                    null, null, null, null, ClaudeMapper.search(report), ClaudeMapper.message("assistant", id, report, ts),
                    null)));
        }
        boolean bad = failed || "failed".equals(status) || "error".equals(status);
        out.add(bad
                ? new AgentEvent.Subagent(toolUseId, "failed", str(r, "agentType"), null, null, null, summary,
                        str(r, "resolvedModel"), null)
                : new AgentEvent.Subagent(toolUseId, "completed", str(r, "agentType"), null, null, summary, null,
                        str(r, "resolvedModel"), null));
        return out;
    }

    /** The subagent's final report: the last text block of the structured result, or null. */
    static String report(JsonObject toolUseResult) {
        String last = null;
        if (toolUseResult.get("content") instanceof JsonArray blocks) {
            for (JsonValue b : blocks) {
                if (b instanceof JsonObject o && "text".equals(str(o, "type")) && str(o, "text") != null
                        && !str(o, "text").isBlank()) {
                    last = str(o, "text").strip();
                }
            }
        }
        return last;
    }

    /** task_started and task_notification of a subagent (they name its tool call); empty for other tasks. */
    static List<AgentEvent> task(JsonObject line) {
        String toolUseId = str(line, "tool_use_id");
        if (toolUseId == null) {
            return List.of();
        }
        if ("task_started".equals(str(line, "subtype"))) {
            return List.of(new AgentEvent.Subagent(toolUseId, "running", str(line, "subagent_type"),
                    str(line, "description"), null, null, null, null, null));
        }
        if ("task_notification".equals(str(line, "subtype"))) {
            String summary = bounded(str(line, "summary"));
            String status = String.valueOf(str(line, "status"));
            switch (status) {
                case "completed":
                    return List.of(new AgentEvent.Subagent(toolUseId, "completed", null, null, null, summary, null,
                            null, null));
                case "failed":
                    return List.of(new AgentEvent.Subagent(toolUseId, "failed", null, null, null, null, summary,
                            null, null));
                case "stopped":
                case "killed":
                    return List.of(new AgentEvent.Subagent(toolUseId, "cancelled", null, null, null, summary, null,
                            null, null));
                default:
                    return List.of();
            }
        }
        return List.of();
    }

    /**
     * A line of a subagent's own conversation: its prompt, its messages and its tool calls, as rows of
     * that subagent. A subagent it starts in turn is recorded with it as the parent.
     */
    List<AgentEvent> nested(String subagentId, JsonObject line, long now) {
        JsonObject own = Json.createObjectBuilder(line).remove("parent_tool_use_id").build();
        ClaudeMapper mapper = nested.computeIfAbsent(subagentId, k -> new ClaudeMapper());
        List<AgentEvent> out = new ArrayList<>();
        if ("user".equals(str(line, "type"))) {
            String prompt = promptText(line);
            if (prompt != null) {
                String id = line.get("uuid") instanceof JsonString u ? u.getString() : subagentId + ":prompt:" + now;
                String ts = line.get("timestamp") instanceof JsonString t ? t.getString()
                        : java.time.Instant.ofEpochMilli(now).toString();
                out.add(new AgentEvent.SubagentRow(subagentId, new dev.flightdeck.core.connector.RowDraft(id, "user",
                        null, null, null, null, ClaudeMapper.search(prompt), ClaudeMapper.message("user", id, prompt, ts),
                        null)));
            }
        }
        for (AgentEvent e : mapper.map(own, now)) {
            if (e instanceof AgentEvent.Row r) {
                out.add(new AgentEvent.SubagentRow(subagentId, r.row()));
            } else if (e instanceof AgentEvent.Subagent s) {
                out.add(new AgentEvent.Subagent(s.id(), s.status(), s.agentType(), s.label(), s.taskSummary(),
                        s.resultSummary(), s.errorSummary(), s.model(), subagentId));
            }
            // Usage, binding and capabilities of a subagent are the session's, reported on the main lines.
        }
        return out;
    }

    /** A user message's own text (not a tool result or a system reminder), or null. */
    static String promptText(JsonObject line) {
        JsonObject message = line.get("message") instanceof JsonObject m ? m : null;
        if (message == null) {
            return null;
        }
        JsonValue content = message.get("content");
        if (content instanceof JsonString s) {
            return s.getString().isBlank() ? null : s.getString();
        }
        if (content instanceof JsonArray blocks) {
            StringBuilder sb = new StringBuilder();
            for (JsonValue b : blocks) {
                if (b instanceof JsonObject o && "text".equals(str(o, "type")) && str(o, "text") != null
                        && !str(o, "text").startsWith("<system-reminder>")) {
                    sb.append(sb.length() == 0 ? "" : "\n").append(str(o, "text"));
                }
            }
            return sb.length() == 0 ? null : sb.toString();
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        String line = nl < 0 ? t : t.substring(0, nl);
        return line.isEmpty() ? null : line;
    }

    private static String bounded(String s) {
        return s == null || s.length() <= MAX_SUMMARY ? s : s.substring(0, MAX_SUMMARY) + "…";
    }

    private static String str(JsonObject o, String key) {
        return ClaudeMapper.str(o, key);
    }
}
