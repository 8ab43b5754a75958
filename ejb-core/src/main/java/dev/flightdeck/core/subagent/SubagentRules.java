package dev.flightdeck.core.subagent;

import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.persistence.subagent.SubagentEntity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** What a subagent event does to what is known of a subagent, and which subagents a detail shows. Pure. */
public final class SubagentRules {
    /** Statuses of a subagent still at work: active_worker_count counts these. */
    public static final Set<String> ACTIVE = Set.of("pending", "running");
    public static final Set<String> STATUSES = Set.of("pending", "running", "interrupted", "completed", "failed",
            "cancelled", "shutdown", "not_found");
    /** Ended subagents a detail keeps beside the active ones, newest first (as the contract trims). */
    public static final int RECENT_INACTIVE = 4;

    private SubagentRules() {
    }

    public static boolean active(String status) {
        return ACTIVE.contains(status);
    }

    /**
     * Folds an event into the subagent. An ended subagent is not revived by a late "running" (the
     * Agent call's result and the background task's notice can come in either order).
     */
    public static void apply(SubagentEntity s, AgentEvent.Subagent e, long now) {
        if (e.status() != null && STATUSES.contains(e.status()) && (s.status == null || active(s.status)
                || !active(e.status()))) {
            s.status = e.status();
            if (!active(e.status()) && s.endedAt == null) {
                s.endedAt = now;
            }
        }
        if (s.status == null) {
            s.status = "running";
        }
        s.agentType = pick(e.agentType(), s.agentType);
        s.label = pick(e.label(), s.label);
        s.taskSummary = pick(e.taskSummary(), s.taskSummary);
        s.resultSummary = pick(e.resultSummary(), s.resultSummary);
        s.errorSummary = pick(e.errorSummary(), s.errorSummary);
        s.model = pick(e.model(), s.model);
        s.parentSubagentId = pick(e.parentSubagentId(), s.parentSubagentId);
        s.lastActivityAt = Math.max(s.lastActivityAt, now);
    }

    /** The agent process is gone: whatever was still at work was interrupted. True if it changed. */
    public static boolean interrupt(SubagentEntity s, long now) {
        if (!active(s.status)) {
            return false;
        }
        s.status = "interrupted";
        s.endedAt = now;
        s.lastActivityAt = Math.max(s.lastActivityAt, now);
        return true;
    }

    /** Every active subagent and the few most recently active ended ones, oldest first. */
    public static List<SubagentEntity> shown(List<SubagentEntity> all) {
        List<SubagentEntity> inactive = new ArrayList<>();
        List<SubagentEntity> out = new ArrayList<>();
        for (SubagentEntity s : all) {
            (active(s.status) ? out : inactive).add(s);
        }
        inactive.sort(Comparator.comparingLong((SubagentEntity s) -> s.lastActivityAt).reversed());
        out.addAll(inactive.subList(0, Math.min(RECENT_INACTIVE, inactive.size())));
        out.sort(Comparator.comparingLong((SubagentEntity s) -> s.startedAt).thenComparing(s -> s.id));
        return out;
    }

    /**
     * A terminal Claude's SubagentStart or SubagentStop hook ({@code claude_subagent_event}); null when
     * it names no usable agent. Hooks know the agent by its own id, not by the tool call that started it.
     */
    public static AgentEvent.Subagent fromClaudeHook(jakarta.json.JsonObject msg) {
        String id = msg.get("agent_id") instanceof jakarta.json.JsonString s ? s.getString() : null;
        if (id == null || id.isBlank() || id.length() > 200) {
            return null;
        }
        String event = msg.get("hook_event_name") instanceof jakarta.json.JsonString e ? e.getString() : "";
        String status = "SubagentStop".equals(event) ? "completed" : "SubagentStart".equals(event) ? "running" : null;
        String type = msg.get("agent_type") instanceof jakarta.json.JsonString t && t.getString().length() <= 200
                ? t.getString() : null;
        return new AgentEvent.Subagent(id, status, type, null, null, null, null, null, null);
    }

    private static String pick(String fresh, String known) {
        return fresh != null ? fresh : known;
    }
}
