package dev.flightdeck.api.mission;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.json.Json;
import dev.flightdeck.core.mission.IdempotencyKeys;
import dev.flightdeck.core.mission.MissionActions;
import dev.flightdeck.core.mission.MissionRequests;
import dev.flightdeck.core.mission.MissionService;
import dev.flightdeck.core.mission.MissionWire;
import dev.flightdeck.core.mission.config.SettingsPatch;
import dev.flightdeck.core.mission.machine.IssueEvent;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Missions (contract §1.15): a repository's MISSION.md, its tracker issues and their runs. */
@Path("/api/missions")
@Tag(name = "missions")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "404", description = "mission_not_found or issue_not_found",
        content = @Content(schema = @Schema(ref = "Error")))
public class MissionResource {
    @Inject
    MissionService missions;

    @Inject
    MissionActions actions;

    @Inject
    IdempotencyKeys idempotency;

    @GET
    @Operation(summary = "Every mission")
    @APIResponse(responseCode = "200", description = "{missions[MissionSummary]}", content = @Content(schema = @Schema(ref = "MissionList")))
    public MissionWire.Listing list() {
        return missions.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a mission: {name, repo_root, tracker_kind=linear, provider=claude}")
    @APIResponse(responseCode = "200", description = "MissionSummary", content = @Content(schema = @Schema(ref = "MissionSummary")))
    @APIResponse(responseCode = "400", description = "invalid_request", content = @Content(schema = @Schema(ref = "Error")))
    public MissionWire.Summary create(JsonValue body) {
        return actions.create(MissionRequests.Create.parse(Bodies.object(body)));
    }

    @GET
    @Path("{mid}")
    @Operation(summary = "A mission with its issues and settings (MissionDetailResponse)")
    @APIResponse(responseCode = "200", description = "Mission", content = @Content(schema = @Schema(ref = "Mission")))
    public MissionWire.Detail detail(@PathParam("mid") String mid) {
        return missions.detail(mid);
    }

    @PUT
    @Path("{mid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a mission: {name?, enabled?, paused?, mission_file_path?: string|null}")
    @APIResponse(responseCode = "200", description = "Mission", content = @Content(schema = @Schema(ref = "Mission")))
    @APIResponse(responseCode = "400", description = "invalid_request", content = @Content(schema = @Schema(ref = "Error")))
    public MissionWire.Detail update(@PathParam("mid") String mid, JsonValue body) {
        return missions.update(mid, MissionRequests.Update.parse(Bodies.object(body)));
    }

    @DELETE
    @Path("{mid}")
    @Operation(summary = "Delete a mission; its running issues' sessions are ended, worktrees kept")
    @APIResponse(responseCode = "200", description = "{missions[]}", content = @Content(schema = @Schema(ref = "MissionList")))
    public MissionWire.Listing delete(@PathParam("mid") String mid) {
        return actions.delete(mid);
    }

    @GET
    @Path("{mid}/issues")
    @Operation(summary = "The mission's issues")
    @APIResponse(responseCode = "200", description = "[MissionIssueItem]", content = @Content(schema = @Schema(ref = "MissionIssueList")))
    public List<MissionWire.IssueItem> issues(@PathParam("mid") String mid) {
        return missions.issues(mid);
    }

    @GET
    @Path("{mid}/issues/{iid}/runs")
    @Operation(summary = "The issue's runs, newest first, with their outcomes (Flightdeck)")
    @APIResponse(responseCode = "200", description = "{issue_id, runs[]}", content = @Content(schema = @Schema(ref = "MissionRuns")))
    public MissionWire.Runs runs(@PathParam("mid") String mid, @PathParam("iid") String iid) {
        return missions.runs(mid, iid);
    }

    @POST
    @Path("{mid}/issues/{iid}/retry")
    @Operation(summary = "End any active session and reset the issue to queued, attempt 0")
    @APIResponse(responseCode = "200", description = "Mission", content = @Content(schema = @Schema(ref = "Mission")))
    public MissionWire.Detail retry(@PathParam("mid") String mid, @PathParam("iid") String iid) {
        return actions.apply(mid, iid, new IssueEvent.ManualRetry());
    }

    @POST
    @Path("{mid}/issues/{iid}/transition")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the issue by hand: {target_state, reason?}, checked against allowed_transitions")
    @APIResponse(responseCode = "200", description = "Mission", content = @Content(schema = @Schema(ref = "Mission")))
    @APIResponse(responseCode = "400", description = "invalid_state or invalid_transition",
            content = @Content(schema = @Schema(ref = "Error")))
    public MissionWire.Detail transition(@PathParam("mid") String mid, @PathParam("iid") String iid, JsonValue body) {
        MissionRequests.Transition t = MissionRequests.Transition.parse(Bodies.object(body));
        return actions.apply(mid, iid, new IssueEvent.ManualTransition(t.target(), t.reason()));
    }

    @POST
    @Path("{mid}/issues/{iid}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark the issue completed and end its session: {tracker_state?} also moves the tracker")
    @APIResponse(responseCode = "200", description = "Mission", content = @Content(schema = @Schema(ref = "Mission")))
    public MissionWire.Detail complete(@PathParam("mid") String mid, @PathParam("iid") String iid, JsonValue body) {
        return actions.apply(mid, iid, new IssueEvent.ManualComplete(MissionRequests.trackerState(Bodies.object(body))));
    }

    @POST
    @Path("{mid}/issues/{iid}/pr")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the issue's pull request: {pr_url}")
    @APIResponse(responseCode = "200", description = "Mission", content = @Content(schema = @Schema(ref = "Mission")))
    @APIResponse(responseCode = "400", description = "invalid_request", content = @Content(schema = @Schema(ref = "Error")))
    public MissionWire.Detail pr(@PathParam("mid") String mid, @PathParam("iid") String iid, JsonValue body) {
        return actions.apply(mid, iid, new IssueEvent.ManualPr(MissionRequests.prUrl(Bodies.object(body))));
    }

    @POST
    @Path("{mid}/issues/{iid}/blocked")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Block the issue: {reason}; a blocked issue is never retried on its own")
    @APIResponse(responseCode = "200", description = "Mission", content = @Content(schema = @Schema(ref = "Mission")))
    @APIResponse(responseCode = "400", description = "invalid_request", content = @Content(schema = @Schema(ref = "Error")))
    public MissionWire.Detail blocked(@PathParam("mid") String mid, @PathParam("iid") String iid, JsonValue body) {
        return actions.apply(mid, iid, new IssueEvent.ManualBlocked(MissionRequests.reason(Bodies.object(body))));
    }

    @GET
    @Path("{mid}/worktrees")
    @Operation(summary = "The worktrees of the mission's issues")
    @APIResponse(responseCode = "200", description = "{worktrees[]}", content = @Content(schema = @Schema(ref = "MissionWorktrees")))
    public MissionWire.Worktrees worktrees(@PathParam("mid") String mid) {
        return missions.worktrees(mid);
    }

    @POST
    @Path("{mid}/scaffold")
    @Operation(summary = "Write the default MISSION.md")
    @APIResponse(responseCode = "200", description = "Mission", content = @Content(schema = @Schema(ref = "Mission")))
    @APIResponse(responseCode = "409", description = "conflict: the file exists", content = @Content(schema = @Schema(ref = "Error")))
    public MissionWire.Detail scaffold(@PathParam("mid") String mid) {
        return actions.scaffold(mid);
    }

    @POST
    @Path("{mid}/migrate-workflow")
    @Operation(summary = "Convert a Symphony WORKFLOW.md into MISSION.md")
    @APIResponse(responseCode = "200", description = "Mission", content = @Content(schema = @Schema(ref = "Mission")))
    @APIResponse(responseCode = "409", description = "conflict: MISSION.md exists", content = @Content(schema = @Schema(ref = "Error")))
    public MissionWire.Detail migrateWorkflow(@PathParam("mid") String mid) {
        return actions.migrateWorkflow(mid);
    }

    @GET
    @Path("{mid}/default-template")
    @Operation(summary = "The default MISSION.md for the mission's provider and tracker")
    @APIResponse(responseCode = "200", description = "{template}", content = @Content(schema = @Schema(ref = "MissionTemplate")))
    public MissionWire.Template defaultTemplate(@PathParam("mid") String mid) {
        return actions.defaultTemplate(mid);
    }

    @PUT
    @Path("{mid}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge settings into MISSION.md's front matter; unknown keys and the body are kept")
    @APIResponse(responseCode = "200", description = "Mission", content = @Content(schema = @Schema(ref = "Mission")))
    @APIResponse(responseCode = "400", description = "invalid_request", content = @Content(schema = @Schema(ref = "Error")))
    public MissionWire.Detail settings(@PathParam("mid") String mid, JsonValue body) {
        return actions.settings(mid, SettingsPatch.parse(Bodies.required(body)));
    }

    @POST
    @Path("{mid}/start-orchestrator")
    @Operation(summary = "Start polling and dispatching the mission")
    @APIResponse(responseCode = "200", description = "{ok}", content = @Content(schema = @Schema(ref = "MissionOk")))
    @APIResponse(responseCode = "400", description = "no_api_key", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "409", description = "conflict: already running", content = @Content(schema = @Schema(ref = "Error")))
    public MissionWire.Ok startOrchestrator(@PathParam("mid") String mid) {
        return missions.startOrchestrator(mid);
    }

    @POST
    @Path("{mid}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fetch one issue and start a run now: {issue_identifier, provider?}; takes an Idempotency-Key")
    @APIResponse(responseCode = "200", description = "Mission", content = @Content(schema = @Schema(ref = "Mission")))
    @APIResponse(responseCode = "409", description = "conflict: the issue is not queued", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "idempotency_key_reused", content = @Content(schema = @Schema(ref = "Error")))
    public Response dispatch(@PathParam("mid") String mid, @HeaderParam("Idempotency-Key") String key, JsonValue body) {
        MissionRequests.Dispatch req = MissionRequests.Dispatch.parse(Bodies.object(body));
        return idempotent("dispatch:" + mid, key, String.valueOf(body), () -> actions.dispatch(mid, req));
    }

    @POST
    @Path("{mid}/trigger")
    @Operation(summary = "Poll the mission at the next tick; takes an Idempotency-Key")
    @APIResponse(responseCode = "200", description = "{ok}", content = @Content(schema = @Schema(ref = "MissionOk")))
    @APIResponse(responseCode = "422", description = "idempotency_key_reused", content = @Content(schema = @Schema(ref = "Error")))
    public Response trigger(@PathParam("mid") String mid, @HeaderParam("Idempotency-Key") String key) {
        return idempotent("trigger:" + mid, key, "", () -> missions.trigger(mid));
    }

    @GET
    @Path("{mid}/tracker-key")
    @Operation(summary = "Whether a tracker key resolves for the mission, and from where (mission, env, global)")
    @APIResponse(responseCode = "200", description = "{configured, source?}", content = @Content(schema = @Schema(ref = "MissionTrackerKey")))
    public MissionWire.TrackerKey trackerKey(@PathParam("mid") String mid) {
        return missions.trackerKey(mid);
    }

    @PUT
    @Path("{mid}/tracker-key")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store the mission's own tracker key, encrypted: {key}; it is never returned")
    @APIResponse(responseCode = "200", description = "{configured, source}", content = @Content(schema = @Schema(ref = "MissionTrackerKey")))
    @APIResponse(responseCode = "400", description = "invalid_request", content = @Content(schema = @Schema(ref = "Error")))
    public MissionWire.TrackerKey setTrackerKey(@PathParam("mid") String mid, JsonValue body) {
        return missions.setTrackerKey(mid, MissionRequests.key(Bodies.object(body)));
    }

    @DELETE
    @Path("{mid}/tracker-key")
    @Operation(summary = "Forget the mission's own tracker key")
    @APIResponse(responseCode = "200", description = "{configured, source?}", content = @Content(schema = @Schema(ref = "MissionTrackerKey")))
    public MissionWire.TrackerKey clearTrackerKey(@PathParam("mid") String mid) {
        return missions.clearTrackerKey(mid);
    }

    @POST
    @Path("{mid}/adopt-global-key")
    @Operation(summary = "Copy the global tracker key into the mission")
    @APIResponse(responseCode = "200", description = "{configured, source}", content = @Content(schema = @Schema(ref = "MissionTrackerKey")))
    @APIResponse(responseCode = "400", description = "no_api_key", content = @Content(schema = @Schema(ref = "Error")))
    public MissionWire.TrackerKey adoptGlobalKey(@PathParam("mid") String mid) {
        return missions.adoptGlobalKey(mid);
    }

    @PUT
    @Path("{mid}/webhook-secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store the secret tracker webhooks are signed with: {secret}; it is never returned")
    @APIResponse(responseCode = "200", description = "{configured, source}", content = @Content(schema = @Schema(ref = "MissionTrackerKey")))
    @APIResponse(responseCode = "400", description = "invalid_request", content = @Content(schema = @Schema(ref = "Error")))
    public MissionWire.TrackerKey setWebhookSecret(@PathParam("mid") String mid, JsonValue body) {
        return missions.setWebhookSecret(mid, MissionRequests.secret(Bodies.object(body)));
    }

    @POST
    @Path("{mid}/webhooks/linear")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A Linear webhook (Linear-Signature over the raw body); asks for a re-read, never dispatches")
    @APIResponse(responseCode = "202", description = "{ok, duplicate}")
    @APIResponse(responseCode = "401", description = "unauthorized: bad signature", content = @Content(schema = @Schema(ref = "Error")))
    public Response linearWebhook(@PathParam("mid") String mid, @HeaderParam("Linear-Signature") String signature,
                                  @HeaderParam("Linear-Delivery") String delivery, byte[] body) {
        return delivered(actions.webhook(mid, "linear", signature, delivery, body == null ? new byte[0] : body));
    }

    @POST
    @Path("{mid}/webhooks/github")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A GitHub webhook (X-Hub-Signature-256 over the raw body); asks for a re-read, never dispatches")
    @APIResponse(responseCode = "202", description = "{ok, duplicate}")
    @APIResponse(responseCode = "401", description = "unauthorized: bad signature", content = @Content(schema = @Schema(ref = "Error")))
    public Response githubWebhook(@PathParam("mid") String mid, @HeaderParam("X-Hub-Signature-256") String signature,
                                  @HeaderParam("X-GitHub-Delivery") String delivery, byte[] body) {
        return delivered(actions.webhook(mid, "github", signature, delivery, body == null ? new byte[0] : body));
    }

    public record Delivered(boolean ok, boolean duplicate) {
    }

    private static Response delivered(boolean fresh) {
        return Response.status(fresh ? 202 : 200).entity(new Delivered(true, !fresh)).build();
    }

    /** Replays the first answer to an Idempotency-Key for the same body; 422 for another body. */
    private Response idempotent(String scope, String key, String body, Supplier<Object> action) {
        String checked = IdempotencyKeys.check(key);
        if (checked == null) {
            return Response.ok(action.get()).build();
        }
        var replay = idempotency.replay(scope, checked, body);
        if (replay.isPresent()) {
            return Response.status(replay.get().status()).entity(replay.get().body()).type(MediaType.APPLICATION_JSON)
                    .build();
        }
        String answer = Json.write(action.get());
        idempotency.remember(scope, checked, body, 200, answer);
        return Response.ok(answer, MediaType.APPLICATION_JSON).build();
    }
}
