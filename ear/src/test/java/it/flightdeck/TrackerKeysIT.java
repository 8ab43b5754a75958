package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server-wide tracker keys (contract §1.15) on the started server: a key goes in, is reported as
 * configured with its source, and never comes back out — not in a response, not in the log, not in
 * the database file. The server runs with LINEAR_API_KEY in its environment (server.env) and none for
 * GitHub, so Linear shows the environment winning and GitHub shows the stored key.
 */
class TrackerKeysIT {
    static final String GITHUB_SECRET = "ghp_it_secret_4d7a91c0";
    static final String LINEAR_SECRET = "lin_api_it_stored_5e02b7";
    final List<String> bodies = new ArrayList<>();

    Api.Resp call(String method, String path, String json) {
        Api.Resp r = json == null ? Api.call(method, path, null, Api.token()) : Api.call(method, path, json, Api.token());
        bodies.add(r.body());
        return r;
    }

    static Api.Resp put(String path, String json) {
        return Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Api.token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void keysAreStoredReportedWithTheirSourceAndNeverShown() throws Exception {
        assertThat(call("DELETE", "/api/server/github-key", null).json().getBoolean("configured")).isFalse();
        assertThat(call("GET", "/api/server/github-key", null).json().getBoolean("configured")).isFalse();
        JsonObject before = call("GET", "/api/server/tracker-keys", null).json();
        assertThat(before.getJsonObject("github").getBoolean("configured")).isFalse();
        assertThat(before.getJsonObject("linear").getBoolean("configured")).isTrue();
        assertThat(before.getJsonObject("linear").getString("source")).isEqualTo("env");

        Api.Resp set = call("POST", "/api/server/github-key", "{\"key\":\"" + GITHUB_SECRET + "\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().getBoolean("configured")).isTrue();
        assertThat(call("GET", "/api/server/github-key", null).json().getBoolean("configured")).isTrue();
        JsonObject after = call("GET", "/api/server/tracker-keys", null).json();
        assertThat(after.getJsonObject("github").getBoolean("configured")).isTrue();
        assertThat(after.getJsonObject("github").getString("source")).isEqualTo("settings");

        // A stored Linear key does not displace the environment's.
        assertThat(call("POST", "/api/server/linear-key", "{\"key\":\"" + LINEAR_SECRET + "\"}").status()).isEqualTo(200);
        assertThat(call("GET", "/api/server/tracker-keys", null).json().getJsonObject("linear").getString("source")).isEqualTo("env");
        assertThat(call("DELETE", "/api/server/linear-key", null).json().getBoolean("configured")).isTrue();

        Path keyFile = Api.DATA_DIR.resolve("encryption.key");
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Path db = Api.DATA_DIR.resolve("db").resolve("flightdeck.mv.db");
        if (Files.exists(db)) {
            // H2 (the default) keeps the table in this file; PostgreSQL runs keep it elsewhere.
            assertThat(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1)).doesNotContain(GITHUB_SECRET)
                    .doesNotContain(LINEAR_SECRET);
        }

        assertThat(call("DELETE", "/api/server/github-key", null).json().getBoolean("configured")).isFalse();
        assertThat(call("GET", "/api/server/tracker-keys", null).json().getJsonObject("github").getBoolean("configured")).isFalse();

        assertThat(bodies).noneMatch(b -> b.contains(GITHUB_SECRET) || b.contains(LINEAR_SECRET) || b.contains("lin_api_it_env"));
        Path log = Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"), "usr", "servers",
                System.getProperty("it.server", "flightdeck-it"), "logs", "messages.log");
        if (Files.exists(log)) {
            assertThat(Files.readString(log)).doesNotContain(GITHUB_SECRET).doesNotContain(LINEAR_SECRET);
        }
    }

    @Test
    void badKeyBodiesAreFieldNamed400s() {
        for (String body : List.of("{}", "{\"key\":5}", "{\"key\":\"   \"}", "{\"key\":null}", "{\"key\":\"two words\"}",
                "{\"key\":\"" + "k".repeat(1001) + "\"}", "[]", "\"ghp_x\"")) {
            for (String route : List.of("/api/server/linear-key", "/api/server/github-key")) {
                Api.Resp r = Api.post(route, body);
                assertThat(r.status()).as(route + " " + body).isEqualTo(400);
                assertThat(r.json().getString("code")).as(route + " " + body).isIn("invalid_request", "invalid_argument");
                assertThat(r.json().getString("error")).as(route + " " + body).matches("(key|body): .*");
            }
        }
        // No body at all is refused before the route (415: no JSON content type), still an envelope.
        Api.Resp none = Api.call("POST", "/api/server/github-key", null, Api.token());
        assertThat(none.status()).isIn(400, 415);
        assertThat(none.json().getString("code")).isNotBlank();
    }

    @Test
    void missionDefaultsRoundTripAndRefuseUnknownValues() {
        JsonObject start = Api.get("/api/server/mission-defaults").json();
        assertThat(start.getString("provider_strategy")).isIn("single", "priority", "round_robin");

        JsonObject changed = put("/api/server/mission-defaults",
                "{\"provider_strategy\":\"priority\",\"primary_provider\":\"codex\",\"secondary_provider\":\"claude\"}").json();
        assertThat(changed.getString("provider_strategy")).isEqualTo("priority");
        assertThat(changed.getString("primary_provider")).isEqualTo("codex");
        assertThat(changed.getString("secondary_provider")).isEqualTo("claude");
        assertThat(Api.get("/api/server/mission-defaults").json()).isEqualTo(changed);

        Api.Resp bad = put("/api/server/mission-defaults", "{\"primary_provider\":\"gpt\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("error")).startsWith("primary_provider:");
        assertThat(put("/api/server/mission-defaults", "{\"provider_strategy\":7}").status()).isEqualTo(400);
        assertThat(put("/api/server/mission-defaults", "[1]").status()).isEqualTo(400);

        JsonObject cleared = put("/api/server/mission-defaults",
                "{\"provider_strategy\":\"single\",\"primary_provider\":\"claude\",\"secondary_provider\":null}").json();
        assertThat(cleared.getString("provider_strategy")).isEqualTo("single");
        assertThat(cleared.containsKey("secondary_provider") && !cleared.isNull("secondary_provider")).isFalse();
    }
}
