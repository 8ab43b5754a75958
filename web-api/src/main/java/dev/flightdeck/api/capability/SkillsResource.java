package dev.flightdeck.api.capability;

import dev.flightdeck.core.capability.Capabilities;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The skills a session's agent can use (contract §1.9). */
@Path("/api/sessions/{id}/skills")
@Tag(name = "capabilities")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class SkillsResource {
    @Inject
    Capabilities capabilities;

    @GET
    @Operation(summary = "Skills the agent can use here: Codex's from its app-server, Claude's from .claude/skills")
    @APIResponse(responseCode = "200", description = "Skills")
    @APIResponse(responseCode = "504", description = "timeout (Codex did not answer in 8 s)",
            content = @Content(schema = @Schema(ref = "Error")))
    public Capabilities.Skills skills(@PathParam("id") String id,
                                                                   @QueryParam("cwd") String cwd,
                                                                   @QueryParam("force_reload") String forceReload) {
        return capabilities.skills(id, cwd, "true".equalsIgnoreCase(forceReload) || "1".equals(forceReload));
    }
}
