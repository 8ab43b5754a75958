package dev.flightdeck.core.session.machine;

import dev.flightdeck.core.agent.AgentRules;
import dev.flightdeck.core.session.SessionRules;
import dev.flightdeck.core.time.Times;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code session_delta} changes between two states: every wire field whose value differs, null
 * where it was cleared. Derived fields (display title, steerable, list status…) are computed from the
 * state the same way the snapshot computes them, so a delta can never disagree with a refetch.
 */
public final class SessionDelta {
    private SessionDelta() {
    }

    public static JsonObject between(SessionState before, SessionState after) {
        Map<String, Object> a = wire(before);
        Map<String, Object> b = wire(after);
        JsonObjectBuilder changes = Json.createObjectBuilder();
        b.forEach((field, value) -> {
            if (!Objects.equals(a.get(field), value)) {
                changes.add(field, json(value));
            }
        });
        return changes.build();
    }

    /** A new session's delta: every wire field it has. */
    public static JsonObject created(SessionState s) {
        SessionState none = new SessionState();
        none.id = s.id;
        none.provider = s.provider;
        return between(none, s);
    }

    /** The session's wire fields a transition can change, by their wire names. */
    static Map<String, Object> wire(SessionState s) {
        AgentRules.Facts f = s.facts();
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("status", s.status);
        w.put("work_status", s.workStatus);
        w.put("control_mode", s.controlMode);
        w.put("lifecycle_state", SessionRules.lifecycleState(s.status));
        w.put("list_status", SessionRules.listStatus(s.status, s.workStatus));
        w.put("current_turn_id", s.currentTurnId);
        w.put("turn_count", s.turnCount);
        w.put("accepts_user_input", AgentRules.acceptsUserInput(f));
        w.put("steerable", AgentRules.steerable(f));
        w.put("connector_attached", AgentRules.connectorAttached(f));
        w.put("can_interrupt", AgentRules.canInterrupt(f));
        w.put("model", s.model);
        w.put("custom_name", s.customName);
        w.put("summary", s.summary);
        w.put("first_prompt", s.firstPrompt);
        w.put("last_message", s.lastMessage);
        w.put("display_title", SessionRules.displayTitle(s.customName, s.summary, s.firstPrompt, s.projectName,
                s.projectPath));
        w.put("context_line", SessionRules.contextLine(s.summary, s.firstPrompt, s.lastMessage));
        w.put("attention_reason", s.attentionReason);
        w.put("ended_at", Times.iso(s.endedAt));
        w.put("end_reason", s.endReason);
        w.put("codex".equals(s.provider) ? "codex_thread_id" : "claude_session_id", s.providerSessionId);
        w.put("unread_count", s.unreadCount);
        w.put("approval_version", s.approvalVersion);
        w.put("total_cost_usd", s.totalCostUsd);
        w.put("has_turn_diff", s.hasTurnDiff);
        w.put("tool_count", s.toolCount);
        w.put("last_tool", s.lastTool);
        w.put("forked_from_session_id", s.forkedFromSessionId);
        w.put("last_activity_at", Times.iso(s.lastActivityAt));
        return w;
    }

    private static JsonValue json(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Integer i) {
            return Json.createValue(i);
        }
        if (v instanceof Long l) {
            return Json.createValue(l);
        }
        if (v instanceof Double d) {
            return Json.createValue(d);
        }
        return Json.createValue(v.toString());
    }
}
