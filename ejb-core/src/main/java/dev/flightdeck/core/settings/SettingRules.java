package dev.flightdeck.core.settings;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.json.Fields;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * What the server-settings routes accept (contract §1.10), as pure functions: each answers the
 * value to store or the 400 that names the bad field.
 */
public final class SettingRules {
    public static final String LOCAL = "local";
    public static final String DAYTONA = "daytona";
    public static final List<String> PROVIDERS = List.of(LOCAL, DAYTONA);
    public static final List<String> PROVIDER_CONFIG_KEYS = List.of("public_server_url", "daytona_api_url",
            "daytona_api_key", "daytona_image", "daytona_target");
    public static final List<String> CONFIG_SOURCES = List.of("user", "orbitdock");
    /** Codex reads the server user's own configuration unless told otherwise; that is what it does here. */
    public static final String DEFAULT_CONFIG_SOURCE = "user";
    /** Longer than any API key or URL these settings hold. */
    public static final int MAX_VALUE = 2000;

    private SettingRules() {
    }

    /** Where a workspace-provider config key is read from the environment; the environment wins. */
    public static String envName(String key) {
        return "FLIGHTDECK_" + key.toUpperCase(Locale.ROOT);
    }

    public static boolean isConfigKey(String key) {
        return PROVIDER_CONFIG_KEYS.contains(key);
    }

    public static String provider(JsonObject body) {
        return oneOf(Fields.required(body), "workspace_provider", PROVIDERS);
    }

    public static String storedProvider(String stored) {
        return stored != null && PROVIDERS.contains(stored) ? stored : LOCAL;
    }

    public static String configSource(JsonObject body) {
        return oneOf(Fields.required(body), "default_config_source", CONFIG_SOURCES);
    }

    public static String storedConfigSource(String stored) {
        return stored != null && CONFIG_SOURCES.contains(stored) ? stored : DEFAULT_CONFIG_SOURCE;
    }

    /** {@code {key}} of POST openai-key: a non-blank string without whitespace inside. */
    public static String apiKey(JsonObject body) {
        String key = Fields.optionalString(Fields.required(body), "key");
        if (key == null || key.isBlank()) {
            throw ApiException.invalidField("key", "a non-empty string is required");
        }
        key = key.strip();
        if (key.length() > MAX_VALUE || key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw ApiException.invalidField("key", "must be one token of at most " + MAX_VALUE + " characters");
        }
        return key;
    }

    /**
     * {@code {value}} of PUT workspace-provider/config/{key}: null or blank clears the stored value; the
     * URLs must be http(s) URLs.
     */
    public static String configValue(String key, JsonObject body) {
        JsonObject b = Fields.required(body);
        if (!b.containsKey("value")) {
            throw ApiException.invalidField("value", "is required (null clears it)");
        }
        String v = b.get("value") == JsonValue.NULL ? null : Fields.optionalString(b, "value");
        if (v == null || v.isBlank()) {
            return null;
        }
        v = v.strip();
        if (v.length() > MAX_VALUE || v.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField("value", "must be at most " + MAX_VALUE + " characters, without control characters");
        }
        if (key.endsWith("_url") && !isHttpUrl(v)) {
            throw ApiException.invalidField("value", "must be an http or https URL");
        }
        return v;
    }

    static boolean isHttpUrl(String v) {
        try {
            URI u = new URI(v);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String oneOf(JsonObject b, String field, List<String> allowed) {
        String v = Fields.optionalString(b, field);
        if (v == null || !allowed.contains(v)) {
            throw ApiException.invalidField(field, "must be one of " + String.join(", ", allowed));
        }
        return v;
    }
}
