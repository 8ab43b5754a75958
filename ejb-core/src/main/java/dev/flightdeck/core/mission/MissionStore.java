package dev.flightdeck.core.mission;

import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Json;
import dev.flightdeck.core.mission.config.MissionFile;
import dev.flightdeck.core.mission.config.MissionSettings;
import dev.flightdeck.core.mission.tracker.TrackerIssue;
import dev.flightdeck.persistence.mission.MissionEntity;
import dev.flightdeck.persistence.mission.MissionIssueEntity;
import dev.flightdeck.persistence.mission.MissionRunEntity;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The scheduler's short transactions over missions and their issues; nothing here does I/O besides the database. */
@Stateless
public class MissionStore {
    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    MissionEvents events;

    @Inject
    MissionLease lease;

    public MissionEntity find(String missionId) {
        MissionEntity m = missionId == null ? null : em.find(MissionEntity.class, missionId);
        if (m == null) {
            throw ErrorCode.MISSION_NOT_FOUND.error("no mission " + missionId);
        }
        return m;
    }

    public List<String> orchestrated() {
        return em.createQuery("SELECT m.id FROM MissionEntity m WHERE m.orchestrating = TRUE AND m.enabled = TRUE "
                + "AND m.paused = FALSE ORDER BY m.createdAt", String.class).getResultList();
    }

    public List<MissionIssueEntity> issues(String missionId) {
        return em.createQuery("SELECT i FROM MissionIssueEntity i WHERE i.missionId = :m ORDER BY i.createdAt, i.id",
                MissionIssueEntity.class).setParameter("m", missionId).getResultList();
    }

    public MissionIssueEntity issue(String issueRowId) {
        MissionIssueEntity i = em.find(MissionIssueEntity.class, issueRowId);
        if (i == null) {
            throw ErrorCode.ISSUE_NOT_FOUND.error("no mission issue " + issueRowId);
        }
        return i;
    }

    /**
     * Records what the mission file says now. A file that parses becomes the config in force; one that
     * does not leaves the last good one in force and shows its error.
     *
     * @param text the file, or null when it does not exist
     */
    public void recordParse(String missionId, String text, long now) {
        MissionEntity m = em.find(MissionEntity.class, missionId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            return;
        }
        String error;
        if (text == null) {
            error = MissionConfigs.file(m).getFileName() + " not found in " + m.repoRoot;
        } else {
            try {
                MissionFile f = MissionFile.parse(text);
                error = null;
                if (!text.equals(m.missionText)) {
                    m.missionText = text;
                    m.configJson = MissionSettings.json(f).toString();
                    m.promptTemplate = f.promptTemplate();
                    m.updatedAt = now;
                    events.changed(m.id);
                }
            } catch (RuntimeException e) {
                error = e.getMessage();
            }
        }
        m.lastParsedAt = now;
        if (!Objects.equals(error, m.parseError)) {
            m.parseError = error;
            m.updatedAt = now;
            events.changed(m.id);
        }
    }

    /**
     * Takes the mission's poll if it is due (its interval has passed, or a poll was asked for), and
     * announces it with mission_heartbeat.
     */
    public boolean takePoll(String missionId, long now, long intervalMs, long fence) {
        MissionEntity m = em.find(MissionEntity.class, missionId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !lease.holds(fence, now)) {
            return false;
        }
        boolean due = m.pollRequestedAt != null || m.lastPolledAt == null || now - m.lastPolledAt >= intervalMs;
        if (!due) {
            return false;
        }
        m.lastPolledAt = now;
        m.pollRequestedAt = null;
        events.heartbeat(m.id, now, now + intervalMs);
        events.listChanged();
        return true;
    }

    /** Asks for a poll at the next tick, on whichever node leads. */
    public void requestPoll(String missionId, long now) {
        MissionEntity m = find(missionId);
        m.pollRequestedAt = now;
    }

    /**
     * Records the tracker's snapshots: new issues start queued; known ones get their title, state, url,
     * labels, priority and blockers refreshed, and keep their orchestration state.
     */
    public void upsert(String missionId, List<TrackerIssue> snapshots, long now, Long fence) {
        if (fence != null && !lease.holds(fence, now)) {
            throw new MissionIssues.StaleLeader();
        }
        boolean changed = false;
        // One read of the mission's rows, not one query per snapshot: a tick re-reads every tracked issue.
        java.util.Map<String, MissionIssueEntity> known = new java.util.HashMap<>();
        for (MissionIssueEntity row : issues(missionId)) {
            known.put(row.issueId, row);
        }
        for (TrackerIssue t : snapshots) {
            MissionIssueEntity row = known.get(t.id());
            if (row == null) {
                row = new MissionIssueEntity();
                row.id = "mi-" + UUID.randomUUID();
                row.missionId = missionId;
                row.issueId = t.id();
                row.orchestrationState = "queued";
                row.createdAt = now;
                row.updatedAt = now;
                copy(t, row);
                em.persist(row);
                known.put(t.id(), row);
                changed = true;
            } else if (copy(t, row)) {
                row.updatedAt = now;
                changed = true;
            }
        }
        if (changed) {
            events.changed(missionId);
        }
    }

