package dev.flightdeck.core.codex;

import dev.flightdeck.core.connector.AgentEvent;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Codex's subagents, from its app-server items: a {@code collabAgentToolCall} (spawnAgent, wait,
 * closeAgent, …) names the collaborator threads it touches and their last known states, and a
 * {@code subAgentActivity} reports one thread's start and end. A subagent's id is its thread's id;
 * notifications of such a thread are that subagent's own, mapped like the main thread's. Pure apart
 * from the threads one process has seen.
 */
final class CodexSubagents {
    static final int MAX_SUMMARY = 2000;

    private final Map<String, CodexMapper> nested = new HashMap<>();

    /** A thread this process has seen spawned: its notifications are a subagent's, not the session's. */
    boolean isSubagentThread(String threadId) {
        return threadId != null && nested.containsKey(threadId);
    }

    /** The subagent changes an item reports; empty for items of other types. */
    List<AgentEvent> fromItem(JsonObject item) {
        String type = String.valueOf(CodexMapper.str(item, "type"));
        List<AgentEvent> out = new ArrayList<>();
        if ("collabAgentToolCall".equals(type)) {
            boolean spawn = "spawnAgent".equals(CodexMapper.str(item, "tool"));
            JsonObject states = item.get("agentsStates") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            List<String> threads = new ArrayList<>();
            if (spawn && item.get("receiverThreadIds") instanceof JsonArray ids) {
                ids.forEach(v -> {
                    if (v instanceof jakarta.json.JsonString s) {
                        threads.add(s.getString());
                    }
                });
            }
            states.keySet().stream().filter(k -> !threads.contains(k)).forEach(threads::add);
            for (String thread : threads) {
                seen(thread);
                JsonObject state = states.get(thread) instanceof JsonObject s ? s : null;
                String status = state == null ? (spawn ? "pending" : null) : status(CodexMapper.str(state, "status"));
                String message = state == null ? null : bounded(CodexMapper.str(state, "message"));
                boolean failed = "failed".equals(status);
                boolean ended = status != null && !"pending".equals(status) && !"running".equals(status);
                out.add(new AgentEvent.Subagent(thread, status, null, null,
                        spawn ? bounded(CodexMapper.str(item, "prompt")) : null,
                        ended && !failed ? message : null, failed ? message : null,
                        spawn ? CodexMapper.str(item, "model") : null, null));
            }
        } else if ("subAgentActivity".equals(type)) {
            String thread = CodexMapper.str(item, "agentThreadId");
            if (thread != null) {
                seen(thread);
                String status = switch (String.valueOf(CodexMapper.str(item, "kind"))) {
                    case "started", "interacted" -> "running";
                    case "interrupted" -> "interrupted";
                    case "completed" -> "completed";
                    default -> null;
                };
                out.add(new AgentEvent.Subagent(thread, status, null, CodexMapper.str(item, "agentPath"), null, null,
                        null, CodexMapper.str(item, "model"), null));
            }
        }
        return out;
    }

    /** A notification of a subagent's thread: its items become that subagent's rows; nothing else counts. */
    List<AgentEvent> nested(String threadId, JsonObject msg, long now) {
        String method = String.valueOf(CodexMapper.str(msg, "method"));
        if (!"item/started".equals(method) && !"item/completed".equals(method)) {
            // Its turns and token counts are its own: they must not end or bill the session's turn.
            return List.of();
        }
        List<AgentEvent> out = new ArrayList<>();
        for (AgentEvent e : seen(threadId).map(msg, now)) {
            if (e instanceof AgentEvent.Row r) {
                out.add(new AgentEvent.SubagentRow(threadId, r.row()));
            } else if (e instanceof AgentEvent.Subagent s) {
                out.add(new AgentEvent.Subagent(s.id(), s.status(), s.agentType(), s.label(), s.taskSummary(),
                        s.resultSummary(), s.errorSummary(), s.model(), threadId));
            }
        }
        return out;
    }

    /** The contract's status for a CollabAgentStatus. */
    static String status(String collab) {
        if (collab == null) {
            return null;
        }
        return switch (collab) {
            case "pendingInit" -> "pending";
            case "running" -> "running";
            case "interrupted" -> "interrupted";
            case "completed" -> "completed";
            case "errored" -> "failed";
            case "shutdown" -> "shutdown";
            case "notFound" -> "not_found";
            default -> null;
        };
    }

    private CodexMapper seen(String thread) {
        return nested.computeIfAbsent(thread, k -> new CodexMapper());
    }

    private static String bounded(String s) {
        return s == null || s.length() <= MAX_SUMMARY ? s : s.substring(0, MAX_SUMMARY) + "…";
    }
}
