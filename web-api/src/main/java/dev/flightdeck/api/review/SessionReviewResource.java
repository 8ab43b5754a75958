package dev.flightdeck.api.review;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.agent.SessionActions;
import dev.flightdeck.core.conversation.ConversationWire;
import dev.flightdeck.core.review.ReviewRules;
import dev.flightdeck.core.review.ReviewService;
import dev.flightdeck.core.review.ReviewSurface;
import dev.flightdeck.core.review.ReviewWire;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A session's review surface (contract §1.3): diffs and comments (§1.8), and sending comments to the agent. */
@Path("/api/sessions/{id}/review")
@Tag(name = "review")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "404", description = "not_found", content = @Content(schema = @Schema(ref = "Error")))
public class SessionReviewResource {
    @Inject
    ReviewService review;

    @Inject
    SessionActions actions;

    @Inject
    ReviewSurface surface;

    @GET
    @Operation(summary = "What the agent changed: current_diff (working tree vs HEAD, untracked included), "
            + "cumulative_diff (vs the session's base commit), turn_diffs[], comments[]")
    @APIResponse(responseCode = "200", description = "The review surface")
    public ReviewWire.Review review(@PathParam("id") String id) {
        return surface.review(id);
    }

    @GET
    @Path("comments")
    @Operation(summary = "The session's review comments, optionally of one turn")
    @APIResponse(responseCode = "200", description = "Comments")
    public ReviewWire.Comments list(@PathParam("id") String id, @QueryParam("turn_id") String turnId) {
        return review.list(id, turnId == null || turnId.isBlank() ? null : turnId);
    }

    @POST
    @Path("comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on a line range of a file: {turn_id?, file_path, line_start, line_end?, body, tag?}")
    @APIResponse(responseCode = "200", description = "Created")
    @APIResponse(responseCode = "400", description = "invalid_request; the message names the field",
            content = @Content(schema = @Schema(ref = "Error")))
    public ReviewWire.Mutation create(@PathParam("id") String id, JsonValue body) {
        return review.create(id, ReviewRules.draft(Bodies.required(body)));
    }

    @POST
    @Path("comments/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send comments to the agent as one message quoting each: {comment_ids[], mode: steer|message}")
    @APIResponse(responseCode = "202", description = "Accepted, with the message or steer row")
    public Response send(@PathParam("id") String id, JsonValue body) {
        ConversationWire.Accepted accepted = actions.sendReview(id, ReviewRules.send(Bodies.required(body)));
        return Response.accepted(accepted).build();
    }
}
