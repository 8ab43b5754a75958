package dev.flightdeck.core.session;

import dev.flightdeck.core.time.Times;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entity → wire mapping and the list aggregations. Pure. */
public final class SessionViews {
    private SessionViews() {
    }

    public static SessionWire.SessionSummary summary(SessionEntity s, long revision) {
        return new SessionWire.SessionSummary(s.id, s.provider, s.projectPath, s.projectName, s.currentCwd, s.gitBranch,
                s.model, s.status, s.workStatus, SessionRules.listStatus(s.status, s.workStatus), s.controlMode,
                SessionRules.displayTitle(s.customName, s.summary, s.firstPrompt, s.projectName), s.customName,
                s.summary, s.firstPrompt, s.lastMessage, SessionRules.contextLine(s.projectName, s.gitBranch),
                Times.iso(s.startedAt), Times.iso(s.lastActivityAt), Times.iso(s.endedAt), s.endReason,
                s.unreadCount, s.promptCount, s.toolCount, usage(s), s.forkedFromSessionId,
                SessionRules.needsAttention(s.status, s.workStatus), revision);
    }

    public static SessionWire.SessionState state(SessionEntity s, long revision) {
        JsonObject c = SessionConfig.parse(s.configJson);
        boolean active = SessionStatus.ACTIVE.equals(s.status);
        // No agent connector is attached yet (connectors arrive with the agent issues), so every
        // turn control reads as unavailable.
        boolean connectorAttached = false;
        return new SessionWire.SessionState(s.id, s.provider, s.projectPath, s.projectName, s.currentCwd, s.gitBranch,
                s.model, s.status, s.workStatus, SessionRules.listStatus(s.status, s.workStatus), s.controlMode,
                SessionRules.displayTitle(s.customName, s.summary, s.firstPrompt, s.projectName), s.customName,
                s.summary, s.firstPrompt, s.lastMessage, SessionRules.contextLine(s.projectName, s.gitBranch),
                Times.iso(s.startedAt), Times.iso(s.lastActivityAt), Times.iso(s.endedAt), s.endReason,
                s.unreadCount, s.promptCount, s.toolCount, usage(s), s.forkedFromSessionId,
                str(c, "approval_policy"), obj(c, "approval_policy_details"), str(c, "sandbox_mode"),
                obj(c, "sandbox_policy_details"), str(c, "approvals_reviewer"), str(c, "permission_mode"),
                str(c, "collaboration_mode"), bool(c, "multi_agent"), str(c, "personality"), str(c, "service_tier"),
                str(c, "developer_instructions"), str(c, "effort"), str(c, "codex_config_mode"),
                str(c, "codex_config_profile"), str(c, "codex_model_provider"),
                active && connectorAttached, false, connectorAttached, false, null, 0, List.of(), false, 0, null,
                revision);
    }

    public static SessionWire.Counts counts(List<SessionEntity> all) {
        int active = 0, working = 0, attention = 0, ready = 0;
        for (SessionEntity s : all) {
            if (!SessionStatus.ACTIVE.equals(s.status)) {
                continue;
            }
            active++;
            switch (SessionRules.listStatus(s.status, s.workStatus)) {
                case WorkStatus.WORKING -> working++;
                case WorkStatus.PERMISSION, WorkStatus.QUESTION -> attention++;
                default -> ready++;
            }
        }
        return new SessionWire.Counts(all.size(), active, working, attention, ready);
    }

    public static SessionWire.DashboardCounts dashboardCounts(List<SessionEntity> active) {
        SessionWire.Counts c = counts(active);
        int direct = (int) active.stream().filter(s -> "direct".equals(s.controlMode)).count();
        return new SessionWire.DashboardCounts(c.attention(), c.working(), c.ready(), direct);
    }

    /** Active sessions grouped by project, most recently active project first. */
    public static List<SessionWire.ProjectGroup> projectGroups(List<SessionEntity> active) {
        Map<String, List<SessionEntity>> byPath = new LinkedHashMap<>();
        active.stream().sorted(Comparator.comparingLong((SessionEntity s) -> s.lastActivityAt).reversed())
                .forEach(s -> byPath.computeIfAbsent(s.projectPath, k -> new ArrayList<>()).add(s));
        List<SessionWire.ProjectGroup> groups = new ArrayList<>();
        byPath.forEach((path, sessions) -> {
            SessionWire.Counts c = counts(sessions);
            groups.add(new SessionWire.ProjectGroup(path, sessions.get(0).projectName, "local", c.attention(),
                    c.working(), c.ready(), sessions.stream().map(s -> s.id).toList(),
                    Times.iso(sessions.get(0).lastActivityAt)));
        });
        return groups;
    }

    private static SessionWire.TokenUsage usage(SessionEntity s) {
        return new SessionWire.TokenUsage(s.inputTokens, s.outputTokens, s.cachedTokens, s.contextWindow);
    }

    private static String str(JsonObject c, String f) {
        return SessionConfig.stringOrNull(c, f);
    }

    private static JsonObject obj(JsonObject c, String f) {
        JsonValue v = c.get(f);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    }

    private static Boolean bool(JsonObject c, String f) {
        JsonValue v = c.get(f);
        return v == null ? null : v.getValueType() == JsonValue.ValueType.TRUE;
    }
}
