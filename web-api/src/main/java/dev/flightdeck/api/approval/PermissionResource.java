package dev.flightdeck.api.approval;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.agent.SessionActions;
import dev.flightdeck.core.approval.ApprovalWire;
import dev.flightdeck.core.approval.PermissionGrant;
import jakarta.inject.Inject;
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

/** Granting a session's pending permission request (contract §1.7). */
@Path("/api/sessions/{id}/permissions/requests/{request_id}")
@Tag(name = "approvals")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class PermissionResource {
    @Inject
    SessionActions actions;

    @POST
    @Path("response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant a pending permission request for the turn or for the session")
    @APIResponse(responseCode = "200", description = "applied, or stale when no longer pending",
            content = @Content(schema = @Schema(implementation = ApprovalWire.Outcome.class)))
    public ApprovalWire.Outcome respondToPermission(@PathParam("id") String id,
                                                    @PathParam("request_id") String requestId, JsonValue body) {
        return actions.respondToPermission(id, requestId, PermissionGrant.parse(Bodies.object(body)));
    }
}
