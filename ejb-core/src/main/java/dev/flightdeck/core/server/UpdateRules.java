package dev.flightdeck.core.server;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Fields;
import dev.flightdeck.core.time.Times;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Update status, checks and upgrades (contract §1.10), decided without I/O. Flightdeck has no release
 * feed to ask, so a check knows one version, the running one, and an upgrade has nothing to install.
 */
public final class UpdateRules {
    public static final List<String> CHANNELS = List.of("stable", "beta", "nightly");
    public static final String DEFAULT_CHANNEL = "stable";
    /** The contract's debounce: a check within five minutes of the last answers the last one. */
    public static final long DEBOUNCE_MS = 5 * 60_000L;

    private UpdateRules() {
    }

    /**
     * {@code update_status}: never an update, since nothing newer is known; the latest version known is
     * the running one. {@code current_version} is Flightdeck's addition.
     */
    public record Status(boolean updateAvailable, String latestVersion, String releaseUrl, String channel,
                         String checkedAt, String currentVersion, String error) {
    }

    /** A refused upgrade: the contract answers these as plain text, not the JSON envelope. */
    public record Refusal(int status, String text) {
    }

    /** A start-upgrade request, checked. */
    public record UpgradeRequest(boolean restart, String channel, String version) {
    }

    public static Status status(String currentVersion, String channel, Long checkedAt) {
        return new Status(false, currentVersion, null, channel, Times.iso(checkedAt), currentVersion, null);
    }

    /** Whether a check now should stamp a new time, or answer the one made less than five minutes ago. */
    public static boolean due(Long lastCheckedAt, long now) {
        return lastCheckedAt == null || now - lastCheckedAt >= DEBOUNCE_MS || now < lastCheckedAt;
    }

    public static String channel(JsonObject body) {
        String c = Fields.optionalString(Fields.required(body), "channel");
        if (c == null) {
            throw ApiException.invalidField("channel", "is required (" + String.join(", ", CHANNELS) + ")");
        }
        return checkedChannel(c);
    }

    public static String storedChannel(String stored) {
        return stored != null && CHANNELS.contains(stored) ? stored : DEFAULT_CHANNEL;
    }

    /** {@code {restart=true, channel?, version?}}; an absent body is the defaults. */
    public static UpgradeRequest upgrade(JsonObject body) {
        if (body == null) {
            return new UpgradeRequest(true, null, null);
        }
        JsonValue r = body.get("restart");
        if (r != null && r != JsonValue.NULL && r != JsonValue.TRUE && r != JsonValue.FALSE) {
            throw ErrorCode.INVALID_REQUEST.error("restart: must be true or false");
        }
        String c = Fields.optionalString(body, "channel");
        String v = Fields.optionalString(body, "version");
        if (v != null && (v.isBlank() || v.length() > 100)) {
            throw ApiException.invalidField("version", "must be a version of at most 100 characters");
        }
        return new UpgradeRequest(r != JsonValue.FALSE, c == null ? null : checkedChannel(c), v);
    }

    /**
     * Why the upgrade does not start. The running version asked for is a conflict; anything else names
     * a release this server cannot know of.
     */
    public static Refusal refuse(UpgradeRequest request, String currentVersion, String channel) {
        String on = request.channel() == null ? channel : request.channel();
        if (request.version() != null && request.version().equals(currentVersion)) {
            return new Refusal(409, "Flightdeck " + currentVersion + " is already running");
        }
        String which = request.version() == null ? "no newer release" : "no release " + request.version();
        return new Refusal(404, which + " of Flightdeck is known on the " + on + " channel: this server has no"
                + " release feed and does not upgrade itself; deploy the new build and restart it");
    }

    private static String checkedChannel(String c) {
        if (!CHANNELS.contains(c)) {
            throw ApiException.invalidField("channel", "must be one of " + String.join(", ", CHANNELS));
        }
        return c;
    }
}
