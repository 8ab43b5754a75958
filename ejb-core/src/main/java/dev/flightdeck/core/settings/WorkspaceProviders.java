package dev.flightdeck.core.settings;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The workspace provider setting and its config values. Only {@code local} runs here; {@code daytona}
 * is kept as a setting so a client that manages it round-trips, and its test says it does not run.
 */
@Stateless
public class WorkspaceProviders {
    public static final String WORKSPACE_PROVIDER = "workspace_provider";

    @Inject
    ServerSettings settings;

    @Inject
    Config config;

    /** {@code value} is absent for a secret, always: it goes in and never comes out. */
    public record ConfigValue(String key, String value, boolean configured, boolean secret, String source) {
    }

    public record TestResult(boolean ok, String provider, String message) {
    }

    public String provider() {
        return SettingRules.storedProvider(settings.get(WORKSPACE_PROVIDER).orElse(null));
    }

    public String setProvider(String provider) {
        settings.put(WORKSPACE_PROVIDER, provider);
        return provider;
    }

    public ConfigValue config(String key) {
        boolean secret = ServerSettings.isSecret(key);
        Optional<String> env = config.getOptionalValue(SettingRules.envName(key), String.class).filter(v -> !v.isBlank());
        if (env.isPresent()) {
            return new ConfigValue(key, secret ? null : env.get(), true, secret, "env");
        }
        if (secret) {
            return new ConfigValue(key, null, settings.has(key), true, "settings");
        }
        Optional<String> stored = settings.get(key);
        return new ConfigValue(key, stored.orElse(null), stored.isPresent(), false, "settings");
    }

    /** Stores (sealed when secret) or, for null, clears the value; an environment value still wins. */
    public ConfigValue putConfig(String key, String value) {
        if (value == null) {
            settings.delete(key);
        } else {
            settings.put(key, value);
        }
        return config(key);
    }

    public TestResult test() {
        String provider = provider();
        if (SettingRules.LOCAL.equals(provider)) {
            return new TestResult(true, provider, "local workspaces are git worktrees on this server; nothing to reach");
        }
        boolean configured = config("daytona_api_url").configured() && config("daytona_api_key").configured();
        return new TestResult(false, provider, "Flightdeck does not run Daytona workspaces: the setting is kept, but runs"
                + " happen in local worktrees" + (configured ? "" : " (and the Daytona API URL or key is not configured)"));
    }
}
