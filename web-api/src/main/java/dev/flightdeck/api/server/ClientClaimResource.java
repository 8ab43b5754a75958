package dev.flightdeck.api.server;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.server.PrimaryRules;
import dev.flightdeck.core.server.ServerState;
import dev.flightdeck.core.session.SessionWire;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client device's claim that this server is its primary (contract §1.10). */
@Path("/api/client")
@Tag(name = "server")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class ClientClaimResource {
    @Inject
    ServerState state;

    public record ClaimRequest(String clientId, String deviceName, boolean isPrimary) {
    }

    @POST
    @Path("primary-claim")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Claim (or with is_primary false, withdraw) this server as a device's primary; broadcasts"
            + " server_info. The claim ends when the last WebSocket opened with that client_id closes")
    @APIResponse(responseCode = "200", description = "{accepted:true}", content = @Content(schema = @Schema(ref = "Accepted")))
    @APIResponse(responseCode = "400", description = "client_id missing or too long, is_primary not a boolean",
            content = @Content(schema = @Schema(ref = "Error")))
    public SessionWire.Accepted claim(@RequestBody(required = true, content = @Content(schema = @Schema(ref = "ClientPrimaryClaimRequest"))) JsonValue body) {
        state.claim(PrimaryRules.claim(Bodies.object(body)));
        return new SessionWire.Accepted(true, null);
    }
}
