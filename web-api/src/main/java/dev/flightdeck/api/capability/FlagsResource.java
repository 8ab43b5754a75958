package dev.flightdeck.api.capability;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.capability.McpControl;
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

/** Claude Code's flag settings of a running session (contract §1.9). */
@Path("/api/sessions/{id}/flags")
@Tag(name = "capabilities")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class FlagsResource {
    @Inject
    McpControl mcp;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge settings into the CLI's flag settings layer (Claude)")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    @APIResponse(responseCode = "400", description = "invalid_argument", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "unsupported_control (Codex)",
            content = @Content(schema = @Schema(ref = "Error")))
    public McpControl.Accepted flags(@PathParam("id") String id, JsonValue body) {
        return mcp.flags(id, McpControlResource.objectField(Bodies.required(body), "settings"));
    }
}
