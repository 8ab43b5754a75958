package dev.flightdeck.core.codex;

import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.RowDraft;
import dev.flightdeck.core.connector.Rows;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what {@code codex app-server} sends (notifications and server requests) into
 * {@link AgentEvent}s. Pure apart from the token totals one thread carries, so recorded traffic maps
 * the same way every time. One instance per running process.
 */
public final class CodexMapper {
    /** Every ThreadItem type of the schema, with the row family and kind it becomes; null: no row. */
    static final Map<String, String[]> ITEM_TYPES = Map.ofEntries(
            Map.entry("userMessage", new String[0]), // Flightdeck wrote the user's row when it accepted the message.
            Map.entry("hookPrompt", new String[0]),
            Map.entry("functionCallOutput", new String[0]), // carried by the call's own item
            Map.entry("agentMessage", new String[] {"message", "assistant"}),
            Map.entry("reasoning", new String[] {"message", "thinking"}),
            Map.entry("plan", new String[] {"plan", "update_plan"}),
            Map.entry("commandExecution", new String[] {"shell", "bash"}),
            Map.entry("fileChange", new String[] {"file_change", "apply_patch"}),
            Map.entry("mcpToolCall", new String[] {"mcp", "mcp_tool"}),
            Map.entry("dynamicToolCall", new String[] {"generic", "dynamic_tool"}),
            Map.entry("collabAgentToolCall", new String[] {"agent", "spawn_agent"}),
            Map.entry("subAgentActivity", new String[] {"agent", "subagent"}),
            Map.entry("webSearch", new String[] {"web", "web_search"}),
            Map.entry("imageView", new String[] {"image", "view_image"}),
            Map.entry("sleep", new String[] {"generic", "sleep"}),
            Map.entry("imageGeneration", new String[] {"image", "image_generation"}),
            Map.entry("enteredReviewMode", new String[] {"message", "system"}),
            Map.entry("exitedReviewMode", new String[] {"message", "system"}),
            Map.entry("contextCompaction", new String[] {"message", "system"}));
    /** Server requests, and the approval type each becomes; null: refused, Flightdeck does not serve it. */
    static final Map<String, String> REQUESTS = new java.util.HashMap<>(Map.of(
            "item/commandExecution/requestApproval", "exec",
            "execCommandApproval", "exec",
            "item/fileChange/requestApproval", "patch",
            "applyPatchApproval", "patch",
            "item/permissions/requestApproval", "permissions",
            "item/tool/requestUserInput", "question"));
    static final Set<String> REFUSED_REQUESTS = Set.of("mcpServer/elicitation/request",
            "item/tool/call", "account/chatgptAuthTokens/refresh", "attestation/generate");
    /** Notifications that make rows or state; every other one in {@link #IGNORED} is known and has none. */
    static final Set<String> MAPPED = Set.of("thread/started", "turn/started", "turn/completed", "item/started",
            "item/completed", "thread/tokenUsage/updated", "error", "thread/compacted", "skills/changed",
            "mcpServer/startupStatus/updated");
    static final Set<String> IGNORED_PREFIXES = Set.of("thread/realtime/", "fuzzyFileSearch/", "account/",
            "mcpServer/", "externalAgentConfig/", "windows", "app/", "modelProvider/", "model/", "fs/",
            "remoteControl/", "process/", "command/exec/", "hook/", "item/autoApprovalReview/",
            "autoApprovalReview/", "thread/goal/", "thread/environment/", "thread/section/", "thread/attachment/",
            "thread/name/", "thread/project/", "project/");
    static final Set<String> IGNORED = Set.of("thread/status/changed", "thread/readState/changed", "thread/archived",
            "thread/deleted", "thread/unarchived", "thread/closed", "thread/reverted",
            "thread/prediction/updated", "thread/queue/changed", "thread/settings/updated", "turn/diff/updated",
            "turn/plan/updated", "item/agentMessage/delta", "item/plan/delta", "item/commandExecution/outputDelta",
            "item/commandExecution/terminalInteraction", "item/fileChange/outputDelta", "item/fileChange/patchUpdated",
            "serverRequest/resolved", "item/mcpToolCall/progress", "item/reasoning/summaryTextDelta",
            "item/reasoning/summaryPartAdded", "item/reasoning/textDelta", "turn/moderationMetadata", "warning",
            "guardianWarning", "deprecationNotice", "configWarning");
    static final int MAX_OUTPUT = 256 * 1024;

    private long[] totalAtTurnStart = new long[4];
    private long[] total = new long[4];
    private long contextWindow;
    private String model;
    /** Whether the context was compacted since the turn started: its usage is then a compaction reset. */
    private boolean compactedThisTurn;
    /**
     * Whether this turn's context_compacted was sent: the app-server reports one compaction twice (the
     * contextCompaction item and the older thread/compacted notification), and subscribers hear it once.
     */
    private boolean compactionAnnounced;

    private final CodexSubagents subagents = new CodexSubagents();

