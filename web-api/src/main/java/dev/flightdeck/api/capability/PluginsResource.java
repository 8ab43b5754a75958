package dev.flightdeck.api.capability;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.capability.Plugins;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** A session's plugins (contract §1.9): Codex's app-server plugin methods, passed through in camelCase. */
@Path("/api/sessions/{id}/plugins")
@Tag(name = "capabilities")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "404", description = "not_found", content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "502", description = "codex_error: Codex refused", content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "504", description = "timeout", content = @Content(schema = @Schema(ref = "Error")))
public class PluginsResource {
    @Inject
    Plugins plugins;

    @GET
    @Operation(summary = "Codex's plugin marketplaces for the session's directory (plugin/list); none for Claude")
    @APIResponse(responseCode = "200", description = "{marketplaces[], remoteSyncError, …}")
    public JsonObject list(@PathParam("id") String id, @QueryParam("cwd") String cwd,
                           @QueryParam("force_remote_sync") String force) {
        return plugins.list(id, cwd, "true".equalsIgnoreCase(force) || "1".equals(force));
    }

    @POST
    @Path("install")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Install a plugin (plugin/install); 422 unsupported_control for Claude")
    @APIResponse(responseCode = "200", description = "{authPolicy, appsNeedingAuth[]}")
    @APIResponse(responseCode = "400", description = "invalid_request", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "unsupported_control", content = @Content(schema = @Schema(ref = "Error")))
    public JsonObject install(@PathParam("id") String id, JsonValue body) {
        return plugins.install(id, Bodies.required(body));
    }

    @POST
    @Path("uninstall")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Uninstall a plugin (plugin/uninstall); 422 unsupported_control for Claude")
    @APIResponse(responseCode = "200", description = "{}")
    @APIResponse(responseCode = "400", description = "invalid_request", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "unsupported_control", content = @Content(schema = @Schema(ref = "Error")))
    public JsonObject uninstall(@PathParam("id") String id, JsonValue body) {
        return plugins.uninstall(id, Bodies.required(body));
    }
}
