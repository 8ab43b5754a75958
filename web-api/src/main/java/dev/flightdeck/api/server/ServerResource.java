package dev.flightdeck.api.server;

import dev.flightdeck.core.server.ServerMeta;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/server")
@Tag(name = "server")
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@Produces(MediaType.APPLICATION_JSON)
public class ServerResource {
    @Inject
    ServerMeta meta;

    @GET
    @Path("meta")
    @Operation(summary = "Server version and capabilities")
    @APIResponse(responseCode = "200", description = "Server metadata", content = @Content(schema = @Schema(ref = "ServerMeta")))
    public ServerMeta.Meta meta() {
        return meta.meta();
    }

    @GET
    @Path("ping")
    @Operation(summary = "Authenticated no-op; the baseline the detail-read benchmark compares against")
    @APIResponse(responseCode = "200", description = "{\"ok\":true}")
    public Map<String, Boolean> ping() {
        return Map.of("ok", true);
    }
}
