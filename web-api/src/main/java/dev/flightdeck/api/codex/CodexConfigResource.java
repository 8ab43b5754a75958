package dev.flightdeck.api.codex;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.codex.config.CodexConfig;
import dev.flightdeck.core.codex.config.ConfigViews;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Codex's configuration (contract §1.12): read and written through Codex's app-server config methods. */
@Path("/api/codex/config")
@Tag(name = "codex")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "invalid_request: a field is missing, unknown or of the wrong type",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "503", description = "codex_unavailable", content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "504", description = "timeout", content = @Content(schema = @Schema(ref = "Error")))
public class CodexConfigResource {
    @Inject
    CodexConfig config;

    @POST
    @Path("inspect")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The settings a Codex session in cwd would get, where each comes from, and Codex's layers")
    @APIResponse(responseCode = "200", description = "{effective_settings, origins, layers[], warnings[]}")
    public JsonObject inspect(JsonValue body) {
        return config.inspect(Bodies.required(body));
    }

    @GET
    @Path("catalog")
    @Operation(summary = "Effective settings, profiles and model providers for cwd")
    @APIResponse(responseCode = "200", description = "{cwd, effective_settings, profiles[], providers[], warnings[]}")
    public JsonObject catalog(@QueryParam("cwd") String cwd) {
        return config.catalog(cwd);
    }

    @GET
    @Path("documents")
    @Operation(summary = "The config files Codex reads for cwd, with their versions (expected_version for writes)")
    @APIResponse(responseCode = "200", description = "{cwd, user, projects[], warnings[]}")
    public JsonObject documents(@QueryParam("cwd") String cwd) {
        return config.documents(cwd);
    }

    @POST
    @Path("value")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write one key of the user config.toml (config/value/write)")
    @APIResponse(responseCode = "200", description = "Written", content = @Content(schema = @Schema(ref = "CodexConfigWritten")))
    @APIResponse(responseCode = "409", description = "config_version_conflict: expected_version is stale",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "invalid_codex_config or config_layer_readonly",
            content = @Content(schema = @Schema(ref = "Error")))
    public ConfigViews.Written value(JsonValue body) {
        return config.value(Bodies.required(body));
    }

    @POST
    @Path("batch-write")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write several keys at once, all or none (config/batchWrite)")
    @APIResponse(responseCode = "200", description = "Written", content = @Content(schema = @Schema(ref = "CodexConfigWritten")))
    @APIResponse(responseCode = "409", description = "config_version_conflict: expected_version is stale",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "invalid_codex_config or config_layer_readonly",
            content = @Content(schema = @Schema(ref = "Error")))
    public ConfigViews.Written batch(JsonValue body) {
        return config.batch(Bodies.required(body));
    }
}
