package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Claude session's permission rules on the started server: read from and written to Claude's real
 * settings files, every other key kept, announced to subscribers as permission_rules.
 */
class PermissionRulesIT {
    @RegisterExtension
    static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();

    static JsonObject file(Path p) throws Exception {
        try (var r = Json.createReader(new StringReader(Files.readString(p)))) {
            return r.readObject();
        }
    }

    static List<String> rules(String session) {
        Api.Resp r = Api.get("/api/sessions/" + session + "/permissions/rules");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject rules = r.json().getJsonObject("rules");
        assertThat(rules.getString("provider")).isEqualTo("claude");
        return rules.getJsonArray("rules").stream().map(JsonValue::asJsonObject)
                .map(o -> o.getString("pattern") + "=" + o.getString("behavior")).toList();
    }

    static Api.Resp change(String method, String session, String body) {
        return Api.call(method, "/api/sessions/" + session + "/permissions/rules", body, Api.token());
    }

    @Test
    void projectRulesGoToTheProjectsLocalSettingsKeepingEveryOtherKey() throws Exception {
        Agents.Session s = Agents.create();
        Path local = s.dir().resolve(".claude/settings.local.json");
        Files.createDirectories(local.getParent());
        Files.writeString(local, "{\"env\":{\"KEEP\":\"1\"},\"permissions\":{\"deny\":[\"Bash(rm:*)\"]}}");
        Files.writeString(s.dir().resolve(".claude/settings.json"), "{\"permissions\":{\"allow\":[\"Read\"],"
                + "\"additionalDirectories\":[\"../shared\"]}}");
        assertThat(rules(s.id())).containsExactly("Read=allow", "Bash(rm:*)=deny");
        JsonObject got = Api.get("/api/sessions/" + s.id() + "/permissions/rules").json().getJsonObject("rules");
        assertThat(got.getJsonArray("additional_directories").getString(0)).isEqualTo("../shared");

        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            // From the revision before the change: the frame comes live or, if the subscription lands after
            // it, by replay; either way exactly once.
            long revision = Api.get("/api/sessions/" + s.id() + "/detail").json().getJsonNumber("revision").longValue();
            ws.send("{\"type\":\"subscribe_session_surface\",\"session_id\":\"" + s.id()
                    + "\",\"surface\":\"conversation\",\"since_revision\":" + revision + "}");
            Api.Resp added = change("POST", s.id(), "{\"pattern\":\"Bash(npm test:*)\",\"behavior\":\"allow\"}");
            assertThat(added.status()).as(added.body()).isEqualTo(200);
            assertThat(added.json().getBoolean("ok")).isTrue();
            JsonObject frame = ws.await(f -> "permission_rules".equals(f.getString("type", "")), 10);
            assertThat(frame.getJsonObject("rules").getJsonArray("rules").toString()).contains("Bash(npm test:*)");
            assertThat(frame.getJsonNumber("revision").longValue()).isPositive();
        }
        JsonObject written = file(local);
        assertThat(written.getJsonObject("env").getString("KEEP")).isEqualTo("1");
        assertThat(written.getJsonObject("permissions").getJsonArray("allow").getString(0)).isEqualTo("Bash(npm test:*)");
        // The shared file is the team's: never written.
        assertThat(Files.readString(s.dir().resolve(".claude/settings.json"))).doesNotContain("npm test");

        // One pattern has one behavior: moving it to deny takes it out of allow.
        assertThat(change("POST", s.id(), "{\"pattern\":\"Bash(npm test:*)\",\"behavior\":\"deny\"}").status()).isEqualTo(200);
        assertThat(rules(s.id())).containsExactly("Read=allow", "Bash(rm:*)=deny", "Bash(npm test:*)=deny");
        assertThat(file(local).getJsonObject("permissions").containsKey("allow")).isFalse();

        assertThat(change("DELETE", s.id(), "{\"pattern\":\"Bash(rm:*)\"}").status()).isEqualTo(200);
        assertThat(rules(s.id())).containsExactly("Read=allow", "Bash(npm test:*)=deny");
        assertThat(file(local).getJsonObject("env").getString("KEEP")).isEqualTo("1");
        Agents.end(s);
    }

    @Test
    void globalRulesGoToTheUserSettingsOfTheClaudeFlightdeckRuns() throws Exception {
        Agents.Session s = Agents.create();
        Path user = Path.of(System.getProperty("it.data.dir")).resolve("claude-config/settings.json");
        String probe = "Bash(flightdeck-it-probe:*)";
        try {
            assertThat(change("POST", s.id(), "{\"pattern\":\"" + probe + "\",\"behavior\":\"ask\",\"scope\":\"global\"}")
                    .status()).isEqualTo(200);
            assertThat(file(user).getJsonObject("permissions").getJsonArray("ask").toString()).contains(probe);
            assertThat(rules(s.id())).contains(probe + "=ask");
            assertThat(Files.exists(s.dir().resolve(".claude/settings.local.json"))).isFalse();
        } finally {
            assertThat(change("DELETE", s.id(), "{\"pattern\":\"" + probe + "\",\"scope\":\"global\"}").status()).isEqualTo(200);
        }
        assertThat(Files.readString(user)).doesNotContain(probe);
        Agents.end(s);
    }

    @Test
    void badChangesAreRefusedAndABrokenFileIsNeverOverwritten() throws Exception {
        Agents.Session s = Agents.create();
        for (String bad : List.of("{}", "[]", "{\"pattern\":\"Read\",\"behavior\":\"always\"}",
                "{\"pattern\":\"Read\",\"behavior\":\"allow\",\"scope\":\"team\"}", "{\"pattern\":\"Read\"}")) {
            Api.Resp r = change("POST", s.id(), bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().getString("code")).isEqualTo("invalid_request");
        }
        assertThat(change("POST", "od-no-such-session", "{\"pattern\":\"Read\",\"behavior\":\"allow\"}").status()).isEqualTo(404);
        Path local = s.dir().resolve(".claude/settings.local.json");
        Files.createDirectories(local.getParent());
        Files.writeString(local, "{ not json");
        Api.Resp broken = change("POST", s.id(), "{\"pattern\":\"Read\",\"behavior\":\"allow\"}");
        assertThat(broken.status()).as(broken.body()).isEqualTo(409);
        assertThat(broken.json().getString("code")).isEqualTo("invalid_settings_file");
        assertThat(Files.readString(local)).isEqualTo("{ not json");
        Agents.end(s);
    }
}
