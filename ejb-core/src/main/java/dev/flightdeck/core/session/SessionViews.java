package dev.flightdeck.core.session;

import dev.flightdeck.core.agent.AgentRules;
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
    /**
     * Token totals in lists and detail are whole-session figures (per-turn figures are in usage/turns), so
     * their kind is lifetime_totals once a turn has reported, compaction_reset right after a compaction.
     */
    static String snapshotKind(SessionEntity s) {
        return s.usageSnapshotKind == null ? "unknown" : s.usageSnapshotKind;
    }

    private SessionViews() {
    }

    static String title(SessionEntity s) {
        return SessionRules.displayTitle(s.customName, s.summary, s.firstPrompt, s.projectName, s.projectPath);
    }

    static String context(SessionEntity s) {
        return SessionRules.contextLine(s.summary, s.firstPrompt, s.lastMessage);
    }

    /** The facts the agent rules read, from the session row and whether its connector is installed here. */
    public static dev.flightdeck.core.agent.AgentRules.Facts facts(SessionEntity s, boolean installed) {
        return new dev.flightdeck.core.agent.AgentRules.Facts(s.provider, "direct".equals(s.controlMode),
                SessionStatus.ACTIVE.equals(s.status), installed, s.providerPid != null, s.currentTurnId != null,
                s.workStatus, s.turnCount);
    }

    public static SessionWire.SessionSummary summary(SessionEntity s, long revision, boolean installed) {
        JsonObject c = SessionConfig.parse(s.configJson);
        var f = facts(s, installed);
        return new SessionWire.SessionSummary(s.id, s.provider, s.projectPath, s.projectName, s.model, s.customName,
                s.summary, s.firstPrompt, s.lastMessage, s.status, s.workStatus, s.controlMode,
                SessionRules.lifecycleState(s.status), AgentRules.acceptsUserInput(f), AgentRules.steerable(f), usage(s),
                snapshotKind(s), WorkStatus.PERMISSION.equals(s.workStatus) || WorkStatus.QUESTION.equals(s.workStatus),
                str(c, "approval_policy"), obj(c, "approval_policy_details"), str(c, "sandbox_mode"),
                obj(c, "sandbox_policy_details"), str(c, "permission_mode"), Boolean.TRUE.equals(bool(c, "allow_bypass_permissions")),
                str(c, "collaboration_mode"),
                bool(c, "multi_agent"), str(c, "personality"), str(c, "service_tier"), str(c, "developer_instructions"),
                str(c, "codex_config_mode"), str(c, "codex_config_profile"), str(c, "codex_model_provider"),
                Times.iso(s.startedAt), Times.iso(s.lastActivityAt), s.gitBranch, s.currentCwd, str(c, "effort"),
                revision, s.worktreeId != null, s.unreadCount, s.hasTurnDiff, title(s), context(s),
                SessionRules.listStatus(s.status, s.workStatus), s.activeWorkerCount, s.forkedFromSessionId, Times.iso(s.endedAt),
                s.endReason, list(c, "allowed_tools"), list(c, "disallowed_tools"), list(c, "skills"));
    }

    public static SessionWire.SessionListItem listItem(SessionEntity s, long revision) {
        JsonObject c = SessionConfig.parse(s.configJson);
        return new SessionWire.SessionListItem(s.id, s.provider, s.projectPath, s.projectName, s.gitBranch, s.model,
                s.status, s.workStatus, s.controlMode, SessionRules.lifecycleState(s.status), s.currentTurnId != null,
                Times.iso(s.startedAt), Times.iso(s.lastActivityAt), s.unreadCount, s.hasTurnDiff, s.worktreeId != null,
                s.inputTokens + s.outputTokens, s.totalCostUsd, s.inputTokens, s.outputTokens, s.cachedTokens, title(s),
                context(s), SessionRules.listStatus(s.status, s.workStatus), str(c, "effort"), revision,
                s.activeWorkerCount, s.forkedFromSessionId);
    }

    public static SessionWire.DashboardConversation conversation(SessionEntity s) {
        JsonObject c = SessionConfig.parse(s.configJson);
        return new SessionWire.DashboardConversation(s.id, s.provider, s.projectPath, s.projectName, s.gitBranch,
                s.worktreeId != null, s.model, s.status, s.workStatus, s.controlMode, SessionRules.lifecycleState(s.status),
                SessionRules.listStatus(s.status, s.workStatus), title(s), context(s), s.lastMessage,
                Times.iso(s.startedAt), Times.iso(s.lastActivityAt), s.unreadCount, s.hasTurnDiff, s.toolCount, s.activeWorkerCount,
                str(c, "effort"));
    }

    public static SessionWire.SessionState state(SessionEntity s, long revision, boolean installed) {
        return state(s, revision, installed, List.of(), List.of(), s.rowCount > 0);
    }

    /** With the newest rows and the turn diffs, when the caller asked for them. */
    public static SessionWire.SessionState state(SessionEntity s, long revision, boolean installed, List<Object> rows,
                                                 List<Object> turnDiffs, boolean hasMoreBefore) {
        return state(s, revision, installed, rows, turnDiffs, hasMoreBefore, List.of());
    }

    /** With the subagents the detail shows (all active, the few most recent others). */
    public static SessionWire.SessionState state(SessionEntity s, long revision, boolean installed, List<Object> rows,
                                                 List<Object> turnDiffs, boolean hasMoreBefore,
                                                 List<Object> subagents) {
        JsonObject c = SessionConfig.parse(s.configJson);
        var f = facts(s, installed);
        return new SessionWire.SessionState(s.id, s.provider, s.projectPath, s.projectName, s.model, s.customName,
                s.summary, s.firstPrompt, s.lastMessage, s.status, s.workStatus, s.controlMode,
                SessionRules.lifecycleState(s.status), AgentRules.acceptsUserInput(f), AgentRules.steerable(f),
                AgentRules.connectorAttached(f), AgentRules.canInterrupt(f), str(c, "permission_mode"),
                Boolean.TRUE.equals(bool(c, "allow_bypass_permissions")),
                str(c, "collaboration_mode"), bool(c, "multi_agent"), str(c, "personality"), str(c, "service_tier"),
                str(c, "developer_instructions"), str(c, "codex_config_mode"), str(c, "codex_config_profile"),
                str(c, "codex_model_provider"), usage(s), snapshotKind(s), str(c, "approval_policy"),
                obj(c, "approval_policy_details"), str(c, "sandbox_mode"), obj(c, "sandbox_policy_details"),
                str(c, "approvals_reviewer"), Times.iso(s.startedAt), Times.iso(s.lastActivityAt),
                Times.iso(s.endedAt), s.endReason, s.forkedFromSessionId, revision, s.currentTurnId, s.turnCount,
                turnDiffs, s.gitBranch, s.currentCwd, subagents, str(c, "effort"), s.worktreeId != null, s.unreadCount,
                rows, s.rowCount, hasMoreBefore, title(s), context(s),
                SessionRules.listStatus(s.status, s.workStatus), s.repositoryRoot, s.worktreeId,
                list(c, "allowed_tools"), list(c, "disallowed_tools"), list(c, "skills"), str(c, "codex_config_source"),
                s.activeWorkerCount);
    }

    /** Counts over active sessions; total is filled in by the caller from all sessions. */
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

    /** Active sessions grouped by project, groups sorted by name, sessions most recent first. */
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
        groups.sort(Comparator.comparing(SessionWire.ProjectGroup::name).thenComparing(SessionWire.ProjectGroup::path));
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

    /** A list setting, or null (omitted on the wire) when the session has none. */
    private static List<String> list(JsonObject c, String f) {
        return c.containsKey(f) ? SessionConfig.strings(c, f) : null;
    }

    private static Boolean bool(JsonObject c, String f) {
        JsonValue v = c.get(f);
        return v == null ? null : v.getValueType() == JsonValue.ValueType.TRUE;
    }
}
