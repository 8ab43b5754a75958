package dev.flightdeck.api.control;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.agent.SessionActions;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
 * Turn controls (contract §1.5). Each checks the availability rules first: 422 unsupported_control
 * for the provider, 409 control_unavailable when the session cannot use it now.
 */
@Path("/api/sessions/{id}/controls")
@Tag(name = "controls")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "404", description = "not_found", content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "409", description = "control_unavailable, or turn_in_progress for controls that reshape "
        + "the conversation", content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "422", description = "unsupported_control", content = @Content(schema = @Schema(ref = "Error")))
public class ControlResource {
    @Inject
    SessionActions actions;

    @Inject
    SessionService sessions;

    @GET
    @Operation(summary = "Which turn controls the session supports and can use now")
    @APIResponse(responseCode = "200", description = "Controls")
    public SessionWire.ControlsView controls(@PathParam("id") String id) {
        return sessions.controls(id);
    }

    @POST
    @Path("stop-active-turn")
    @Operation(summary = "Interrupt the running turn")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted stopActiveTurn(@PathParam("id") String id) {
        return actions.interrupt(id);
    }

    @POST
    @Path("compact-context")
    @Operation(summary = "Summarise the conversation to free context; runs as a turn of its own")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted compact(@PathParam("id") String id) {
        return actions.compact(id);
    }

    @POST
    @Path("undo-last-turn")
    @Operation(summary = "Take the last turn out of the conversation (its rows are marked undone)")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted undo(@PathParam("id") String id) {
        return actions.rollback(id, 1, true);
    }

    @POST
    @Path("rollback-turns")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take the last num_turns turns out of the conversation; the agent resumes before them")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    @APIResponse(responseCode = "400", description = "invalid_argument: num_turns below 1 or above the turn count",
            content = @Content(schema = @Schema(ref = "Error")))
    public SessionWire.Accepted rollback(@PathParam("id") String id, JsonValue body) {
        return actions.rollback(id, Bodies.count(body, "num_turns"), false);
    }

    @POST
    @Path("stop-target")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stop one background task of the running agent (Claude)")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted stopTarget(@PathParam("id") String id, JsonValue body) {
        return actions.stopTarget(id, Bodies.argument(body, "target_id"));
    }

    @POST
    @Path("rewind-to-message")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore the files the agent changed since one of the session's user messages (Claude)")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted rewind(@PathParam("id") String id, JsonValue body) {
        return actions.rewind(id, Bodies.argument(body, "message_id"));
    }
}