    /** Copies a snapshot's descriptive fields; the orchestration state is the machine's. Returns whether any changed. */
    static boolean copy(TrackerIssue t, MissionIssueEntity row) {
        String labels = Json.write(t.labels());
        String blockers = Json.write(t.openBlockers());
        boolean changed = !Objects.equals(row.issueIdentifier, t.identifier()) || !Objects.equals(row.issueTitle, t.title())
                || !Objects.equals(row.url, t.url()) || !Objects.equals(row.labelsJson, labels)
                || !Objects.equals(row.blockersJson, blockers) || !Objects.equals(row.priority, t.priority())
                || !Objects.equals(row.trackerCreatedAt, t.createdAt());
        row.issueIdentifier = t.identifier();
        row.issueTitle = t.title();
        row.url = t.url();
        row.labelsJson = labels;
        row.blockersJson = blockers;
        row.priority = t.priority();
        row.trackerCreatedAt = t.createdAt();
        if (row.issueState == null) {
            // The first sighting; later state changes go through the machine (TrackerSeen).
            row.issueState = t.state();
            row.trackerTerminal = t.terminal();
            changed = true;
        }
        return changed;
    }

    /** Opens the run record of a dispatched issue and marks its session as the mission's. */
    public String startRun(String issueRowId, String sessionId, String worktreeId, String branch, long now) {
        MissionIssueEntity issue = em.find(MissionIssueEntity.class, issueRowId, LockModeType.PESSIMISTIC_WRITE);
        MissionRunEntity run = new MissionRunEntity();
        run.id = "mr-" + UUID.randomUUID();
        run.missionId = issue.missionId;
        run.missionIssueId = issue.id;
        run.attempt = issue.attempt;
        run.sessionId = sessionId;
        run.provider = issue.provider == null ? "claude" : issue.provider;
        run.startedAt = now;
        em.persist(run);
        issue.worktreeId = worktreeId;
        issue.branch = branch;
        issue.sessionsUsed++;
        SessionEntity s = em.find(SessionEntity.class, sessionId);
        if (s != null) {
            s.missionId = issue.missionId;
            s.missionIssueId = issue.id;
            s.issueIdentifier = issue.issueIdentifier;
        }
        return run.id;
    }

    /** The open run of a session, if it is a mission's. */
    public MissionRunEntity openRunOf(String sessionId) {
        List<MissionRunEntity> runs = em.createQuery("SELECT r FROM MissionRunEntity r WHERE r.sessionId = :s "
                + "AND r.endedAt IS NULL", MissionRunEntity.class).setParameter("s", sessionId).getResultList();
        return runs.isEmpty() ? null : runs.get(0);
    }

    /** Spending of the issue over all its runs' sessions, the running one included, kept on the row. */
    public Budgets.Used used(String issueRowId) {
        MissionIssueEntity issue = em.find(MissionIssueEntity.class, issueRowId);
        List<?> sums = em.createNativeQuery("SELECT COALESCE(SUM(s.input_tokens + s.output_tokens), 0), "
                        + "COALESCE(SUM(s.total_cost_usd), 0) FROM sessions s WHERE s.id IN "
                        + "(SELECT r.session_id FROM mission_runs r WHERE r.mission_issue_id = ?1)")
                .setParameter(1, issueRowId).getResultList();
        Object[] r = (Object[]) sums.get(0);
        long tokens = ((Number) r[0]).longValue();
        double usd = ((Number) r[1]).doubleValue();
        if (issue != null && (issue.tokensUsed != tokens || issue.costUsd != usd)) {
            issue.tokensUsed = tokens;
            issue.costUsd = usd;
        }
        return new Budgets.Used(tokens, usd, issue == null ? 0 : issue.sessionsUsed);
    }

    /** A session as the reconciler needs it, or null. */
    public SessionEntity session(String sessionId) {
        return sessionId == null ? null : em.find(SessionEntity.class, sessionId);
    }
}
