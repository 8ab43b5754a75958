package dev.flightdeck.core.mission;

import dev.flightdeck.core.auth.TokenKind;
import dev.flightdeck.core.auth.TokenService;
import dev.flightdeck.core.mission.machine.IssueEvent;
import dev.flightdeck.core.mission.config.MissionConfig;
import dev.flightdeck.core.mission.tools.BudgetStatus;
import dev.flightdeck.core.mission.tools.CommitResult;
import dev.flightdeck.core.mission.tools.MissionRunEvents;
import dev.flightdeck.core.mission.tools.MissionToolContext;
import dev.flightdeck.core.mission.tools.MissionToolGrants;
import dev.flightdeck.core.mission.tools.ToolGrant;
import dev.flightdeck.core.mission.tracker.Tracker;
import dev.flightdeck.core.mission.tracker.TrackerKind;
import dev.flightdeck.persistence.mission.MissionEntity;
import dev.flightdeck.persistence.mission.MissionIssueEntity;
import dev.flightdeck.persistence.mission.MissionRunEntity;
import dev.flightdeck.persistence.worktree.WorktreeEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A run's side of the mission tools: the token an agent is launched with, what that token is bound
 * to, and what the agent's tool calls do to its issue. Each tool event is its own transaction, and
 * its effects run after it commits.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MissionRuns implements MissionRunEvents, MissionToolGrants {
    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    MissionIssues issues;

    @Inject
    MissionEffects effects;

    @Inject
    MissionRunTokens runTokens;

    @Inject
    MissionTrackers trackers;

    @Inject
    MissionStore store;

    @Override
    public Optional<MissionToolContext> contextOf(String toolTokenId) {
        if (toolTokenId == null) {
            return Optional.empty();
        }
        List<MissionRunEntity> runs = em.createQuery("SELECT r FROM MissionRunEntity r WHERE r.toolTokenId = :t "
                + "AND r.endedAt IS NULL", MissionRunEntity.class).setParameter("t", toolTokenId).getResultList();
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        MissionRunEntity run = runs.get(0);
        MissionIssueEntity issue = em.find(MissionIssueEntity.class, run.missionIssueId);
        MissionEntity mission = issue == null ? null : em.find(MissionEntity.class, issue.missionId);
        if (mission == null) {
            return Optional.empty();
        }
        return Optional.of(new MissionToolContext(mission.id, issue.id, run.id, run.sessionId,
                TrackerKind.fromWire(mission.trackerKind).orElse(TrackerKind.LINEAR), issue.issueId,
                issue.issueIdentifier));
    }

    @Override
    public Tracker trackerFor(MissionToolContext ctx) {
        return trackers.forMission(em.find(MissionEntity.class, ctx.missionId()));
    }

    @Override
    public void prLinked(MissionToolContext ctx, String url) {
        effects.run(issues.apply(ctx.missionIssueId(), new IssueEvent.PrLinked(url), null));
    }

    @Override
    public void statusSet(MissionToolContext ctx, String state, boolean terminal) {
        effects.run(issues.apply(ctx.missionIssueId(), new IssueEvent.StatusSet(state, terminal), null));
    }

    @Override
    public void blocked(MissionToolContext ctx, String reason) {
        effects.run(issues.apply(ctx.missionIssueId(), new IssueEvent.ReportedBlocked(reason), null));
    }

    @Override
    public BudgetStatus budget(MissionToolContext ctx) {
        MissionConfig.Budget caps = MissionConfigs.inForce(em.find(MissionEntity.class, ctx.missionId())).config().budget();
        if (caps.isUnlimited()) {
            return null;
        }
        Budgets.Used used = store.used(ctx.missionIssueId());
        return new BudgetStatus(used.tokens(), used.usd(), used.sessions(), caps.maxTokens(), caps.maxUsd(),
                caps.maxSessions(), Budgets.warning(caps, used).orElse(null));
    }

    @Override
    public CommitResult commit(MissionToolContext ctx, String message) {
        MissionIssueEntity issue = em.find(MissionIssueEntity.class, ctx.missionIssueId());
        WorktreeEntity worktree = issue == null || issue.worktreeId == null ? null
                : em.find(WorktreeEntity.class, issue.worktreeId);
        if (worktree == null || worktree.worktreePath == null
                || !java.nio.file.Files.isDirectory(java.nio.file.Path.of(worktree.worktreePath))) {
            return CommitResult.failed("this run has no worktree to commit in");
        }
        // No transaction here (NOT_SUPPORTED): git runs with no database lock held.
        return MissionCommits.commit(java.nio.file.Path.of(worktree.worktreePath), message);
    }

    @Override
    public void statusComment(MissionToolContext ctx, String commentId) {
        runTokens.statusComment(ctx.missionIssueId(), commentId);
    }

    @Override
    public Optional<ToolGrant> grantFor(String sessionId) {
        return runTokens.grant(sessionId);
    }
}
