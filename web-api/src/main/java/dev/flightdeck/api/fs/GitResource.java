package dev.flightdeck.api.fs;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.fs.FsService;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** git init in a directory a client picked (contract §1.13); confined like browsing. */
@Path("/api/git")
@Tag(name = "filesystem")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "path_not_allowed: outside FLIGHTDECK_FS_ROOTS",
        content = @Content(schema = @Schema(ref = "Error")))
public class GitResource {
    @Inject
    FsService fs;

    @POST
    @Path("init")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a directory a git repository")
    @APIResponse(responseCode = "200", description = "{ok}")
    @APIResponse(responseCode = "400", description = "path_not_found or git_init_failed",
            content = @Content(schema = @Schema(ref = "Error")))
    public FsService.Ok gitInit(JsonValue body) {
        var o = Bodies.required(body);
        return fs.gitInit(o.get("path") instanceof JsonString s ? s.getString() : null);
    }
}
