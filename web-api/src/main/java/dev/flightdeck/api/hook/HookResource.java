package dev.flightdeck.api.hook;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.hook.HookService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Claude Code hook ingestion (contract §1.1): terminal sessions show up as passive sessions. */
@Path("/api/hook")
@Tag(name = "hooks")
@Produces(MediaType.APPLICATION_JSON)
public class HookResource {
    @Inject
    HookService hooks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one hook message (claude_session_start, claude_status_event, claude_tool_event, …)")
    @APIResponse(responseCode = "204", description = "Applied")
    @APIResponse(responseCode = "400", description = "invalid_request: not a hook message",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
            content = @Content(schema = @Schema(ref = "Error")))
    public Response hook(JsonValue body) {
        JsonObject o = Bodies.object(body);
        if (o == null) {
            throw ErrorCode.INVALID_REQUEST.error("body: a hook message is required");
        }
        hooks.accept(o);
        return Response.noContent().build();
    }
}
