package dev.flightdeck.core.capability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class McpStatusTest {
    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void mapsServersToolsAndStatus() {
        JsonObject out = McpStatus.fromClaude(json("""
                {"mcpServers":[
                  {"name":"echo","status":"connected","scope":"project",
                   "tools":[{"name":"say","description":"Says it","annotations":{"readOnly":true}}]},
                  {"name":"remote","status":"needs-auth"},
                  {"name":"off","status":"disabled","config":{"type":"http","oauth":{}}},
                  {"name":"","status":"connected"}]}"""));
        assertThat(out.getJsonObject("tools").keySet()).containsExactly("echo", "remote", "off");
        JsonObject say = out.getJsonObject("tools").getJsonObject("echo").getJsonObject("say");
        assertThat(say.getString("name")).isEqualTo("say");
        assertThat(say.getString("description")).isEqualTo("Says it");
        assertThat(say.getJsonObject("annotations").getBoolean("readOnly")).isTrue();
        assertThat(out.getJsonObject("tools").getJsonObject("off")).isEmpty();
        assertThat(out.getJsonObject("resources").getJsonArray("echo")).isEmpty();
        assertThat(out.getJsonObject("resource_templates").keySet()).containsExactly("echo", "remote", "off");
        assertThat(out.getJsonObject("auth_statuses").getString("echo")).isEqualTo("unsupported");
        assertThat(out.getJsonObject("auth_statuses").getString("remote")).isEqualTo("notLoggedIn");
        assertThat(out.getJsonObject("auth_statuses").getString("off")).isEqualTo("oAuth");
        assertThat(out.getJsonObject("servers").getJsonObject("off").getString("status")).isEqualTo("disabled");
        assertThat(out.getJsonObject("servers").getJsonObject("echo").getString("scope")).isEqualTo("project");
    }

    @Test
    void noServersIsFourEmptyMaps() {
        JsonObject out = McpStatus.fromClaude(JsonObject.EMPTY_JSON_OBJECT);
        assertThat(out).isEqualTo(McpStatus.empty());
        assertThat(out.getJsonObject("tools")).isEmpty();
    }
}
