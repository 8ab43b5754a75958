package dev.flightdeck.core.agent;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.git.Git;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import dev.flightdeck.core.worktree.WorktreeGit;
import dev.flightdeck.core.worktree.WorktreeOperations;
import dev.flightdeck.core.worktree.WorktreeRules;
import dev.flightdeck.core.worktree.WorktreeService;
import dev.flightdeck.core.worktree.WorktreeWire;
import dev.flightdeck.persistence.session.SessionEntity;
import dev.flightdeck.persistence.worktree.WorktreeEntity;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Forking a session into a worktree of its repository: a new one on a new branch, or one that exists. */
@Stateless
public class WorktreeForks {
    @Inject
    SessionService sessions;

    @Inject
    TurnControls controls;

    @Inject
    WorktreeService worktrees;

    @Inject
    WorktreeOperations operations;

    @Resource
    SessionContext context;

    public record Forked(String sourceSessionId, String newSessionId, SessionWire.SessionSummary session,
                         WorktreeWire.Summary worktree) {
    }

    /**
     * Forks into a new worktree on a new branch. git adds the worktree with no transaction; recording
     * it and the fork then share one, so a refused fork leaves no row and no event, and the worktree
     * made for it is taken off disk again.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Forked intoNew(String sourceId, String branch, String baseBranch, ForkRequest fork) {
        String problem = WorktreeRules.branchProblem(branch);
        if (problem != null) {
            throw ErrorCode.WORKTREE_CREATE_INVALID_INPUT.error("branch_name: " + problem);
        }
        Path from = Path.of(sessions.find(sourceId).currentCwd);
        Function<String, ApiException> failure = m -> ErrorCode.WORKTREE_CREATE_INVALID_INPUT.error(m);
        WorktreeGit.Added added = operations.add(from, branch, baseBranch, failure);
        try {
            String cwd = sameSubdirectory(from, added.path()).toString();
            return context.getBusinessObject(WorktreeForks.class).recordAndFork(sourceId, added, failure, fork.in(cwd));
        } catch (RuntimeException e) {
            operations.discard(added);
            throw e;
        }
    }

    /** The transaction of {@link #intoNew}: the worktree git added is recorded, then the session forked into it. */
    public Forked recordAndFork(String sourceId, WorktreeGit.Added added, Function<String, ApiException> failure,
                                ForkRequest fork) {
        WorktreeEntity w = worktrees.recordCreated(added, "user", failure);
        SessionWire.Forked forked = controls.fork(sourceId, fork);
        return new Forked(forked.sourceSessionId(), forked.newSessionId(), forked.session(), worktrees.describe(w));
    }

    public Forked intoExisting(String sourceId, String worktreeId, ForkRequest fork) {
        SessionEntity source = sessions.find(sourceId);
        WorktreeEntity w = worktrees.forFork(worktreeId, source.currentCwd);
        return fork(sourceId, Path.of(source.currentCwd), fork, w);
    }

    private Forked fork(String sourceId, Path sourceCwd, ForkRequest fork, WorktreeEntity w) {
        String cwd = sameSubdirectory(sourceCwd, Path.of(w.worktreePath)).toString();
        SessionWire.Forked forked = controls.fork(sourceId, fork.in(cwd));
        return new Forked(forked.sourceSessionId(), forked.newSessionId(), forked.session(), worktrees.describe(w));
    }

    /** The source's directory inside the worktree, when it worked in a subdirectory the worktree has too. */
    private static Path sameSubdirectory(Path sourceCwd, Path worktree) {
        Path top = Git.topLevel(sourceCwd);
        if (top == null) {
            return worktree;
        }
        Path inside = worktree.resolve(top.relativize(sourceCwd));
        return inside.normalize().startsWith(worktree) && Files.isDirectory(inside) ? inside : worktree;
    }
}
