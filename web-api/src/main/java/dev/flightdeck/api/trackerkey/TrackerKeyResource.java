package dev.flightdeck.api.trackerkey;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.mission.tracker.TrackerKeys;
import dev.flightdeck.core.mission.tracker.TrackerKind;
import dev.flightdeck.core.settings.MissionDefaults;
import dev.flightdeck.core.settings.ServerSettings;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Server-wide tracker keys and mission defaults (contract §1.15). A key goes in and never comes out:
 * every answer says only whether one is configured and where it comes from.
 */
@Path("/api/server")
@Tag(name = "server")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
public class TrackerKeyResource {
    /** Longer than any Linear or GitHub key; a longer body is not a key. */
    static final int MAX_KEY = 1000;

    @Inject
    TrackerKeys keys;

    @Inject
    ServerSettings settings;

    public record Configured(boolean configured) {
    }

    /** Documents the POST body; the route reads it as JSON to name a bad field itself. */
    public record KeyRequest(String key) {
    }

    public record KeyStatus(boolean configured, String source) {
    }

    public record TrackerKeysStatus(KeyStatus linear, KeyStatus github) {
    }

    public record MissionDefaultsBody(String providerStrategy, String primaryProvider, String secondaryProvider) {
        static MissionDefaultsBody of(MissionDefaults d) {
            return new MissionDefaultsBody(d.providerStrategy(), d.primaryProvider(), d.secondaryProvider());
        }
    }

    @GET
    @Path("linear-key")
    @Operation(summary = "Whether a server-wide Linear key is configured (environment or settings)")
    @APIResponse(responseCode = "200", description = "{configured}", content = @Content(schema = @Schema(ref = "KeyConfigured")))
    public Configured linearKey() {
        return new Configured(keys.global(TrackerKind.LINEAR).configured());
    }

    @POST
    @Path("linear-key")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store the server-wide Linear key, encrypted")
    @APIResponse(responseCode = "200", description = "{configured}", content = @Content(schema = @Schema(ref = "KeyConfigured")))
    @APIResponse(responseCode = "400", description = "key missing, blank or not a string", content = @Content(schema = @Schema(ref = "Error")))
    public Configured setLinearKey(@RequestBody(required = true, content = @Content(schema = @Schema(ref = "KeyRequest"))) JsonValue body) {
        keys.putGlobal(TrackerKind.LINEAR, key(body));
        return new Configured(true);
    }

    @DELETE
    @Path("linear-key")
    @Operation(summary = "Forget the stored Linear key (an environment key stays in force)")
    @APIResponse(responseCode = "200", description = "{configured}", content = @Content(schema = @Schema(ref = "KeyConfigured")))
    public Configured deleteLinearKey() {
        keys.deleteGlobal(TrackerKind.LINEAR);
        return new Configured(keys.global(TrackerKind.LINEAR).configured());
    }

    @GET
    @Path("github-key")
    @Operation(summary = "Whether a server-wide GitHub token is configured (environment or settings)")
    @APIResponse(responseCode = "200", description = "{configured}", content = @Content(schema = @Schema(ref = "KeyConfigured")))
    public Configured githubKey() {
        return new Configured(keys.global(TrackerKind.GITHUB).configured());
    }

    @POST
    @Path("github-key")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store the server-wide GitHub token, encrypted")
    @APIResponse(responseCode = "200", description = "{configured}", content = @Content(schema = @Schema(ref = "KeyConfigured")))
    @APIResponse(responseCode = "400", description = "key missing, blank or not a string", content = @Content(schema = @Schema(ref = "Error")))
    public Configured setGithubKey(@RequestBody(required = true, content = @Content(schema = @Schema(ref = "KeyRequest"))) JsonValue body) {
        keys.putGlobal(TrackerKind.GITHUB, key(body));
        return new Configured(true);
    }

    @DELETE
    @Path("github-key")
    @Operation(summary = "Forget the stored GitHub token (an environment token stays in force)")
    @APIResponse(responseCode = "200", description = "{configured}", content = @Content(schema = @Schema(ref = "KeyConfigured")))
    public Configured deleteGithubKey() {
        keys.deleteGlobal(TrackerKind.GITHUB);
        return new Configured(keys.global(TrackerKind.GITHUB).configured());
    }

    @GET
    @Path("tracker-keys")
    @Operation(summary = "Both trackers' server-wide keys: configured, and source env or settings")
    @APIResponse(responseCode = "200", description = "{linear, github}", content = @Content(schema = @Schema(ref = "TrackerKeysStatus")))
    public TrackerKeysStatus trackerKeys() {
        return new TrackerKeysStatus(status(TrackerKind.LINEAR), status(TrackerKind.GITHUB));
    }

    @GET
    @Path("mission-defaults")
    @Operation(summary = "Provider strategy and providers a new mission starts with")
    @APIResponse(responseCode = "200", description = "The defaults", content = @Content(schema = @Schema(ref = "MissionDefaults")))
    public MissionDefaultsBody missionDefaults() {
        return MissionDefaultsBody.of(settings.missionDefaults());
    }

    @PUT
    @Path("mission-defaults")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the defaults; absent fields stay, secondary_provider null clears it")
    @APIResponse(responseCode = "200", description = "The defaults now", content = @Content(schema = @Schema(ref = "MissionDefaults")))
    @APIResponse(responseCode = "400", description = "A field with a value outside its set", content = @Content(schema = @Schema(ref = "Error")))
    public MissionDefaultsBody updateMissionDefaults(
            @RequestBody(required = true, content = @Content(schema = @Schema(ref = "MissionDefaults"))) JsonValue body) {
        return MissionDefaultsBody.of(settings.updateMissionDefaults(Bodies.required(body)));
    }

    private KeyStatus status(TrackerKind kind) {
        TrackerKeys.GlobalStatus s = keys.global(kind);
        return new KeyStatus(s.configured(), s.source());
    }

    /** The key of a {@code {key}} body; the 400 names the field and never echoes what was sent. */
    static String key(JsonValue body) {
        JsonObject o = Bodies.required(body);
        if (!(o.get("key") instanceof JsonString s)) {
            throw ApiException.invalidField("key", "a non-empty string is required");
        }
        String key = s.getString().strip();
        if (key.isEmpty()) {
            throw ApiException.invalidField("key", "a non-empty string is required");
        }
        if (key.length() > MAX_KEY) {
            throw ApiException.invalidField("key", "must be at most " + MAX_KEY + " characters");
        }
        if (key.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw ApiException.invalidField("key", "must not contain spaces or control characters");
        }
        return key;
    }
}
