package dev.flightdeck.api.approval;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.agent.SessionActions;
import dev.flightdeck.core.approval.ApprovalWire;
import dev.flightdeck.core.connector.ApprovalDecision;
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

/** Deciding a session's pending tool request (contract §1.7). */
@Path("/api/sessions/{id}/approvals/requests/{request_id}")
@Tag(name = "approvals")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class SessionApprovalResource {
    @Inject
    SessionActions actions;

    @POST
    @Path("decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or deny a pending tool request; exactly one of concurrent decisions applies")
    @APIResponse(responseCode = "200", description = "applied, or stale when no longer pending",
            content = @Content(schema = @Schema(implementation = ApprovalWire.Outcome.class)))
    @APIResponse(responseCode = "400", description = "invalid_request: decision missing or unknown",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "503", description = "connector_unavailable",
            content = @Content(schema = @Schema(ref = "Error")))
    public ApprovalWire.Outcome decide(@PathParam("id") String id, @PathParam("request_id") String requestId,
                                       JsonValue body) {
        return actions.decide(id, requestId, null, ApprovalDecision.parse(Bodies.object(body)));
    }
}
