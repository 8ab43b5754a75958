package dev.flightdeck.api.sync;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.api.auth.BearerAuthMechanism;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.sync.SyncService;
import dev.flightdeck.core.sync.SyncWire;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/sync} (contract §1.13): a remote workspace's batch of commands. Only that
 * workspace's sync token opens it; {@link BearerAuthMechanism} leaves the refusals to this route so
 * they carry the contract's codes.
 */
@Path("/api/sync")
@Tag(name = "sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {
    @Inject
    SyncService sync;

    @Context
    HttpServletRequest request;

    public record SyncCommandEntry(long sequence, String workspaceId, String timestamp, jakarta.json.JsonObject command) {
    }

    public record SyncRequest(java.util.List<SyncCommandEntry> commands) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply a workspace's batch of commands exactly once; sequences go on from acked_through without a gap")
    @APIResponse(responseCode = "200", description = "{acked_through}", content = @Content(schema = @Schema(ref = "SyncAcked")))
    @APIResponse(responseCode = "400", description = "A malformed batch or command", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "401", description = "missing_bearer_token, invalid_workspace_token (any other kind of token too)"
            + " or workspace_not_found", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "409", description = "sync_sequence_conflict: a gap, a non-contiguous batch, or a replay that differs",
            content = @Content(schema = @Schema(ref = "Error")))
    public SyncWire.Acked sync(@RequestBody(required = true, content = @Content(schema = @Schema(ref = "SyncRequest"))) JsonValue body) {
        Object refusal = request.getAttribute(BearerAuthMechanism.SYNC_REFUSAL);
        if (refusal instanceof ErrorCode code) {
            throw code.error(code == ErrorCode.MISSING_BEARER_TOKEN ? "a workspace sync token is required (Authorization: Bearer <token>)"
                    : "the token is not a live workspace sync token");
        }
        Object tokenId = request.getAttribute(BearerAuthMechanism.SYNC_TOKEN_ID);
        if (!(tokenId instanceof String id)) {
            throw ErrorCode.INVALID_WORKSPACE_TOKEN.error("the token is not a live workspace sync token");
        }
        return sync.apply(id, Bodies.object(body));
    }
}
