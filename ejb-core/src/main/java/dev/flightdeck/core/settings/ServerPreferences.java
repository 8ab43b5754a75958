package dev.flightdeck.core.settings;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The OpenAI key and the Codex preferences, kept in the server settings. */
@Stateless
public class ServerPreferences {
    public static final String CODEX_DEFAULT_CONFIG_SOURCE = "codex_default_config_source";

    @Inject
    ServerSettings settings;

    public boolean openAiKeyConfigured() {
        return settings.has(ServerSettings.OPENAI_API_KEY);
    }

    /** Stored sealed (secret key); nothing reads it back out through the API. */
    public void putOpenAiKey(String key) {
        settings.put(ServerSettings.OPENAI_API_KEY, key);
    }

    public String codexDefaultConfigSource() {
        return SettingRules.storedConfigSource(settings.get(CODEX_DEFAULT_CONFIG_SOURCE).orElse(null));
    }

    public String setCodexDefaultConfigSource(String source) {
        settings.put(CODEX_DEFAULT_CONFIG_SOURCE, source);
        return source;
    }
}
