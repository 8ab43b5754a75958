package dev.flightdeck.core.mission;

import dev.flightdeck.core.json.Json;
import dev.flightdeck.core.mission.config.MissionConfig;
import dev.flightdeck.core.mission.machine.IssueEvent;
import dev.flightdeck.core.mission.machine.IssueState;
import dev.flightdeck.core.mission.tracker.Tracker;
import dev.flightdeck.core.mission.tracker.TrackerException;
import dev.flightdeck.core.mission.tracker.TrackerIssue;
import dev.flightdeck.persistence.mission.MissionEntity;
import dev.flightdeck.persistence.mission.MissionIssueEntity;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One mission's share of a scheduler tick (contract §4 "Polling loop"), on the leader only, with no
 * transaction of its own: every write is a short transaction fenced by the lease token, and tracker
 * calls, git and launches happen between them, holding no lock.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MissionTick {
    private static final Logger LOG = Logger.getLogger(MissionTick.class.getName());
    /** A MISSION.md is a few KiB; anything far bigger is not one. */
    static final long MAX_FILE_BYTES = 1 << 20;
    /** How long a run's session may sit idle with no agent process before the run counts as crashed. */
    static final long DEAD_AGENT_GRACE_MS = 5_000;
    /**
     * A claim that never became a run: the node dispatching it died or lost the lease mid-dispatch.
     * Far longer than any dispatch takes (a fetch, a worktree, a launch).
     */
    static final long ABANDONED_CLAIM_MS = 120_000;

    @Inject
    MissionStore store;

    @Inject
    MissionIssues issues;

    @Inject
    MissionEffects effects;

    @Inject
    MissionTrackers trackers;

    @Inject
    MissionDispatch dispatch;

    public void tick(String missionId, long fence) {
        long now = System.currentTimeMillis();
        MissionEntity m = store.find(missionId);
        store.recordParse(missionId, read(MissionConfigs.file(m)), now);
        m = store.find(missionId);
        if (m.missionText == null) {
            return;
        }
        MissionConfig c = MissionConfigs.inForce(m).config();
        watchRuns(missionId, c, fence, now);
        if (!store.takePoll(missionId, now, c.trigger().interval() * 1000, fence)) {
            return;
        }
        if (trackers.key(m).isEmpty()) {
            return;
        }
        Tracker tracker = trackers.forMission(m);
        Map<String, TrackerIssue> seen = new HashMap<>();
        try {
            reconcile(missionId, tracker, fence, seen);
            if (c.trigger().manualOnly()) {
                return;
            }
            List<TrackerIssue> candidates = tracker.candidates(MissionTrackers.scope(c));
            candidates.forEach(t -> seen.put(t.id(), t));
            store.upsert(missionId, candidates, now, fence);
            Set<String> candidateIds = candidates.stream().map(TrackerIssue::id).collect(Collectors.toSet());
            dispatchDue(missionId, c, tracker, seen, candidateIds, fence);
        } catch (TrackerException e) {
            LOG.warning(() -> "mission " + missionId + ": tracker " + e.category() + ": " + e.getMessage());
        }
    }

    /**
     * Re-reads every issue that is not completed and feeds the tracker's state to the machine: a
     * terminal state completes the issue and ends its run (also for failed and blocked issues).
     */
    void reconcile(String missionId, Tracker tracker, long fence, Map<String, TrackerIssue> seen) {
        List<MissionIssueEntity> open = store.issues(missionId).stream()
                .filter(i -> !IssueState.COMPLETED.wire().equals(i.orchestrationState)).toList();
        if (open.isEmpty()) {
            return;
        }
        Map<String, MissionIssueEntity> byIssue = open.stream()
                .collect(Collectors.toMap(i -> i.issueId, i -> i, (a, b) -> a));
        for (TrackerIssue t : tracker.byIds(byIssue.keySet())) {
            seen.put(t.id(), t);
            MissionIssueEntity row = byIssue.get(t.id());
            if (row != null && (!Objects.equals(row.issueState, t.state()) || row.trackerTerminal != t.terminal())) {
                effects.run(issues.apply(row.id, new IssueEvent.TrackerSeen(t.state(), t.terminal()), fence));
            }
        }
        store.upsert(missionId, List.copyOf(seen.values()), System.currentTimeMillis(), fence);
    }

    /** Runs whose session ended or crashed, stalled, or spent their budget. Database reads only. */
    void watchRuns(String missionId, MissionConfig c, long fence, long now) {
        for (MissionIssueEntity row : store.issues(missionId)) {
            if (IssueState.CLAIMED.wire().equals(row.orchestrationState) && row.startedAt != null
                    && now - row.startedAt > ABANDONED_CLAIM_MS) {
                effects.run(issues.apply(row.id, new IssueEvent.DispatchFailed("the dispatch did not finish"), fence));
                continue;
            }
            if (!IssueState.RUNNING.wire().equals(row.orchestrationState)) {
                continue;
            }
            SessionEntity s = store.session(row.sessionId);
            IssueEvent event = null;
            java.util.Optional<String> over = Budgets.exceeded(c.budget(), store.used(row.id));
            if (over.isPresent()) {
                event = new IssueEvent.BudgetExceeded(over.get());
            } else if (s == null || "ended".equals(s.status)) {
                event = new IssueEvent.RunEnded(false, "the run's session ended"
                        + (s == null || s.endReason == null ? "" : " (" + s.endReason + ")"));
            } else if (s.currentTurnId != null) {
                long idle = now - (s.lastProgressAt != null ? s.lastProgressAt : s.lastActivityAt);
                long limit = c.orchestration().stallTimeout() * 1000;
                if (limit > 0 && idle > limit) {
                    event = new IssueEvent.Stalled(idle / 1000);
                }
            } else if (s.providerPid == null && now - s.lastActivityAt > DEAD_AGENT_GRACE_MS) {
                event = new IssueEvent.RunEnded(false, "the run's agent is no longer running");
            }
            if (event != null) {
                try {
                    effects.run(issues.apply(row.id, event, fence));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "mission " + missionId + ": watching " + row.issueIdentifier + " failed", e);
                }
            }
        }
    }

    void dispatchDue(String missionId, MissionConfig c, Tracker tracker, Map<String, TrackerIssue> seen,
                     Set<String> candidateIds, long fence) {
        long now = System.currentTimeMillis();
        List<MissionIssueEntity> rows = store.issues(missionId);
        Map<String, MissionIssueEntity> byId = rows.stream().collect(Collectors.toMap(r -> r.id, r -> r));
        List<DispatchPlan.Row> plan = new ArrayList<>();
        for (MissionIssueEntity r : rows) {
            plan.add(planRow(r, candidateIds.contains(r.issueId)));
        }
        for (DispatchPlan.Pick pick : DispatchPlan.pick(plan, c, now)) {
            MissionIssueEntity row = byId.get(pick.id());
            java.util.Optional<String> noSession = Budgets.noSessionLeft(c.budget(), row.sessionsUsed);
            if (noSession.isPresent()) {
                effects.run(issues.apply(row.id, new IssueEvent.BudgetExceeded(noSession.get()), fence));
                continue;
            }
            TrackerIssue snapshot = seen.get(row.issueId);
            if (snapshot == null) {
                List<TrackerIssue> fresh = tracker.byIds(List.of(row.issueId));
                if (fresh.isEmpty()) {
                    continue;
                }
                snapshot = fresh.get(0);
            }
            dispatch.dispatch(row.id, pick.provider(), snapshot, fence);
        }
    }

    static DispatchPlan.Row planRow(MissionIssueEntity r, boolean candidate) {
        return new DispatchPlan.Row(r.id, IssueState.fromWire(r.orchestrationState).orElse(IssueState.QUEUED), r.provider,
                r.priority, r.trackerCreatedAt == null ? 0 : r.trackerCreatedAt, r.createdAt, r.issueIdentifier,
                r.issueState, r.trackerTerminal, strings(r.labelsJson), strings(r.blockersJson), r.retryDueAt, candidate);
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<Object> values = Json.read(json, List.class);
        return values.stream().map(String::valueOf).toList();
    }

    static String read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                return null;
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