    /** Whether the mapper knows this notification method (a coverage test checks the schema's list). */
    public static boolean knowsNotification(String method) {
        return MAPPED.contains(method) || IGNORED.contains(method)
                || IGNORED_PREFIXES.stream().anyMatch(method::startsWith);
    }

    public static boolean knowsRequest(String method) {
        return REQUESTS.containsKey(method) || REFUSED_REQUESTS.contains(method);
    }

    /** Maps one server message (a notification or a server request; responses are the connector's). */
    public List<AgentEvent> map(JsonObject msg, long now) {
        String method = str(msg, "method");
        JsonObject params = msg.get("params") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
        if (method == null) {
            return List.of();
        }
        if (msg.containsKey("id")) {
            return request(method, String.valueOf(idText(msg.get("id"))), params);
        }
        if (subagents.isSubagentThread(str(params, "threadId"))) {
            return subagents.nested(str(params, "threadId"), msg, now);
        }
        return switch (method) {
            case "thread/started" -> {
                JsonObject thread = obj(params, "thread");
                model = thread == null ? null : str(thread, "model");
                yield thread == null ? List.of() : List.of(new AgentEvent.Bound(str(thread, "id"), model, null));
            }
            case "turn/started" -> {
                totalAtTurnStart = total.clone();
                compactedThisTurn = false;
                compactionAnnounced = false;
                yield List.of();
            }
            case "thread/tokenUsage/updated" -> {
                usage(params);
                yield List.of();
            }
            case "turn/completed" -> List.of(turnCompleted(obj(params, "turn")));
            case "thread/compacted" -> {
                compactedThisTurn = true;
                yield compacted();
            }
            case "account/rateLimits/updated" -> informative(obj(params, "rateLimits"))
                    ? List.of(new AgentEvent.RateLimits("codex", obj(params, "rateLimits"))) : List.of();
            case "item/started", "item/completed" -> {
                JsonObject item = obj(params, "item");
                if (item != null && "contextCompaction".equals(str(item, "type"))) {
                    compactedThisTurn = true;
                }
                List<AgentEvent> out = new ArrayList<>(item(item, "item/completed".equals(method), now));
                if (item != null) {
                    out.addAll(subagents.fromItem(item));
                }
                if (item != null && "contextCompaction".equals(str(item, "type")) && "item/completed".equals(method)) {
                    out.addAll(compacted());
                }
                yield out;
            }
            case "error" -> {
                JsonObject error = obj(params, "error");
                String text = error == null ? "error" : String.valueOf(str(error, "message"));
                String id = "codex-error-" + now;
                yield List.of(new AgentEvent.Row(new RowDraft(id, "notice", null, null, null, null, Rows.search(text),
                        Json.createObjectBuilder().add("row_type", "notice").add("id", id).add("kind", "generic")
                                .add("severity", "error").add("content", text)
                                .add("timestamp", Instant.ofEpochMilli(now).toString()).build(), null)));
            }
            case "skills/changed" -> List.of(new AgentEvent.Capability("skills_update_available",
                    JsonValue.EMPTY_JSON_OBJECT));
            case "mcpServer/startupStatus/updated" -> List.of(new AgentEvent.Capability("mcp_startup_update",
                    Json.createObjectBuilder().add("server", String.valueOf(str(params, "name") != null
                            ? str(params, "name") : str(params, "server")))
                            .add("status", String.valueOf(str(params, "status"))).build()));
            default -> List.of();
        };
    }

    private List<AgentEvent> request(String method, String id, JsonObject params) {
        String type = REQUESTS.get(method);
        if (type == null) {
            return List.of();
        }
        String command = str(params, "command");
        String path = null;
        if (params.get("changes") instanceof JsonArray changes && !changes.isEmpty()
                && changes.get(0) instanceof JsonObject c) {
            path = str(c, "path");
        }
        String tool = switch (type) {
            case "exec" -> "exec_command";
            case "patch" -> "apply_patch";
            case "question" -> "request_user_input";
            default -> "permissions";
        };
        return List.of(new AgentEvent.ApprovalRequested(id, type, tool, str(params, "itemId"), command,
                path != null ? path : str(params, "cwd"), params));
    }

    /**
     * Whether a rate-limit update says anything: against a provider that sends no rate-limit headers,
     * Codex still notifies, with every window null.
     */
    static boolean informative(JsonObject rateLimits) {
        return rateLimits != null && (rateLimits.get("primary") instanceof JsonObject
                || rateLimits.get("secondary") instanceof JsonObject
                || rateLimits.get("rateLimitReachedType") instanceof JsonString);
    }

    private void usage(JsonObject params) {
        JsonObject usage = obj(params, "tokenUsage");
        JsonObject t = usage == null ? null : obj(usage, "total");
        if (t == null) {
            return;
        }
        total = new long[] {num(t, "inputTokens"), num(t, "outputTokens"), num(t, "cachedInputTokens"),
                num(t, "cacheWriteInputTokens")};
        contextWindow = Math.max(contextWindow, num(usage, "modelContextWindow"));
    }

