package dev.flightdeck.core.mission;

import dev.flightdeck.core.agent.MessageInput;
import dev.flightdeck.core.agent.SessionActions;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.mission.machine.IssueEffect;
import dev.flightdeck.core.mission.tracker.Tracker;
import dev.flightdeck.core.mission.tracker.TrackerException;
import dev.flightdeck.persistence.mission.MissionEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a decision's effects once its transaction has committed, holding no lock: ending a session
 * stops a process, tracker writes go over the network, a nudge starts a turn. Each is best effort: a
 * tracker that is down leaves the issue's state as decided, and the next poll reconciles.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MissionEffects {
    private static final Logger LOG = Logger.getLogger(MissionEffects.class.getName());

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    SessionActions sessions;

    @Inject
    MissionTrackers trackers;

    public void run(MissionIssues.Applied applied) {
        Tracker tracker = null;
        for (IssueEffect e : applied.effects()) {
            try {
                if (e instanceof IssueEffect.EndSession end) {
                    endSession(end.sessionId());
                } else if (e instanceof IssueEffect.Nudge n) {
                    sessions.send(n.sessionId(), MessageInput.text(n.text()), false);
                } else if (e instanceof IssueEffect.MoveTracker m) {
                    tracker = tracker != null ? tracker : tracker(applied);
                    tracker.moveToState(applied.trackerIssueId(), m.stateName());
                } else if (e instanceof IssueEffect.Comment c) {
                    tracker = tracker != null ? tracker : tracker(applied);
                    tracker.postComment(applied.trackerIssueId(), c.body());
                }
            } catch (TrackerException | ApiException failed) {
                LOG.log(Level.WARNING, () -> "mission " + applied.missionId() + " issue " + applied.issueRowId() + ": "
                        + e.getClass().getSimpleName() + " failed: " + failed.getMessage());
            } catch (RuntimeException failed) {
                LOG.log(Level.WARNING, "mission " + applied.missionId() + " issue " + applied.issueRowId() + ": "
                        + e.getClass().getSimpleName() + " failed", failed);
            }
        }
    }

    void endSession(String sessionId) {
        try {
            sessions.end(sessionId);
        } catch (ApiException alreadyOver) {
            // Ended already (by the agent, a person, or a crash): nothing left to stop.
        }
    }

    private Tracker tracker(MissionIssues.Applied applied) {
        return trackers.forMission(em.find(MissionEntity.class, applied.missionId()));
    }
}
