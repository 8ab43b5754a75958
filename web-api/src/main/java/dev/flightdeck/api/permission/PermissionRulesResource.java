package dev.flightdeck.api.permission;

import dev.flightdeck.core.permission.ClaudeRules;
import dev.flightdeck.core.permission.PermissionRules;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** A session's permission rules (contract §1.9): Claude's settings files, or Codex's policies. */
@Path("/api/sessions/{id}/permissions/rules")
@Tag(name = "capabilities")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "404", description = "session_not_found", content = @Content(schema = @Schema(ref = "Error")))
public class PermissionRulesResource {
    @Inject
    PermissionRules rules;

    @GET
    @Operation(summary = "The rules by provider: Claude {permission_mode?, rules[{pattern, behavior}], "
            + "additional_directories?} from its settings files; Codex {approval_policy?, sandbox_mode?}")
    @APIResponse(responseCode = "200", description = "{session_id, rules}")
    public JsonObject get(@PathParam("id") String id) {
        return rules.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a Claude rule {pattern, behavior: allow|deny|ask, scope?: project|global}; "
            + "project writes <project>/.claude/settings.local.json, global the user's settings.json")
    @APIResponse(responseCode = "200", description = "{ok}")
    @APIResponse(responseCode = "400", description = "invalid_request", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "409", description = "invalid_settings_file: the file is not a JSON object",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "422", description = "unsupported_control: Codex has no pattern rules",
            content = @Content(schema = @Schema(ref = "Error")))
    public JsonObject add(@PathParam("id") String id, JsonValue body) {
        return rules.add(id, ClaudeRules.Change.parse(body, true));
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove a Claude rule {pattern, behavior?, scope?}; without behavior, from every list")
    @APIResponse(responseCode = "200", description = "{ok}")
    @APIResponse(responseCode = "400", description = "invalid_request", content = @Content(schema = @Schema(ref = "Error")))
    public JsonObject remove(@PathParam("id") String id, JsonValue body) {
        return rules.remove(id, ClaudeRules.Change.parse(body, false));
    }
}
