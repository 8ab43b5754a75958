package dev.flightdeck.core.mission;

import dev.flightdeck.core.auth.TokenService;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.mission.machine.IssueDecision;
import dev.flightdeck.core.mission.machine.IssueEffect;
import dev.flightdeck.core.mission.machine.IssueEvent;
import dev.flightdeck.core.mission.machine.IssueFacts;
import dev.flightdeck.core.mission.machine.IssueMachine;
import dev.flightdeck.persistence.mission.MissionEntity;
import dev.flightdeck.persistence.mission.MissionIssueEntity;
import dev.flightdeck.persistence.mission.MissionRunEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The only writer of an issue's orchestration state: lock the row, let {@link IssueMachine} decide,
 * write the result back, close the run it ends, publish. The effects that need I/O (ending a session,
 * tracker writes, nudges) are returned for the caller to run after this transaction commits.
 */
@Stateless
public class MissionIssues {
    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    MissionEvents events;

    @Inject
    MissionLease lease;

    @Inject
    TokenService tokens;

    /** What was decided, with the ids the effects need. */
    public record Applied(String missionId, String issueRowId, String trackerIssueId, IssueDecision decision) {
        public List<IssueEffect> effects() {
            return decision.effects();
        }
    }

    /**
     * @param fence the scheduler's lease token, or null for a person's or an agent's action; a stale
     *     token refuses the write
     */
    public Applied apply(String issueRowId, IssueEvent event, Long fence) {
        long now = System.currentTimeMillis();
        MissionIssueEntity row = em.find(MissionIssueEntity.class, issueRowId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw ErrorCode.ISSUE_NOT_FOUND.error("no mission issue " + issueRowId);
        }
        if (fence != null && !lease.holds(fence, now)) {
            throw new StaleLeader();
        }
        MissionEntity mission = em.find(MissionEntity.class, row.missionId);
        IssueFacts before = IssueFacts.of(row);
        IssueDecision d = IssueMachine.decide(before, event, MissionConfigs.policy(MissionConfigs.inForce(mission).config()),
                now);
        if (!d.changedFrom(before)) {
            return new Applied(row.missionId, row.id, row.issueId, d);
        }
        d.facts().writeTo(row);
        row.updatedAt = now;
        for (IssueEffect e : d.effects()) {
            if (e instanceof IssueEffect.CloseRun c) {
                closeRun(row.id, c.outcome(), c.error(), now);
            } else if (e instanceof IssueEffect.PollSoon) {
                mission.pollRequestedAt = now;
            }
        }
        events.changed(row.missionId);
        return new Applied(row.missionId, row.id, row.issueId, d);
    }

    /** Ends the open run of the issue and revokes its tool token, so the agent's tools stop working. */
    void closeRun(String issueRowId, String outcome, String error, long now) {
        for (MissionRunEntity run : em.createQuery("SELECT r FROM MissionRunEntity r WHERE r.missionIssueId = :i "
                + "AND r.endedAt IS NULL", MissionRunEntity.class).setParameter("i", issueRowId).getResultList()) {
            run.endedAt = now;
            run.outcome = outcome;
            run.error = error;
            if (run.toolTokenId != null && tokens.isLive(run.toolTokenId)) {
                tokens.revoke(run.toolTokenId);
            }
        }
    }

    /** A scheduler write with a lease token that is no longer the lease's: another node leads now. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class StaleLeader extends RuntimeException {
        public StaleLeader() {
            super("the mission lease has moved to another node", null, false, false);
        }
    }
}
