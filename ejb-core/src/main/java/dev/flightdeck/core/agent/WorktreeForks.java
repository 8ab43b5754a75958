package dev.flightdeck.core.agent;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.git.Git;
import dev.flightdeck.core.json.Fields;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import dev.flightdeck.core.worktree.WorktreeRules;
import dev.flightdeck.core.worktree.WorktreeService;
import dev.flightdeck.core.worktree.WorktreeWire;
import dev.flightdeck.persistence.session.SessionEntity;
import dev.flightdeck.persistence.worktree.WorktreeEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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

    public Forked intoNew(String sourceId, JsonObject body) {
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        SessionEntity source = sessions.lock(sourceId);
        String branch = Fields.optionalString(b, "branch_name");
        String problem = WorktreeRules.branchProblem(branch);
        if (problem != null) {
            throw ApiException.badRequest("worktree_create_invalid_input", "branch_name: " + problem);
        }
        Path from = Path.of(source.currentCwd);
        WorktreeEntity w = worktrees.createIn(from, branch, Fields.optionalString(b, "base_branch"), "user",
                m -> ApiException.badRequest("worktree_create_invalid_input", m));
        try {
            return fork(source, b, w);
        } catch (RuntimeException e) {
            // The fork was refused: the worktree made for it goes too.
            worktrees.discardCreated(w);
            throw e;
        }
    }

    public Forked intoExisting(String sourceId, JsonObject body) {
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        SessionEntity source = sessions.lock(sourceId);
        WorktreeEntity w = worktrees.forFork(Fields.optionalString(b, "worktree_id"), source.currentCwd);
        return fork(source, b, w);
    }

    private Forked fork(SessionEntity source, JsonObject body, WorktreeEntity w) {
        JsonObject forkBody = Json.createObjectBuilder(body).remove("branch_name").remove("base_branch")
                .remove("worktree_id").add("cwd", sameSubdirectory(Path.of(source.currentCwd), Path.of(w.worktreePath)).toString())
                .build();
        SessionWire.Forked forked = controls.fork(source.id, forkBody);
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
