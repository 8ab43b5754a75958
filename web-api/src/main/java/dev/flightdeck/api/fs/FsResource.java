package dev.flightdeck.api.fs;

import dev.flightdeck.core.fs.FsService;
import dev.flightdeck.core.session.SessionService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Picking a project: browse the server's directories and recent projects (contract §1.13). */
@Path("/api/fs")
@Tag(name = "filesystem")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "path_not_allowed: outside FLIGHTDECK_FS_ROOTS",
        content = @Content(schema = @Schema(ref = "Error")))
public class FsResource {
    @Inject
    FsService fs;

    @Inject
    SessionService sessions;

    @GET
    @Path("browse")
    @Operation(summary = "A directory's visible entries, directories first; ~ is the home directory")
    @APIResponse(responseCode = "200", description = "Listing")
    public FsService.Listing browse(@QueryParam("path") String path) {
        return fs.browse(path);
    }

    @GET
    @Path("recent-projects")
    @Operation(summary = "Projects that had sessions, most recently active first")
    @APIResponse(responseCode = "200", description = "Projects")
    public SessionService.RecentProjects recent() {
        return sessions.recentProjects();
    }
}
