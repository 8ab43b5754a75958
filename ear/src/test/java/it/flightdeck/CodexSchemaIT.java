package it.flightdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(true, p.waitFor(120, TimeUnit.SECONDS), "schema generation finished");
        assertEquals(0, p.exitValue());
        JsonObject expected;
        try (Reader r = Files.newBufferedReader(Path.of("..", "ejb-core", "src", "test", "resources", "codex",
                "protocol-" + System.getProperty("it.codex.version", "0.169.0") + ".json"))) {
            expected = Json.createReader(r).readObject();
        }
        assertEquals(strings(expected, "notifications"), methods(out.resolve("ServerNotification.json")));
        assertEquals(strings(expected, "requests"), methods(out.resolve("ServerRequest.json")));
        JsonObject v2 = read(out.resolve("codex_app_server_protocol.v2.schemas.json"));
        List<String> items = new ArrayList<>();
        for (JsonValue o : v2.getJsonObject("definitions").getJsonObject("ThreadItem").getJsonArray("oneOf")) {
            items.add(o.asJsonObject().getJsonObject("properties").getJsonObject("type").getJsonArray("enum").getString(0));
        }
        assertEquals(strings(expected, "item_types"), items.stream().sorted().toList());
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
