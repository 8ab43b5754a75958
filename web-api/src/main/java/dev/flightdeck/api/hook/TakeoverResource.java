package dev.flightdeck.api.hook;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.hook.HookService;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
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

/**
 * Taking a terminal (hook) session over (contract §1.3). Each lifecycle route the hook feature owns is
 * a root of its own, so the other lifecycle routes still match the session resource.
 */
@Path("/api/sessions/{id}/lifecycle/takeover")
@Tag(name = "hooks")
@Produces(MediaType.APPLICATION_JSON)
public class TakeoverResource {
    @Inject
    HookService hooks;

    @Inject
    SessionService sessions;

    @POST
    @Operation(summary = "Take over a passive (terminal) session, optionally with other settings; its agent "
            + "resumes the terminal's conversation on the next message")
    @APIResponse(responseCode = "200", description = "Taken over",
            content = @Content(schema = @Schema(implementation = SessionWire.TakenOver.class)))
    @APIResponse(responseCode = "400", description = "invalid_request: a setting is not valid",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "409", description = "not_passive", content = @Content(schema = @Schema(ref = "Error")))
    public SessionWire.TakenOver takeover(@PathParam("id") String id, JsonValue body) {
        TakeoverRequest request = TakeoverRequest.parse(Bodies.object(body));
        hooks.takeover(id, request.overrides());
        return new SessionWire.TakenOver(id, true, sessions.detail(id));
    }
}
