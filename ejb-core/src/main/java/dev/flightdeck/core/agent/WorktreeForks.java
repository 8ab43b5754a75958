package dev.flightdeck.core.agent;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.git.Git;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import dev.flightdeck.core.worktree.WorktreeRules;
import dev.flightdeck.core.worktree.WorktreeService;
import dev.flightdeck.core.worktree.WorktreeWire;
import dev.flightdeck.persistence.session.SessionEntity;
import dev.flightdeck.persistence.worktree.WorktreeEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;

/** Forking a session into a worktree of its repository: a new one on a new branch, or one that exists. */
@Stateless
public class WorktreeForks {
    @Inject
    SessionService sessions;

    @Inject
    TurnControls controls;

    @Inject
    WorktreeService worktrees;

    public record Forked(String sourceSessionId, String newSessionId, SessionWire.SessionSummary session,
                         WorktreeWire.Summary worktree) {
    }

    /**
     * Forks into a new worktree on a new branch. git runs before the source is locked; if the fork is
     * then refused, the worktree made for it goes too.
     */
    public Forked intoNew(String sourceId, String branch, String baseBranch, ForkRequest fork) {
        String problem = WorktreeRules.branchProblem(branch);
        if (problem != null) {
            throw ErrorCode.WORKTREE_CREATE_INVALID_INPUT.error("branch_name: " + problem);
        }
        Path from = Path.of(sessions.find(sourceId).currentCwd);
        WorktreeEntity w = worktrees.createIn(from, branch, baseBranch, "user",
                m -> ErrorCode.WORKTREE_CREATE_INVALID_INPUT.error(m));
        try {
            return fork(sourceId, from, fork, w);
        } catch (RuntimeException e) {
            worktrees.discardCreated(w);
            throw e;
        }
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
