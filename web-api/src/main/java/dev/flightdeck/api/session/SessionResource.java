package dev.flightdeck.api.session;

import dev.flightdeck.core.agent.SessionActions;
import dev.flightdeck.core.session.ConfigPatch;
import dev.flightdeck.core.session.CreateSession;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionTexts;
import dev.flightdeck.core.usage.UsageService;
import dev.flightdeck.core.usage.UsageWire;
import dev.flightdeck.core.session.SessionWire;
import jakarta.inject.Inject;
import dev.flightdeck.api.app.Bodies;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sessions")
@Tag(name = "sessions")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class SessionResource {
    static final int ARCHIVE_DEFAULT = 200;
    static final int ARCHIVE_MAX = 500;

    @Inject
    SessionService sessions;

    @Inject
    SessionActions actions;


    @Inject
    UsageService usage;



    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a session in an existing directory")
    @APIResponse(responseCode = "200", description = "Persisted", content = @Content(schema = @Schema(ref = "SessionCreated")))
    @APIResponse(responseCode = "400", description = "provider or cwd invalid; the message names the field",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "409", description = "session_id already exists",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "invalid_codex_config",
            content = @Content(schema = @Schema(ref = "Error")))
    public SessionWire.Created create(@RequestBody(required = true, content = @Content(schema = @Schema(ref = "SessionCreateRequest")))
                                      JsonValue body) {
        return actions.create(CreateSession.parse(Bodies.object(body)));
    }

    @GET
    @Path("summary")
    @Operation(summary = "Counts, active sessions and recently ended ones")
    @APIResponse(responseCode = "200", description = "Counts, active and recently ended sessions", content = @Content(schema = @Schema(ref = "SessionsSummary")))
    public SessionWire.Summary summary() {
        return sessions.summary();
    }

    @GET
    @Path("active")
    @Operation(summary = "The dashboard: active sessions, counts and project groups")
    @APIResponse(responseCode = "200", description = "The dashboard", content = @Content(schema = @Schema(ref = "ActiveSessions")))
    public SessionWire.Active active() {
        return sessions.active();
    }

    @GET
    @Path("archive")
    @Operation(summary = "Ended sessions, newest first")
    @APIResponse(responseCode = "400", description = "limit or offset out of range",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "200", description = "A page of ended sessions", content = @Content(schema = @Schema(ref = "ArchivedSessions")))
    public SessionWire.Archive archive(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        int l = Params.intParam("limit", limit, ARCHIVE_DEFAULT, 1, ARCHIVE_MAX);
        int o = Params.intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
        return sessions.archive(l, o);
    }

    @GET
    @Path("{id}/detail")
    @Operation(summary = "SessionDetailSnapshot: the session and the revision it is at")
    @APIResponse(responseCode = "404", description = "not_found",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "200", description = "The session at a revision", content = @Content(schema = @Schema(ref = "SessionDetailSnapshot")))
    public SessionWire.Detail detail(@PathParam("id") String id, @QueryParam("include_messages") String messages,
                                     @QueryParam("include_diffs") String diffs) {
        return sessions.detail(id, Params.flag("include_messages", messages), Params.flag("include_diffs", diffs));
    }

    @PATCH
    @Path("{id}/detail/config")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change agent settings; each field optional, null clears it")
    @APIResponse(responseCode = "400", description = "A field has the wrong type or value; the message names it",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "404", description = "not_found",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "invalid_codex_config",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "200", description = "The session after the change", content = @Content(schema = @Schema(ref = "SessionDetailSnapshot")))
    public SessionWire.Detail config(@PathParam("id") String id,
                                     @RequestBody(required = true, content = @Content(schema = @Schema(ref = "SessionConfigPatch")))
                                     JsonValue patch) {
        return sessions.patchConfig(id, ConfigPatch.parse(Bodies.object(patch)));
    }

    @POST
    @Path("{id}/detail/read")
    @Operation(summary = "Mark the session read")
    @APIResponse(responseCode = "404", description = "session_not_found",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "200", description = "Marked read", content = @Content(schema = @Schema(ref = "ReadResult")))
    public SessionWire.ReadResult read(@PathParam("id") String id) {
        return sessions.markRead(id);
    }

    @PATCH
    @Path("{id}/detail/name")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set or clear (null) the custom name")
    @APIResponse(responseCode = "404", description = "not_found",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "200", description = "Accepted, with the new state", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted name(@PathParam("id") String id,
                                     @RequestBody(content = @Content(schema = @Schema(ref = "NamePatch"))) JsonValue body) {
        return sessions.rename(id, SessionTexts.name(Bodies.object(body)));
    }

    @PATCH
    @Path("{id}/detail/summary")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the summary")
    @APIResponse(responseCode = "404", description = "not_found",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "200", description = "Accepted, with the new state", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted summary(@PathParam("id") String id,
                                        @RequestBody(content = @Content(schema = @Schema(ref = "SummaryPatch"))) JsonValue body) {
        return sessions.setSummary(id, SessionTexts.summary(Bodies.object(body)));
    }

    @POST
    @Path("{id}/lifecycle/end")
    @Operation(summary = "End the session")
    @APIResponse(responseCode = "404", description = "not_found",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "200", description = "Accepted, with the new state", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted end(@PathParam("id") String id) {
        return actions.end(id);
    }

    @GET
    @Path("{id}/usage/turns")
    @Operation(summary = "Usage and estimated cost per turn, newest page first")
    @APIResponse(responseCode = "200", description = "Turns",
            content = @Content(schema = @Schema(implementation = UsageWire.Turns.class)))
    public UsageWire.Turns usageTurns(@PathParam("id") String id, @QueryParam("limit") String limit,
                                      @QueryParam("before_turn_seq") String before) {
        Long b = Params.optionalLong("before_turn_seq", before);
        return usage.turns(id, Params.intParam("limit", limit, UsageService.LIMIT_DEFAULT, 1, UsageService.LIMIT_MAX),
                b == null ? null : (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, b)));
    }

    @GET
    @Path("{id}/runtime")
    @Operation(summary = "Controls, instructions and collaboration modes in one read")
    @APIResponse(responseCode = "200", description = "Runtime")
    public SessionWire.Runtime runtime(@PathParam("id") String id) {
        return sessions.runtime(id);
    }

    @GET
    @Path("{id}/instructions")
    @Operation(summary = "The instructions the agent runs with: the project's CLAUDE.md and the developer instructions")
    @APIResponse(responseCode = "200", description = "Instructions")
    public SessionWire.InstructionsView instructions(@PathParam("id") String id) {
        SessionWire.Runtime r = sessions.runtime(id);
        return new SessionWire.InstructionsView(r.sessionId(), r.provider(), r.instructions());
    }

    @GET
    @Path("{id}/collaboration-modes")
    @Operation(summary = "Collaboration modes (a Codex feature; empty for Claude)")
    @APIResponse(responseCode = "200", description = "Modes")
    public SessionWire.ModesView collaborationModes(@PathParam("id") String id) {
        return new SessionWire.ModesView(sessions.runtime(id).collaborationModes());
    }
}
