package dev.flightdeck.api.capability;

import dev.flightdeck.core.capability.Capabilities;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The MCP servers a session's agent has (contract §1.9). */
@Path("/api/sessions/{id}/mcp")
@Tag(name = "capabilities")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class McpResource {
    @Inject
    Capabilities capabilities;

    @GET
    @Operation(summary = "MCP servers by name: tools, resources, resource templates and auth status")
    @APIResponse(responseCode = "200", description = "MCP")
    public jakarta.json.JsonObject mcp(@PathParam("id") String id) {
        return capabilities.mcp(id);
    }
}