    private AgentEvent turnCompleted(JsonObject turn) {
        long[] d = new long[4];
        for (int i = 0; i < 4; i++) {
            d[i] = Math.max(0, total[i] - totalAtTurnStart[i]);
        }
        totalAtTurnStart = total.clone();
        // Codex counts cached tokens inside inputTokens; usage rows count them apart, as Claude reports them.
        AgentEvent.TurnUsage u = new AgentEvent.TurnUsage(model, Math.max(0, d[0] - d[2]), d[1], d[2], d[3],
                contextWindow, null, Json.createObjectBuilder().add("input_tokens", d[0]).add("output_tokens", d[1])
                .add("cached_input_tokens", d[2]).build(),
                compactedThisTurn ? AgentEvent.TurnUsage.COMPACTION_RESET : AgentEvent.TurnUsage.CONTEXT_TURN);
        compactedThisTurn = false;
        String status = turn == null ? "completed" : String.valueOf(str(turn, "status"));
        String outcome = "completed".equals(status) ? "completed" : "failed";
        return new AgentEvent.TurnCompleted(u, outcome, null, turn == null ? null : str(turn, "id"));
    }

    private List<AgentEvent> item(JsonObject item, boolean completed, long now) {
        if (item == null) {
            return List.of();
        }
        String type = String.valueOf(str(item, "type"));
        String[] kind = ITEM_TYPES.get(type);
        if (kind == null || kind.length == 0) {
            return List.of();
        }
        String id = String.valueOf(str(item, "id"));
        String ts = Instant.ofEpochMilli(now).toString();
        if ("message".equals(kind[0])) {
            if (!completed) {
                return List.of();
            }
            String text = switch (type) {
                case "agentMessage" -> str(item, "text");
                case "reasoning" -> joined(item, "summary", joined(item, "content", ""));
                case "contextCompaction" -> "Context compacted";
                case "enteredReviewMode" -> "Review started";
                default -> "Review finished";
            };
            if (text == null || text.isBlank()) {
                return List.of();
            }
            return List.of(new AgentEvent.Row(new RowDraft(id, kind[1], null, null, null, null, Rows.search(text),
                    Rows.message(kind[1], id, text, ts), null)));
        }
        String status = completed ? toolStatus(item) : "running";
        String subtitle = subtitle(type, item);
        Long duration = item.get("durationMs") instanceof JsonNumber n ? n.longValue() : null;
        String output = output(item);
        JsonObject row = Rows.tool(id, "codex", kind[0], kind[1], status, title(type), subtitle,
                output == null ? null : firstLine(output), duration, type);
        JsonObject content = Json.createObjectBuilder().add("input", item).add("output", output == null ? "" : output)
                .build();
        return List.of(new AgentEvent.Row(new RowDraft(id, "tool", kind[0], status, kind[1], duration,
                Rows.search(title(type) + " " + (subtitle == null ? "" : subtitle) + " " + (output == null ? "" : output)),
                row, content)));
    }

    private static String toolStatus(JsonObject item) {
        String s = String.valueOf(str(item, "status"));
        if (item.get("exitCode") instanceof JsonNumber code && code.intValue() != 0) {
            return "failed";
        }
        return switch (s) {
            case "failed", "declined" -> "failed";
            case "inProgress" -> "running";
            default -> "completed";
        };
    }

    private static String title(String type) {
        return switch (type) {
            case "commandExecution" -> "Shell";
            case "fileChange" -> "Edit";
            case "webSearch" -> "Web search";
            case "mcpToolCall" -> "MCP tool";
            default -> type;
        };
    }

    private static String subtitle(String type, JsonObject item) {
        return switch (type) {
            case "commandExecution" -> str(item, "command");
            case "fileChange" -> item.get("changes") instanceof JsonArray a && !a.isEmpty()
                    && a.get(0) instanceof JsonObject c ? str(c, "path") : null;
            case "mcpToolCall" -> str(item, "tool");
            case "webSearch" -> str(item, "query");
            default -> null;
        };
    }

    private static String output(JsonObject item) {
        String out = str(item, "aggregatedOutput");
        if (out == null) {
            return null;
        }
        return out.length() > MAX_OUTPUT ? out.substring(0, MAX_OUTPUT) : out;
    }

    private static String joined(JsonObject o, String key, String fallback) {
        if (o.get(key) instanceof JsonArray a && !a.isEmpty()) {
            List<String> parts = new ArrayList<>();
            a.forEach(v -> {
                if (v instanceof JsonString s) {
                    parts.add(s.getString());
                }
            });
            return String.join("\n", parts);
        }
        return fallback;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    static Object idText(JsonValue id) {
        return id instanceof JsonString s ? s.getString() : id.toString();
    }

    static String str(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static JsonObject obj(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonObject x ? x : null;
    }

    private static long num(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonNumber n ? n.longValue() : 0;
    }

    /** context_compacted, once per turn however many times the app-server reports the compaction. */
    private List<AgentEvent> compacted() {
        if (compactionAnnounced) {
            return List.of();
        }
        compactionAnnounced = true;
        return List.of(new AgentEvent.Notice("context_compacted", JsonValue.EMPTY_JSON_OBJECT));
    }
}
