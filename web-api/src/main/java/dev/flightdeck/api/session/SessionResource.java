package dev.flightdeck.api.session;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.agent.SessionActions;
import dev.flightdeck.core.approval.ApprovalService;
import dev.flightdeck.core.approval.ApprovalWire;
import dev.flightdeck.core.connector.ApprovalDecision;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.usage.UsageService;
import dev.flightdeck.core.usage.UsageWire;
import dev.flightdeck.core.session.SessionWire;
import dev.flightdeck.core.agent.WorktreeForks;
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
    WorktreeForks worktreeForks;

    @Inject
    UsageService usage;

    @Inject
    ApprovalService approvals;

    @Inject
    dev.flightdeck.core.hook.HookService hooks;

    @Inject
    dev.flightdeck.core.capability.Capabilities capabilities;

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
        return actions.create(Bodies.object(body));
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
    public SessionWire.Detail detail(@PathParam("id") String id) {
        return sessions.detail(id);
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
        return sessions.patchConfig(id, Bodies.object(patch));
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
        return sessions.rename(id, Bodies.object(body));
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
        return sessions.setSummary(id, Bodies.object(body));
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

    @POST
    @Path("{id}/approvals/requests/{request_id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or deny a pending tool request; exactly one of concurrent decisions applies")
    @APIResponse(responseCode = "200", description = "applied, or stale when no longer pending",
            content = @Content(schema = @Schema(implementation = ApprovalWire.Outcome.class)))
    @APIResponse(responseCode = "400", description = "invalid_request: decision missing or unknown",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "503", description = "connector_unavailable",
            content = @Content(schema = @Schema(ref = "Error")))
    public ApprovalWire.Outcome decide(@PathParam("id") String id, @PathParam("request_id") String requestId,
                                       JsonValue body) {
        jakarta.json.JsonObject o = Bodies.object(body);
        if (o == null || !(o.get("decision") instanceof jakarta.json.JsonString d)
                || !ApprovalDecision.DECISIONS.contains(d.getString())) {
            throw ApiException.invalidField("decision", "must be one of " + String.join(", ",
                    new java.util.TreeSet<>(ApprovalDecision.DECISIONS)));
        }
        String message = o.get("message") instanceof jakarta.json.JsonString m ? m.getString() : null;
        jakarta.json.JsonObject updated = o.get("updated_input") instanceof jakarta.json.JsonObject u ? u : null;
        return actions.decide(id, requestId, null,
                new ApprovalDecision(d.getString(), message, o.getBoolean("interrupt", false), updated));
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

    @GET
    @Path("{id}/skills")
    @Operation(summary = "Skills the agent can use here: Codex's from its app-server, Claude's from .claude/skills")
    @APIResponse(responseCode = "200", description = "Skills")
    @APIResponse(responseCode = "504", description = "timeout (Codex did not answer in 8 s)",
            content = @Content(schema = @Schema(ref = "Error")))
    public dev.flightdeck.core.capability.Capabilities.Skills skills(@PathParam("id") String id,
                                                                   @QueryParam("cwd") String cwd,
                                                                   @QueryParam("force_reload") String forceReload) {
        return capabilities.skills(id, cwd, "true".equalsIgnoreCase(forceReload) || "1".equals(forceReload));
    }

    @GET
    @Path("{id}/mcp")
    @Operation(summary = "MCP servers by name: tools, resources, resource templates and auth status")
    @APIResponse(responseCode = "200", description = "MCP")
    public jakarta.json.JsonObject mcp(@PathParam("id") String id) {
        return capabilities.mcp(id);
    }

    @POST
    @Path("{id}/lifecycle/fork")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new session continuing this conversation, whole or before its nth user message")
    @APIResponse(responseCode = "200", description = "Forked")
    @APIResponse(responseCode = "422", description = "invalid_argument (nth_user_message) or fork_failed",
            content = @Content(schema = @Schema(ref = "Error")))
    public SessionWire.Forked fork(@PathParam("id") String id, JsonValue body) {
        return actions.fork(id, Bodies.object(body));
    }

    @POST
    @Path("{id}/lifecycle/fork/worktree")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fork into a new worktree of the session's repository: {branch_name, base_branch?, nth_user_message?}")
    @APIResponse(responseCode = "200", description = "The fork, with its worktree")
    @APIResponse(responseCode = "400", description = "worktree_create_invalid_input",
            content = @Content(schema = @Schema(ref = "Error")))
    public WorktreeForks.Forked forkToWorktree(@PathParam("id") String id, JsonValue body) {
        return worktreeForks.intoNew(id, Bodies.object(body));
    }

    @POST
    @Path("{id}/lifecycle/fork/existing-worktree")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fork into a worktree Flightdeck tracks: {worktree_id, nth_user_message?}")
    @APIResponse(responseCode = "200", description = "The fork, with its worktree")
    @APIResponse(responseCode = "400", description = "worktree_repo_mismatch", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "404", description = "worktree_not_found", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "410", description = "worktree_missing", content = @Content(schema = @Schema(ref = "Error")))
    public WorktreeForks.Forked forkToExistingWorktree(@PathParam("id") String id, JsonValue body) {
        return worktreeForks.intoExisting(id, Bodies.object(body));
    }

    @POST
    @Path("{id}/questions/requests/{request_id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a pending question; exactly one of concurrent answers applies")
    @APIResponse(responseCode = "200", description = "applied, or stale when no longer pending",
            content = @Content(schema = @Schema(implementation = ApprovalWire.Outcome.class)))
    @APIResponse(responseCode = "400", description = "invalid_answer_payload",
            content = @Content(schema = @Schema(ref = "Error")))
    public ApprovalWire.Outcome answer(@PathParam("id") String id, @PathParam("request_id") String requestId,
                                       JsonValue body) {
        return actions.answer(id, requestId, Bodies.object(body));
    }

    @POST
    @Path("{id}/permissions/requests/{request_id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant a pending permission request for the turn or for the session")
    @APIResponse(responseCode = "200", description = "applied, or stale when no longer pending",
            content = @Content(schema = @Schema(implementation = ApprovalWire.Outcome.class)))
    public ApprovalWire.Outcome respondToPermission(@PathParam("id") String id,
                                                    @PathParam("request_id") String requestId, JsonValue body) {
        return actions.respondToPermission(id, requestId, Bodies.object(body));
    }

    @POST
    @Path("{id}/lifecycle/takeover")
    @Operation(summary = "Take over a passive (terminal) session; its agent resumes Claude's session on the next message")
    @APIResponse(responseCode = "200", description = "Taken over", content = @Content(schema = @Schema(ref = "Accepted")))
    @APIResponse(responseCode = "409", description = "not_passive", content = @Content(schema = @Schema(ref = "Error")))
    public SessionWire.Accepted takeover(@PathParam("id") String id) {
        hooks.takeover(id);
        return new SessionWire.Accepted(true, sessions.detail(id));
    }

    @POST
    @Path("{id}/lifecycle/resume")
    @Operation(summary = "Reopen an ended session; the agent resumes its conversation on the next message")
    @APIResponse(responseCode = "200", description = "Resumed", content = @Content(schema = @Schema(ref = "Accepted")))
    @APIResponse(responseCode = "409", description = "already_active", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "missing_claude_resume_id", content = @Content(schema = @Schema(ref = "Error")))
    public SessionWire.Accepted resume(@PathParam("id") String id) {
        hooks.resume(id);
        return new SessionWire.Accepted(true, sessions.detail(id));
    }
}
