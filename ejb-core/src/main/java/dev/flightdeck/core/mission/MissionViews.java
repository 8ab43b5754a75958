package dev.flightdeck.core.mission;

import dev.flightdeck.core.mission.config.MissionConfig;
import dev.flightdeck.core.mission.machine.IssueState;
import dev.flightdeck.core.time.Times;
import dev.flightdeck.persistence.mission.MissionEntity;
import dev.flightdeck.persistence.mission.MissionIssueEntity;
import dev.flightdeck.persistence.session.SessionEntity;
import java.util.List;
import java.util.Map;

/** Builds the wire shapes from rows. Pure. */
public final class MissionViews {
    private MissionViews() {
    }

    /**
     * disabled | paused | config_error | no_api_key | idle (the orchestrator was not started) | polling.
     */
    public static String orchestratorStatus(MissionEntity m, boolean keyResolves) {
        if (!m.enabled) {
            return "disabled";
        }
        if (m.paused) {
            return "paused";
        }
        if (m.parseError != null) {
            return "config_error";
        }
        if (!keyResolves) {
            return "no_api_key";
        }
        return m.orchestrating ? "polling" : "idle";
    }

    public static MissionWire.Summary summary(MissionEntity m, MissionConfig c, List<MissionIssueEntity> issues,
                                              String keySource, long revision) {
        int active = 0;
        int queued = 0;
        int completed = 0;
        int failed = 0;
        for (MissionIssueEntity i : issues) {
            IssueState s = IssueState.fromWire(i.orchestrationState).orElse(IssueState.QUEUED);
            if (s.active()) {
                active++;
            } else if (s == IssueState.QUEUED || s == IssueState.RETRY_QUEUED) {
                queued++;
            } else if (s == IssueState.COMPLETED) {
                completed++;
            } else {
                failed++;
            }
        }
        MissionConfig.Provider p = c.provider();
        return new MissionWire.Summary(m.id, m.name, m.repoRoot, m.enabled, m.paused, m.trackerKind, p.primary(),
                p.strategy(), p.primary(), p.secondary(), active, queued, completed, failed, m.parseError,
                orchestratorStatus(m, keySource != null), Times.iso(m.lastPolledAt), c.trigger().interval(),
                m.missionFilePath, keySource, revision);
    }

    public static MissionWire.IssueItem issue(MissionIssueEntity i, SessionEntity s, MissionConfig.Budget budget) {
        IssueState state = IssueState.fromWire(i.orchestrationState).orElse(IssueState.QUEUED);
        List<String> allowed = state.allowedTargets().stream().map(IssueState::wire).toList();
        return new MissionWire.IssueItem(i.issueId, i.issueIdentifier, i.issueTitle == null ? "" : i.issueTitle,
                i.issueState == null ? "" : i.issueState, state.wire(), i.sessionId,
                i.provider == null ? "claude" : i.provider, i.attempt, i.lastError, blankToNull(i.url),
                s == null ? null : Times.iso(s.lastActivityAt), Times.iso(i.startedAt), Times.iso(i.completedAt), allowed,
                s == null ? null : s.workStatus, s == null ? null : s.lastMessage, i.prUrl, Times.iso(i.retryDueAt),
                i.retryKind, i.holdReason, i.attemptsTotal, i.branch, i.tokensUsed, i.costUsd,
                Budgets.warning(budget, new Budgets.Used(i.tokensUsed, i.costUsd, i.sessionsUsed)).orElse(null));
    }

    public static List<MissionWire.IssueItem> issues(List<MissionIssueEntity> rows, Map<String, SessionEntity> sessions,
                                                     MissionConfig.Budget budget) {
        return rows.stream().map(i -> issue(i, i.sessionId == null ? null : sessions.get(i.sessionId), budget)).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
