package dev.flightdeck.core.claude;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Claude Code's tools, each with the family and kind its rows carry (contract §3). Every tool the
 * CLI can announce has an explicit entry, including deliberate {@code generic} ones, so a test can
 * tell a new tool from one we chose not to specialise. Pure.
 */
public final class ClaudeTools {
    public record Kind(String family, String kind) {
    }

    static final Kind GENERIC = new Kind("generic", "generic");
    static final Kind MCP = new Kind("mcp", "mcp_tool");

    static final Map<String, Kind> KNOWN = Map.ofEntries(
            Map.entry("Bash", new Kind("shell", "bash")),
            Map.entry("BashOutput", new Kind("shell", "bash_output")),
            Map.entry("KillShell", new Kind("shell", "kill_shell")),
            Map.entry("KillBash", new Kind("shell", "kill_shell")),
            Map.entry("Monitor", new Kind("shell", "monitor")),
            Map.entry("Read", new Kind("file_read", "read")),
            Map.entry("Write", new Kind("file_change", "write")),
            Map.entry("Edit", new Kind("file_change", "edit")),
            Map.entry("MultiEdit", new Kind("file_change", "multi_edit")),
            Map.entry("NotebookEdit", new Kind("file_change", "notebook_edit")),
            Map.entry("Glob", new Kind("search", "glob")),
            Map.entry("Grep", new Kind("search", "grep")),
            Map.entry("ToolSearch", new Kind("search", "tool_search")),
            Map.entry("WebFetch", new Kind("web", "web_fetch")),
            Map.entry("WebSearch", new Kind("web", "web_search")),
            Map.entry("Task", new Kind("agent", "task")),
            Map.entry("Agent", new Kind("agent", "task")),
            Map.entry("SendMessage", new Kind("agent", "send_message")),
            Map.entry("ListAgents", new Kind("agent", "list_agents")),
            Map.entry("TaskStop", new Kind("agent", "task_stop")),
            Map.entry("TaskCreate", new Kind("todo", "task_create")),
            Map.entry("TaskGet", new Kind("todo", "task_get")),
            Map.entry("TaskUpdate", new Kind("todo", "task_update")),
            Map.entry("TaskList", new Kind("todo", "task_list")),
            Map.entry("TodoWrite", new Kind("todo", "todo_write")),
            Map.entry("ExitPlanMode", new Kind("plan", "exit_plan_mode")),
            Map.entry("EnterPlanMode", new Kind("plan", "enter_plan_mode")),
            Map.entry("AskUserQuestion", new Kind("question", "ask_user_question")),
            Map.entry("Skill", new Kind("config", "skill")),
            Map.entry("EnterWorktree", new Kind("config", "enter_worktree")),
            Map.entry("ExitWorktree", new Kind("config", "exit_worktree")),
            Map.entry("ListMcpResourcesTool", new Kind("mcp", "mcp_list_resources")),
            Map.entry("ReadMcpResourceTool", new Kind("mcp", "mcp_read_resource")),
            Map.entry("CronCreate", GENERIC),
            Map.entry("CronDelete", GENERIC),
            Map.entry("CronList", GENERIC),
            Map.entry("ScheduleWakeup", GENERIC),
            Map.entry("ReportFindings", GENERIC),
            Map.entry("Workflow", GENERIC),
            Map.entry("SlashCommand", GENERIC));

    private ClaudeTools() {
    }

    public static boolean isKnown(String tool) {
        return KNOWN.containsKey(tool) || tool.startsWith("mcp__");
    }

    public static Kind kindOf(String tool) {
        if (tool.startsWith("mcp__")) {
            return MCP;
        }
        return KNOWN.getOrDefault(tool, GENERIC);
    }

    /** The one-line subject of a tool call: the command, path, pattern or URL it acts on. */
    public static String subject(String tool, JsonObject input) {
        for (String key : new String[] {"command", "file_path", "notebook_path", "pattern", "url", "query",
                "description", "prompt", "skill"}) {
            JsonValue v = input.get(key);
            if (v != null && v.getValueType() == JsonValue.ValueType.STRING) {
                return oneLine(input.getString(key));
            }
        }
        return null;
    }

    static String oneLine(String s) {
        String line = s.strip().replace('\n', ' ');
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }
}
