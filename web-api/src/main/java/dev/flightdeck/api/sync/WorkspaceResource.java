package dev.flightdeck.api.sync;

import dev.flightdeck.core.sync.SyncService;
import dev.flightdeck.core.sync.SyncWire;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Workspaces and their sync tokens (Flightdeck's addition: OrbitDock mints one when it provisions a
 * remote workspace, which Flightdeck does not do itself). The token is in the creating answer only.
 */
@Path("/api/workspaces")
@Tag(name = "sync")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class WorkspaceResource {
    @Inject
    SyncService sync;

    public record WorkspaceCreateRequest(String provider, String sessionId, String missionIssueId, String externalId,
                                         String repoUrl, String branch) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a workspace and mint its sync token; the plaintext is in this response only")
    @APIResponse(responseCode = "201", description = "{workspace, sync_token}", content = @Content(schema = @Schema(ref = "WorkspaceWithToken")))
    @APIResponse(responseCode = "400", description = "A bad field", content = @Content(schema = @Schema(ref = "Error")))
    public Response create(@RequestBody(content = @Content(schema = @Schema(ref = "WorkspaceCreateRequest"))) JsonValue body) {
        return Response.status(201).entity(sync.create(body)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A workspace and how far its sync is applied")
    @APIResponse(responseCode = "200", description = "The workspace", content = @Content(schema = @Schema(ref = "Workspace")))
    @APIResponse(responseCode = "404", description = "No such workspace", content = @Content(schema = @Schema(ref = "Error")))
    public SyncWire.Workspace get(@PathParam("id") String id) {
        return sync.get(id);
    }

    @POST
    @Path("{id}/sync-token")
    @Operation(summary = "Mint a new sync token for the workspace; the old one stops working at once")
    @APIResponse(responseCode = "200", description = "{workspace, sync_token}", content = @Content(schema = @Schema(ref = "WorkspaceWithToken")))
    @APIResponse(responseCode = "404", description = "No such workspace", content = @Content(schema = @Schema(ref = "Error")))
    public SyncWire.WithToken rotate(@PathParam("id") String id) {
        return sync.rotate(id);
    }
}
