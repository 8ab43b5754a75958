package dev.flightdeck.api.subagent;

import dev.flightdeck.api.session.Params;
import dev.flightdeck.core.subagent.SubagentService;
import dev.flightdeck.core.subagent.SubagentWire;
import jakarta.inject.Inject;
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

/** A subagent of a session: its tool calls and its own conversation (contract §1.9). */
@Path("/api/sessions/{id}/subagents/{sub}")
@Tag(name = "capabilities")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "404", description = "not_found: no such session, or no such subagent in it",
        content = @Content(schema = @Schema(ref = "Error")))
public class SubagentResource {
    @Inject
    SubagentService subagents;

    @GET
    @Path("tools")
    @Operation(summary = "The subagent's tool calls, oldest first, with their output once they have one")
    @APIResponse(responseCode = "200", description = "Tool calls",
            content = @Content(schema = @Schema(implementation = SubagentWire.Tools.class)))
    public SubagentWire.Tools tools(@PathParam("id") String id, @PathParam("sub") String sub) {
        return subagents.tools(id, sub);
    }

    @GET
    @Path("messages")
    @Operation(summary = "The subagent's own rows, oldest first: the newest page, or the one before a sequence")
    @APIResponse(responseCode = "200", description = "Rows",
            content = @Content(schema = @Schema(implementation = SubagentWire.Messages.class)))
    public SubagentWire.Messages messages(@PathParam("id") String id, @PathParam("sub") String sub,
                                          @QueryParam("limit") String limit,
                                          @QueryParam("before_sequence") String before) {
        return subagents.messages(id, sub, Params.intParam("limit", limit, SubagentService.PAGE_DEFAULT, 1,
                SubagentService.PAGE_MAX), Params.optionalLong("before_sequence", before));
    }
}
