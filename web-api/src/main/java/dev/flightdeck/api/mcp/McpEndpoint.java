package dev.flightdeck.api.mcp;

import dev.flightdeck.api.auth.BearerAuthMechanism;
import dev.flightdeck.api.error.Errors;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.mission.tools.McpProtocol;
import dev.flightdeck.core.mission.tools.MissionRunEvents;
import dev.flightdeck.core.mission.tools.MissionToolContext;
import dev.flightdeck.core.mission.tools.MissionToolExecutor;
import dev.flightdeck.core.server.ServerMeta;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The mission tools as an MCP server over streamable HTTP: stateless, POST only, JSON answers (neither
 * CLI needs the SSE stream: both take a 405 on GET and go on). The bearer token is a run's
 * mission_tools token, checked by {@link BearerAuthMechanism}; here it is resolved to its run on
 * every request, so a token whose run is over opens nothing. Not in the OpenAPI document: JSON-RPC,
 * not REST, and no client of the API calls it.
 */
@Path(BearerAuthMechanism.MCP_PATH)
public class McpEndpoint {
    @Context
    HttpServletRequest request;

    @Inject
    Instance<MissionRunEvents> runs;

    @Inject
    ServerMeta meta;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/json-rpc"})
    @Operation(hidden = true)
    public Response post(String body, @HeaderParam("MCP-Protocol-Version") String protocolVersion) {
        Object tokenId = request.getAttribute(BearerAuthMechanism.MISSION_TOKEN_ID);
        // Without the orchestrator (a build with no missions) no run is live, so no token opens anything.
        MissionRunEvents events = runs.isResolvable() ? runs.get() : null;
        Optional<MissionToolContext> ctx = tokenId == null || events == null ? Optional.empty()
                : events.contextOf(tokenId.toString());
        if (ctx.isEmpty()) {
            return Response.fromResponse(Errors.response(401, ErrorCode.UNAUTHORIZED.code(),
                    "this token's mission run is over")).header("WWW-Authenticate", "Bearer realm=\"flightdeck\"").build();
        }
        McpProtocol.Reply reply = new McpProtocol(meta.version()).handle(body, protocolVersion,
                new MissionToolExecutor(events, ctx.get()));
        Response.ResponseBuilder out = Response.status(reply.status()).header("Cache-Control", "no-store");
        return reply.body() == null ? out.build() : out.type(MediaType.APPLICATION_JSON).entity(reply.body()).build();
    }

    @GET
    @Operation(hidden = true)
    public Response get() {
        return notAllowed();
    }

    @DELETE
    @Operation(hidden = true)
    public Response delete() {
        return notAllowed();
    }

    /** No server-to-client stream and no session to end: the transport's answer is 405. */
    private static Response notAllowed() {
        return Response.fromResponse(Errors.response(405, ErrorCode.METHOD_NOT_ALLOWED.code(),
                "/mcp takes POST only: it is stateless and answers in JSON")).header("Allow", "POST").build();
    }
}
