package dev.flightdeck.api.capability;

import dev.flightdeck.core.codex.CodexCapabilities;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The models an agent can run (contract §1.12). */
@Path("/api/models")
@Tag(name = "models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {
    @Inject
    CodexCapabilities codex;

    @Inject
    dev.flightdeck.core.claude.ClaudeModels claude;

    @GET
    @Path("codex")
    @Operation(summary = "The installed Codex's model catalog (model/list)")
    @APIResponse(responseCode = "200", description = "Models")
    @APIResponse(responseCode = "503", description = "codex_unavailable", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "504", description = "timeout", content = @Content(schema = @Schema(ref = "Error")))
    public CodexCapabilities.Models codex() {
        return codex.models();
    }

    @GET
    @Path("claude")
    @Operation(summary = "The installed Claude Code's model choices (its initialize answer)")
    @APIResponse(responseCode = "200", description = "Models", content = @Content(schema = @Schema(ref = "ClaudeModels")))
    @APIResponse(responseCode = "503", description = "connector_unavailable: Claude Code is not installed",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "504", description = "timeout", content = @Content(schema = @Schema(ref = "Error")))
    public dev.flightdeck.core.claude.ClaudeModels.Models claude() {
        return claude.models();
    }
}
