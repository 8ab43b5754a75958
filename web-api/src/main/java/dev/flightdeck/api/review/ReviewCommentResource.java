package dev.flightdeck.api.review;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.review.ReviewRules;
import dev.flightdeck.core.review.ReviewService;
import dev.flightdeck.core.review.ReviewWire;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One review comment by id (contract §1.8). */
@Path("/api/review/comments/{comment_id}")
@Tag(name = "review")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "404", description = "not_found", content = @Content(schema = @Schema(ref = "Error")))
public class ReviewCommentResource {
    @Inject
    ReviewService review;

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a comment: {body?, tag?, status?: open|resolved}")
    @APIResponse(responseCode = "200", description = "Updated")
    public ReviewWire.Mutation update(@PathParam("comment_id") String id, JsonValue body) {
        return review.update(id, ReviewRules.edit(Bodies.required(body)));
    }

    @DELETE
    @Operation(summary = "Delete a comment")
    @APIResponse(responseCode = "200", description = "Deleted: comment null, deleted true")
    public ReviewWire.Mutation delete(@PathParam("comment_id") String id) {
        return review.delete(id);
    }
}
