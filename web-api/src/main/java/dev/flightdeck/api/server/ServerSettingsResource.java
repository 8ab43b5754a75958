package dev.flightdeck.api.server;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.server.PrimaryRules;
import dev.flightdeck.core.server.ServerState;
import dev.flightdeck.core.server.UpdateRules;
import dev.flightdeck.core.server.UpdateService;
import dev.flightdeck.core.settings.ServerPreferences;
import dev.flightdeck.core.settings.SettingRules;
import dev.flightdeck.core.settings.WorkspaceProviders;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Server settings (contract §1.10): role, OpenAI key, workspace provider, update channel and checks,
 * Codex preferences. Secrets go in and never come out: their answers say only whether one is set.
 */
@Path("/api/server")
@Tag(name = "server")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class ServerSettingsResource {
    @Inject
    ServerState state;

    @Inject
    ServerPreferences preferences;

    @Inject
    WorkspaceProviders providers;

    @Inject
    UpdateService updates;

    public record Role(boolean isPrimary) {
    }

    public record Configured(boolean configured) {
    }

    public record OpenAiKeyRequest(String key) {
    }

    public record Provider(String workspaceProvider) {
    }

    public record ConfigValueRequest(String value) {
    }

    public record Channel(String channel) {
    }

    public record CodexPreferences(String defaultConfigSource) {
    }

    public record UpgradeRequest(Boolean restart, String channel, String version) {
    }

    @PUT
    @Path("role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make this server primary or secondary; broadcasts server_info to every WebSocket")
    @APIResponse(responseCode = "200", description = "{is_primary}", content = @Content(schema = @Schema(ref = "ServerRole")))
    @APIResponse(responseCode = "400", description = "is_primary missing or not a boolean", content = @Content(schema = @Schema(ref = "Error")))
    public Role role(@RequestBody(required = true, content = @Content(schema = @Schema(ref = "ServerRole"))) JsonValue body) {
        return new Role(state.setPrimary(PrimaryRules.role(Bodies.object(body))));
    }

    @GET
    @Path("openai-key")
    @Operation(summary = "Whether an OpenAI key is stored")
    @APIResponse(responseCode = "200", description = "{configured}", content = @Content(schema = @Schema(ref = "SettingConfigured")))
    public Configured openAiKey() {
        return new Configured(preferences.openAiKeyConfigured());
    }

    @POST
    @Path("openai-key")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store the OpenAI key, encrypted; it is never returned")
    @APIResponse(responseCode = "200", description = "{configured}", content = @Content(schema = @Schema(ref = "SettingConfigured")))
    @APIResponse(responseCode = "400", description = "key missing, blank or not one token", content = @Content(schema = @Schema(ref = "Error")))
    public Configured setOpenAiKey(@RequestBody(required = true, content = @Content(schema = @Schema(ref = "OpenAiKeyRequest"))) JsonValue body) {
        preferences.putOpenAiKey(SettingRules.apiKey(Bodies.object(body)));
        return new Configured(true);
    }

    @GET
    @Path("workspace-provider")
    @Operation(summary = "The workspace provider setting (local or daytona; only local runs here)")
    @APIResponse(responseCode = "200", description = "{workspace_provider}", content = @Content(schema = @Schema(ref = "WorkspaceProvider")))
    public Provider workspaceProvider() {
        return new Provider(providers.provider());
    }

    @PUT
    @Path("workspace-provider")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the workspace provider")
    @APIResponse(responseCode = "200", description = "{workspace_provider}", content = @Content(schema = @Schema(ref = "WorkspaceProvider")))
    @APIResponse(responseCode = "400", description = "Not local or daytona", content = @Content(schema = @Schema(ref = "Error")))
    public Provider setWorkspaceProvider(@RequestBody(required = true, content = @Content(schema = @Schema(ref = "WorkspaceProvider"))) JsonValue body) {
        return new Provider(providers.setProvider(SettingRules.provider(Bodies.object(body))));
    }

    @GET
    @Path("workspace-provider/config/{key}")
    @Operation(summary = "One workspace-provider config value; a secret's value is never returned")
    @APIResponse(responseCode = "200", description = "{key, value?, configured, secret, source}",
            content = @Content(schema = @Schema(ref = "WorkspaceProviderConfig")))
    @APIResponse(responseCode = "404", description = "Not a workspace-provider config key", content = @Content(schema = @Schema(ref = "Error")))
    public WorkspaceProviders.ConfigValue config(@PathParam("key") String key) {
        return providers.config(configKey(key));
    }

    @PUT
    @Path("workspace-provider/config/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a workspace-provider config value (encrypted when secret); null clears it")
    @APIResponse(responseCode = "200", description = "{key, value?, configured, secret, source}",
            content = @Content(schema = @Schema(ref = "WorkspaceProviderConfig")))
    @APIResponse(responseCode = "400", description = "value missing, too long, or not a URL where one is needed",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "404", description = "Not a workspace-provider config key", content = @Content(schema = @Schema(ref = "Error")))
    public WorkspaceProviders.ConfigValue setConfig(@PathParam("key") String key,
            @RequestBody(required = true, content = @Content(schema = @Schema(ref = "ConfigValueRequest"))) JsonValue body) {
        String k = configKey(key);
        return providers.putConfig(k, SettingRules.configValue(k, Bodies.object(body)));
    }

    @POST
    @Path("workspace-provider/test")
    @Operation(summary = "Whether the configured provider can run workspaces: local can; daytona does not run here")
    @APIResponse(responseCode = "200", description = "{ok, provider, message}", content = @Content(schema = @Schema(ref = "WorkspaceProviderTest")))
    public WorkspaceProviders.TestResult test() {
        return providers.test();
    }

    @GET
    @Path("update-status")
    @Operation(summary = "The last update check's answer, or null before the first check")
    @APIResponse(responseCode = "200", description = "UpdateStatus or null", content = @Content(schema = @Schema(ref = "UpdateStatus")))
    public Response updateStatus() {
        UpdateRules.Status s = updates.status();
        return s == null ? Response.ok("null", MediaType.APPLICATION_JSON).build() : Response.ok(s).build();
    }

    @POST
    @Path("check-update")
    @Operation(summary = "Check for an update: there is no release feed, so it reports the running version as the latest")
    @APIResponse(responseCode = "200", description = "UpdateStatus; checked_at moves at most every five minutes",
            content = @Content(schema = @Schema(ref = "UpdateStatus")))
    public UpdateRules.Status checkUpdate() {
        return updates.check();
    }

    @POST
    @Path("start-upgrade")
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Operation(summary = "Refused: Flightdeck does not upgrade itself. 409 and 404 are plain text, as in the contract")
    @APIResponse(responseCode = "409", description = "The version asked for is the one running (text/plain)")
    @APIResponse(responseCode = "404", description = "No such release is known: there is no release feed (text/plain)")
    @APIResponse(responseCode = "400", description = "restart, channel or version of the wrong type", content = @Content(schema = @Schema(ref = "Error")))
    public Response startUpgrade(@RequestBody(content = @Content(schema = @Schema(ref = "UpgradeRequest"))) JsonValue body) {
        UpdateRules.Refusal r = updates.startUpgrade(UpdateRules.upgrade(body == null || body == JsonValue.NULL ? null : Bodies.object(body)));
        return Response.status(r.status()).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(r.text()).build();
    }

    @GET
    @Path("update-channel")
    @Operation(summary = "The update channel")
    @APIResponse(responseCode = "200", description = "{channel}", content = @Content(schema = @Schema(ref = "UpdateChannel")))
    public Channel updateChannel() {
        return new Channel(updates.channel());
    }

    @PUT
    @Path("update-channel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the update channel: stable, beta or nightly")
    @APIResponse(responseCode = "200", description = "{channel}", content = @Content(schema = @Schema(ref = "UpdateChannel")))
    @APIResponse(responseCode = "400", description = "Not a channel", content = @Content(schema = @Schema(ref = "Error")))
    public Channel setUpdateChannel(@RequestBody(required = true, content = @Content(schema = @Schema(ref = "UpdateChannel"))) JsonValue body) {
        return new Channel(updates.setChannel(UpdateRules.channel(Bodies.object(body))));
    }

    @GET
    @Path("codex-preferences")
    @Operation(summary = "Codex preferences: the config source new Codex sessions get")
    @APIResponse(responseCode = "200", description = "{default_config_source}", content = @Content(schema = @Schema(ref = "CodexPreferences")))
    public CodexPreferences codexPreferences() {
        return new CodexPreferences(preferences.codexDefaultConfigSource());
    }

    @PUT
    @Path("codex-preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the config source (user or orbitdock) new Codex sessions are created with")
    @APIResponse(responseCode = "200", description = "{default_config_source}", content = @Content(schema = @Schema(ref = "CodexPreferences")))
    @APIResponse(responseCode = "400", description = "Not user or orbitdock", content = @Content(schema = @Schema(ref = "Error")))
    public CodexPreferences setCodexPreferences(@RequestBody(required = true, content = @Content(schema = @Schema(ref = "CodexPreferences"))) JsonValue body) {
        return new CodexPreferences(preferences.setCodexDefaultConfigSource(SettingRules.configSource(Bodies.object(body))));
    }

    private static String configKey(String key) {
        if (!SettingRules.isConfigKey(key)) {
            throw dev.flightdeck.core.error.ErrorCode.NOT_FOUND.error("not a workspace-provider config key: one of "
                    + String.join(", ", SettingRules.PROVIDER_CONFIG_KEYS));
        }
        return key;
    }
}
