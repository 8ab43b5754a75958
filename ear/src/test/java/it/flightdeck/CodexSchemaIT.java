package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Protocol drift: the installed Codex generates its app-server schema, and its notifications, server
 * requests and thread item types must be exactly the lists the mapper was checked against
 * (ejb-core's test resource). A new Codex version fails here, not in a user's session.
 */
class CodexSchemaIT {
    @Test
    void theInstalledCodexSpeaksTheProtocolTheMapperCovers() throws Exception {
        Path out = Files.createTempDirectory("fd-codex-schema-");
        Process p = new ProcessBuilder(System.getProperty("it.codex.bin", "codex"), "app-server",
                "generate-json-schema", "--out", out.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("schema generation finished").isTrue();
        assertThat(p.exitValue()).isEqualTo(0);
        JsonObject expected;
        try (Reader r = Files.newBufferedReader(Path.of("..", "ejb-core", "src", "test", "resources", "codex",
                "protocol-" + System.getProperty("it.codex.version", "0.169.0") + ".json"))) {
            expected = Json.createReader(r).readObject();
        }
        assertThat(methods(out.resolve("ServerNotification.json"))).isEqualTo(strings(expected, "notifications"));
        assertThat(methods(out.resolve("ServerRequest.json"))).isEqualTo(strings(expected, "requests"));
        JsonObject v2 = read(out.resolve("codex_app_server_protocol.v2.schemas.json"));
        List<String> items = new ArrayList<>();
        for (JsonValue o : v2.getJsonObject("definitions").getJsonObject("ThreadItem").getJsonArray("oneOf")) {
            items.add(o.asJsonObject().getJsonObject("properties").getJsonObject("type").getJsonArray("enum").getString(0));
        }
        assertThat(items.stream().sorted().toList()).isEqualTo(strings(expected, "item_types"));
    }

    static List<String> methods(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonValue o : read(file).getJsonArray("oneOf")) {
            JsonObject props = o.asJsonObject().getJsonObject("properties");
            if (props != null && props.containsKey("method")) {
                out.add(props.getJsonObject("method").getJsonArray("enum").getString(0));
            }
        }
        return out.stream().sorted().toList();
    }

    static List<String> strings(JsonObject o, String key) {
        return o.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static JsonObject read(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return Json.createReader(r).readObject();
        }
    }
}
