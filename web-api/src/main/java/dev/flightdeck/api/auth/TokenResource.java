package dev.flightdeck.api.auth;

import dev.flightdeck.core.auth.TokenService;
import dev.flightdeck.core.auth.TokenWire;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/auth/tokens")
@Tag(name = "auth")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class TokenResource {
    @Inject
    TokenService tokens;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a token; the plaintext is in this response only")
    @APIResponse(responseCode = "201", description = "Created; the only response that carries the token", content = @Content(schema = @Schema(ref = "TokenCreated")))
    @APIResponse(responseCode = "400", description = "Invalid label, expires_at or kind",
            content = @Content(schema = @Schema(ref = "Error")))
    public Response create(@RequestBody(required = true, content = @Content(schema = @Schema(ref = "TokenCreateRequest")))
                           TokenWire.CreateRequest request) {
        return Response.status(201).entity(tokens.create(request)).build();
    }

    @GET
    @Operation(summary = "List tokens without their secrets")
    @APIResponse(responseCode = "200", description = "Tokens, without secrets", content = @Content(schema = @Schema(ref = "TokenList")))
    public TokenWire.TokenList list() {
        return tokens.list();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a token at once; its open WebSockets are closed")
    @APIResponse(responseCode = "404", description = "No live token with that id",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "200", description = "Revoked", content = @Content(schema = @Schema(ref = "TokenRevoked")))
    public TokenWire.Revoked revoke(@PathParam("id") String id) {
        return tokens.revoke(id);
    }
}
