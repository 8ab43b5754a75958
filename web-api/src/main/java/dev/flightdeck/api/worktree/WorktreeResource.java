package dev.flightdeck.api.worktree;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.worktree.NewWorktree;
import dev.flightdeck.core.worktree.WorktreeOperations;
import dev.flightdeck.core.worktree.WorktreeRemoval;
import dev.flightdeck.core.worktree.WorktreeService;
import dev.flightdeck.core.worktree.WorktreeWire;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Git worktrees and their safety-net snapshots (contract §1.14). */
@Path("/api/worktrees")
@Tag(name = "worktrees")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class WorktreeResource {
    @Inject
    WorktreeService worktrees;

    @Inject
    WorktreeOperations operations;

    @Inject
    WorktreeRemoval removal;

    @GET
    @Operation(summary = "Tracked worktrees, of one repository or all; git's own list when none are tracked")
    @APIResponse(responseCode = "200", description = "{repo_root?, worktree_revision, worktrees[]}", content = @Content(schema = @Schema(ref = "WorktreeList")))
    public WorktreeWire.Listing list(@QueryParam("repo_root") String repoRoot) {
        return worktrees.list(repoRoot);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a worktree on a new branch: {repo_path, branch_name, base_branch?}")
    @APIResponse(responseCode = "200", description = "{repo_root, worktree_revision, worktree}", content = @Content(schema = @Schema(ref = "WorktreeCreated")))
    @APIResponse(responseCode = "400", description = "create_failed", content = @Content(schema = @Schema(ref = "Error")))
    public WorktreeWire.Created create(JsonValue body) {
        return operations.create(NewWorktree.parse(Bodies.object(body)));
    }

    @POST
    @Path("discover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reconcile a repository's worktrees with git and record those made outside Flightdeck: {repo_path}")
    @APIResponse(responseCode = "200", description = "The list", content = @Content(schema = @Schema(ref = "WorktreeList")))
    @APIResponse(responseCode = "400", description = "invalid_request or not_a_repository",
            content = @Content(schema = @Schema(ref = "Error")))
    public WorktreeWire.Listing discover(JsonValue body) {
        return operations.discover(NewWorktree.repository(Bodies.object(body)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a worktree; its working files are snapshotted first")
    @APIResponse(responseCode = "200", description = "{repo_root, worktree_revision, worktree_id, deleted, ok, snapshot_id?, warnings[]}", content = @Content(schema = @Schema(ref = "WorktreeRemoved")))
    @APIResponse(responseCode = "400", description = "remove_failed (e.g. uncommitted work without force)",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "404", description = "not_found", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "409", description = "worktree_in_use: an active session works there (pass force)",
            content = @Content(schema = @Schema(ref = "Error")))
    public WorktreeWire.Removed delete(@PathParam("id") String id, @QueryParam("force") boolean force,
                                       @QueryParam("delete_branch") boolean deleteBranch,
                                       @QueryParam("delete_remote_branch") boolean deleteRemoteBranch,
                                       @QueryParam("archive_only") boolean archiveOnly) {
        return removal.delete(id, force, deleteBranch, deleteRemoteBranch, archiveOnly);
    }

    @GET
    @Path("{id}/snapshots")
    @Operation(summary = "Snapshots of a worktree, newest first")
    @APIResponse(responseCode = "200", description = "{worktree_id, snapshots[]}", content = @Content(schema = @Schema(ref = "WorktreeSnapshots")))
    @APIResponse(responseCode = "404", description = "worktree_not_found", content = @Content(schema = @Schema(ref = "Error")))
    public WorktreeWire.Snapshots snapshots(@PathParam("id") String id) {
        return worktrees.snapshots(id);
    }

    @POST
    @Path("{id}/snapshots")
    @Operation(summary = "Snapshot a worktree's working files now, untracked ones included")
    @APIResponse(responseCode = "200", description = "The snapshot", content = @Content(schema = @Schema(ref = "WorktreeSnapshot")))
    @APIResponse(responseCode = "410", description = "worktree_missing", content = @Content(schema = @Schema(ref = "Error")))
    public WorktreeWire.Snapshot snapshot(@PathParam("id") String id) {
        return operations.snapshotNow(id);
    }

    @POST
    @Path("{id}/snapshots/{snapshot_id}/restore")
    @Operation(summary = "Restore a snapshot's files exactly, into the worktree or into one created again")
    @APIResponse(responseCode = "200", description = "{worktree_id, snapshot_id, in_place, worktree_revision, worktree}", content = @Content(schema = @Schema(ref = "WorktreeRestored")))
    @APIResponse(responseCode = "404", description = "worktree_not_found or snapshot_not_found",
            content = @Content(schema = @Schema(ref = "Error")))
    public WorktreeWire.Restored restore(@PathParam("id") String id, @PathParam("snapshot_id") String snapshotId) {
        return operations.restore(id, snapshotId);
    }
}
