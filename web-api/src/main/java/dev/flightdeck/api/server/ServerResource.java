package dev.flightdeck.api.server;

import dev.flightdeck.core.server.ServerMeta;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/server")
@Tag(name = "server")
@Produces(MediaType.APPLICATION_JSON)
public class ServerResource {
    @Inject
    ServerMeta meta;

    @GET
    @Path("meta")
    @Operation(summary = "Server version and capabilities")
    public ServerMeta.Meta meta() {
        return meta.meta();
    }

    @GET
    @Path("ping")
    @Operation(summary = "Authenticated no-op; the baseline the detail-read benchmark compares against")
    public Map<String, Boolean> ping() {
        return Map.of("ok", true);
    }
}
