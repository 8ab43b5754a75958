package dev.flightdeck.api.capability;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.capability.McpControl;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Fields;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A session's MCP servers: their status, and the controls on them (contract §1.9). */
@Path("/api/sessions/{id}/mcp")
@Tag(name = "capabilities")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "404", description = "not_found", content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "504", description = "timeout: the agent did not answer",
        content = @Content(schema = @Schema(ref = "Error")))
public class McpControlResource {
    @Inject
    McpControl mcp;

    @GET
    @Operation(summary = "MCP servers by name: tools, resources, resource templates, auth status and status")
    @APIResponse(responseCode = "200", description = "MCP")
    public JsonObject mcp(@PathParam("id") String id) {
        return mcp.mcp(id);
    }

    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reconnect one MCP server (server_name), or all that are enabled; Codex reloads its config")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    @APIResponse(responseCode = "400", description = "invalid_request or invalid_argument",
            content = @Content(schema = @Schema(ref = "Error")))
    public McpControl.Accepted refresh(@PathParam("id") String id, JsonValue body) {
        JsonObject b = Bodies.object(body);
        return mcp.refresh(id, b == null ? null : Fields.optionalString(b, "server_name"));
    }

    @POST
    @Path("toggle")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enable or disable one MCP server (Claude)")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    @APIResponse(responseCode = "400", description = "invalid_argument", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "unsupported_control (Codex)",
            content = @Content(schema = @Schema(ref = "Error")))
    public McpControl.Accepted toggle(@PathParam("id") String id, JsonValue body) {
        JsonObject b = Bodies.required(body);
        String name = Fields.argument(b, "server_name");
        JsonValue enabled = b.get("enabled");
        if (enabled != JsonValue.TRUE && enabled != JsonValue.FALSE) {
            throw ErrorCode.INVALID_ARGUMENT.error("enabled: must be true or false");
        }
        return mcp.toggle(id, name, enabled == JsonValue.TRUE);
    }

    @POST
    @Path("authenticate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an MCP server's OAuth sign-in; Codex answers its authorization_url")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    @APIResponse(responseCode = "400", description = "invalid_argument", content = @Content(schema = @Schema(ref = "Error")))
    public McpControl.Accepted authenticate(@PathParam("id") String id, JsonValue body) {
        return mcp.authenticate(id, Bodies.argument(body, "server_name"));
    }

    @POST
    @Path("clear-auth")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Forget an MCP server's stored credentials (Claude)")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    @APIResponse(responseCode = "400", description = "invalid_argument", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "unsupported_control (Codex)",
            content = @Content(schema = @Schema(ref = "Error")))
    public McpControl.Accepted clearAuth(@PathParam("id") String id, JsonValue body) {
        return mcp.clearAuth(id, Bodies.argument(body, "server_name"));
    }

    @POST
    @Path("servers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the session's added MCP servers, by name, in Claude's MCP config shape (Claude)")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    @APIResponse(responseCode = "400", description = "invalid_argument", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "unsupported_control (Codex)",
            content = @Content(schema = @Schema(ref = "Error")))
    public McpControl.Accepted servers(@PathParam("id") String id, JsonValue body) {
        return mcp.setServers(id, objectField(Bodies.required(body), "servers"));
    }

    /** A required field that must be a JSON object. */
    static JsonObject objectField(JsonObject body, String field) {
        if (!(body.get(field) instanceof JsonObject o)) {
            throw ErrorCode.INVALID_ARGUMENT.error(field + ": must be a JSON object");
        }
        return o;
    }
}
