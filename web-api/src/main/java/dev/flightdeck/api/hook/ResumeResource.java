package dev.flightdeck.api.hook;

import dev.flightdeck.core.hook.HookService;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import jakarta.inject.Inject;
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

/** Reopening an ended session, passive or direct (contract §1.3). */
@Path("/api/sessions/{id}/lifecycle/resume")
@Tag(name = "hooks")
@Produces(MediaType.APPLICATION_JSON)
public class ResumeResource {
    @Inject
    HookService hooks;

    @Inject
    SessionService sessions;

    @POST
    @Operation(summary = "Reopen an ended session; the agent resumes its conversation on the next message")
    @APIResponse(responseCode = "200", description = "Resumed",
            content = @Content(schema = @Schema(implementation = SessionWire.Resumed.class)))
    @APIResponse(responseCode = "409", description = "already_active", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "missing_claude_resume_id", content = @Content(schema = @Schema(ref = "Error")))
    public SessionWire.Resumed resume(@PathParam("id") String id) {
        hooks.resume(id);
        return sessions.resumed(id);
    }
}
