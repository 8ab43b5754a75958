package dev.flightdeck.core.mission;

import dev.flightdeck.core.agent.MessageInput;
import dev.flightdeck.core.agent.SessionActions;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.git.Git;
import dev.flightdeck.core.mission.config.MissionBranch;
import dev.flightdeck.core.mission.config.MissionFile;
import dev.flightdeck.core.mission.config.PromptContext;
import dev.flightdeck.core.mission.config.PromptRenderer;
import dev.flightdeck.core.mission.machine.IssueEvent;
import dev.flightdeck.core.mission.tracker.TrackerIssue;
import dev.flightdeck.core.session.CreateSession;
import dev.flightdeck.core.worktree.WorktreeOperations;
import dev.flightdeck.persistence.mission.MissionEntity;
import dev.flightdeck.persistence.mission.MissionIssueEntity;
import dev.flightdeck.persistence.worktree.WorktreeEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Starts one run of an issue, with no transaction of its own, so git and the agent launch hold no lock:
 * claim (the machine), worktree on the issue's branch (reused on a retry), session, run record,
 * running, then the rendered prompt as the first turn. A failure at any step is the machine's
 * DispatchFailed, which retries with backoff.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MissionDispatch {
    private static final Logger LOG = Logger.getLogger(MissionDispatch.class.getName());

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    MissionIssues issues;

    @Inject
    MissionEffects effects;

    @Inject
    MissionStore store;

    @Inject
    WorktreeOperations worktrees;

    @Inject
    SessionActions sessions;

    /** Renders prompts on the container's threads, so a slow template is bounded without unmanaged ones. */
    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    /**
     * @param snapshot the issue as the tracker has it now (for the prompt)
     * @param fence the scheduler's lease token, or null for a dispatch asked for through the API
     * @return the session id, or null when the run could not start (the issue is then retry_queued or failed)
     */
    public String dispatch(String issueRowId, String provider, TrackerIssue snapshot, Long fence) {
        effects.run(issues.apply(issueRowId, new IssueEvent.Claimed(provider), fence));
        MissionIssueEntity issue = store.issue(issueRowId);
        MissionEntity mission = store.find(issue.missionId);
        MissionFile file = MissionConfigs.inForce(mission);
        try {
            WorktreeEntity worktree = worktreeFor(mission, issue, file);
            String prompt = new PromptRenderer(executor).render(file.promptTemplate(), PromptContext.of(snapshot, issue.attempt,
                    issue.retryKind, worktree.worktreePath, file.config(), mission.id, mission.name));
            if (prompt.isBlank()) {
                throw ErrorCode.INVALID_REQUEST.error("the prompt template rendered nothing for " + issue.issueIdentifier);
            }
            String sessionId = sessions.create(new CreateSession(provider, Path.of(worktree.worktreePath), null, null,
                    MissionAgents.sessionConfig(provider, file.config()))).sessionId();
            store.startRun(issueRowId, sessionId, worktree.id, worktree.branch, System.currentTimeMillis());
            effects.run(issues.apply(issueRowId, new IssueEvent.Launched(sessionId), fence));
            sessions.send(sessionId, MessageInput.text(prompt), false);
            return sessionId;
        } catch (MissionIssues.StaleLeader stale) {
            throw stale;
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warning(() -> "dispatch of " + issue.issueIdentifier + " failed: " + why);
            MissionIssueEntity now = store.issue(issueRowId);
            IssueEvent event = now.sessionId != null ? new IssueEvent.RunEnded(false, why) : new IssueEvent.DispatchFailed(why);
            effects.run(issues.apply(issueRowId, event, fence));
            return null;
        }
    }

    /**
     * The issue's worktree: the one of its last run when it is still on disk (a retry continues there,
     * on the same branch), else a new one on {@code mission/<identifier>} from the base branch
     * ({@code origin/<base>} after a fetch when the repository has an origin).
     */
    WorktreeEntity worktreeFor(MissionEntity mission, MissionIssueEntity issue, MissionFile file) {
        if (issue.worktreeId != null) {
            WorktreeEntity known = em.find(WorktreeEntity.class, issue.worktreeId);
            if (known != null && "active".equals(known.status) && Files.isDirectory(Path.of(known.worktreePath))) {
                return known;
            }
        }
        Path repo = Path.of(mission.repoRoot);
        String base = file.config().orchestration().baseBranch();
        if (Git.run(repo, "remote", "get-url", "--", "origin").ok()) {
            Git.run(repo, "fetch", "--quiet", "origin", "--", base);
            if (Git.run(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", "origin/" + base + "^{commit}").ok()) {
                base = "origin/" + base;
            }
        }
        String branch = MissionBranch.of(issue.issueIdentifier);
        try {
            return worktrees.createIn(repo, branch, base, "agent", m -> ErrorCode.CREATE_FAILED.error(m));
        } catch (ApiException e) {
            throw ErrorCode.CREATE_FAILED.error("worktree for " + branch + ": " + e.getMessage());
        }
    }
}
