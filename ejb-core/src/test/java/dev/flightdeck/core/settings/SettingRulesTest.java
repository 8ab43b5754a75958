package dev.flightdeck.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SettingRulesTest {
    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void providersAreLocalOrDaytonaAndLocalByDefault() {
        assertThat(SettingRules.provider(json("{\"workspace_provider\":\"daytona\"}"))).isEqualTo("daytona");
        assertThat(SettingRules.storedProvider(null)).isEqualTo("local");
        assertThatThrownBy(() -> SettingRules.provider(json("{\"workspace_provider\":\"docker\"}")))
                .hasMessageStartingWith("workspace_provider:");
    }

    @Test
    void configKeysAreTheContractsFiveAndReadFromFlightdeckEnvironmentNames() {
        assertThat(SettingRules.PROVIDER_CONFIG_KEYS).containsExactly("public_server_url", "daytona_api_url",
                "daytona_api_key", "daytona_image", "daytona_target");
        assertThat(SettingRules.isConfigKey("openai_api_key")).isFalse();
        assertThat(SettingRules.envName("daytona_api_url")).isEqualTo("FLIGHTDECK_DAYTONA_API_URL");
        assertThat(ServerSettings.isSecret("daytona_api_key")).isTrue();
        assertThat(ServerSettings.isSecret("daytona_image")).isFalse();
    }

    @Test
    void configValuesAreCheckedAndNullOrBlankClears() {
        assertThat(SettingRules.configValue("daytona_api_url", json("{\"value\":\" https://api.example.test/v1 \"}")))
                .isEqualTo("https://api.example.test/v1");
        assertThat(SettingRules.configValue("daytona_image", json("{\"value\":null}"))).isNull();
        assertThat(SettingRules.configValue("daytona_image", json("{\"value\":\"  \"}"))).isNull();
        assertThatThrownBy(() -> SettingRules.configValue("public_server_url", json("{\"value\":\"ftp://x\"}")))
                .hasMessageStartingWith("value:");
        assertThatThrownBy(() -> SettingRules.configValue("public_server_url", json("{\"value\":\"not a url\"}")))
                .hasMessageStartingWith("value:");
        assertThatThrownBy(() -> SettingRules.configValue("daytona_image", json("{}"))).hasMessageStartingWith("value:");
        assertThatThrownBy(() -> SettingRules.configValue("daytona_image", json("{\"value\":3}"))).hasMessageStartingWith("value:");
    }

    @Test
    void anApiKeyIsOneNonBlankToken() {
        assertThat(SettingRules.apiKey(json("{\"key\":\" sk-abc \"}"))).isEqualTo("sk-abc");
        assertThatThrownBy(() -> SettingRules.apiKey(json("{\"key\":\"\"}"))).hasMessageStartingWith("key:");
        assertThatThrownBy(() -> SettingRules.apiKey(json("{\"key\":\"a b\"}"))).hasMessageStartingWith("key:");
        assertThatThrownBy(() -> SettingRules.apiKey(json("{}"))).hasMessageStartingWith("key:");
    }

    @Test
    void codexConfigSourceIsUserOrOrbitdockAndUserByDefault() {
        assertThat(SettingRules.configSource(json("{\"default_config_source\":\"orbitdock\"}"))).isEqualTo("orbitdock");
        assertThat(SettingRules.storedConfigSource(null)).isEqualTo("user");
        assertThatThrownBy(() -> SettingRules.configSource(json("{\"default_config_source\":\"both\"}")))
                .hasMessageStartingWith("default_config_source:");
    }
}
