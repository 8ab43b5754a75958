package dev.flightdeck.api.approval;

import dev.flightdeck.api.session.Params;
import dev.flightdeck.core.approval.ApprovalService;
import dev.flightdeck.core.approval.ApprovalWire;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** The approval history (contract §1.7). */
@Path("/api/approvals")
@Tag(name = "approvals")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class ApprovalResource {
    @Inject
    ApprovalService approvals;

    @GET
    @Operation(summary = "Approval history, newest first, optionally of one session")
    @APIResponse(responseCode = "200", description = "History",
            content = @Content(schema = @Schema(implementation = ApprovalWire.History.class)))
    public ApprovalWire.History list(@QueryParam("session_id") String sessionId, @QueryParam("limit") String limit) {
        return approvals.history(sessionId == null || sessionId.isBlank() ? null : sessionId,
                Params.intParam("limit", limit, ApprovalService.LIMIT_DEFAULT, 1, ApprovalService.LIMIT_MAX));
    }

    @DELETE
    @Path("{approval_id}")
    @Operation(summary = "Delete a decided approval from the history")
    @APIResponse(responseCode = "200", description = "Deleted",
            content = @Content(schema = @Schema(implementation = ApprovalWire.Deleted.class)))
    @APIResponse(responseCode = "404", description = "not_found", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "409", description = "approval_pending", content = @Content(schema = @Schema(ref = "Error")))
    public ApprovalWire.Deleted delete(@PathParam("approval_id") String id) {
        Long parsed = Params.optionalLong("approval_id", id);
        return approvals.delete(parsed == null ? -1 : parsed);
    }
}
