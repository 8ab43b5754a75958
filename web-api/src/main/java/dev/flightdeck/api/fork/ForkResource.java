package dev.flightdeck.api.fork;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.agent.ForkRequest;
import dev.flightdeck.core.agent.SessionActions;
import dev.flightdeck.core.agent.WorktreeForks;
import dev.flightdeck.core.json.Fields;
import dev.flightdeck.core.session.SessionWire;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Forking a session: in place, into a new worktree or into a tracked one (contract §1.3, §1.14). */
@Path("/api/sessions/{id}/lifecycle/fork")
@Tag(name = "forks")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class ForkResource {
    @Inject
    SessionActions actions;

    @Inject
    WorktreeForks worktreeForks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new session continuing this conversation, whole or before its nth user message")
    @APIResponse(responseCode = "200", description = "Forked")
    @APIResponse(responseCode = "422", description = "invalid_argument (nth_user_message) or fork_failed",
            content = @Content(schema = @Schema(ref = "Error")))
    public SessionWire.Forked fork(@PathParam("id") String id, JsonValue body) {
        return actions.fork(id, ForkRequest.parse(Bodies.object(body)));
    }
    @POST
    @Path("worktree")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fork into a new worktree of the session's repository: {branch_name, base_branch?, nth_user_message?}")
    @APIResponse(responseCode = "200", description = "The fork, with its worktree")
    @APIResponse(responseCode = "400", description = "worktree_create_invalid_input",
            content = @Content(schema = @Schema(ref = "Error")))
    public WorktreeForks.Forked forkToWorktree(@PathParam("id") String id, JsonValue body) {
        JsonObject b = Bodies.object(body);
        return worktreeForks.intoNew(id, b == null ? null : Fields.optionalString(b, "branch_name"),
                b == null ? null : Fields.optionalString(b, "base_branch"), ForkRequest.parse(b));
    }
    @POST
    @Path("existing-worktree")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fork into a worktree Flightdeck tracks: {worktree_id, nth_user_message?}")
    @APIResponse(responseCode = "200", description = "The fork, with its worktree")
    @APIResponse(responseCode = "400", description = "worktree_repo_mismatch", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "404", description = "worktree_not_found", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "410", description = "worktree_missing", content = @Content(schema = @Schema(ref = "Error")))
    public WorktreeForks.Forked forkToExistingWorktree(@PathParam("id") String id, JsonValue body) {
        JsonObject b = Bodies.object(body);
        return worktreeForks.intoExisting(id, b == null ? null : Fields.optionalString(b, "worktree_id"),
                ForkRequest.parse(b));
    }
}
