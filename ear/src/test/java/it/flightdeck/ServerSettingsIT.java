package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Server settings (contract §1.10) on the started server, over real HTTP and real WebSockets: the
 * role and the primary claims are persisted and reach every socket as {@code server_info}, a claim
 * ends with its socket, secrets never come back out, and the update routes say what they know.
 */
class ServerSettingsIT {
    static final String OPENAI_SECRET = "sk-it-openai-secret-9c41e2";
    static final String DAYTONA_SECRET = "dtn-it-secret-77ab03";
    final List<String> bodies = new ArrayList<>();

    Api.Resp call(String method, String path, String json) {
        Api.Resp r = Api.call(method, path, json, Api.token());
        bodies.add(r.body());
        return r;
    }

    Api.Resp put(String path, String json) {
        return call("PUT", path, json);
    }

    static boolean info(JsonObject f) {
        return "server_info".equals(f.getString("type", ""));
    }

    static boolean claims(JsonObject f, String clientId) {
        return f.getJsonArray("client_primary_claims").stream()
                .anyMatch(c -> clientId.equals(c.asJsonObject().getString("client_id")));
    }

    static boolean metaClaims(String clientId) {
        return claims(Api.get("/api/server/meta").json(), clientId);
    }

    @Test
    void theRoleIsPersistedAndEverySocketHearsOfIt() throws Exception {
        try (Ws a = Ws.connect(Api.token()); Ws b = Ws.connect(Api.token())) {
            a.awaitType("server_info");
            b.awaitType("server_info");
            try {
                Api.Resp r = put("/api/server/role", "{\"is_primary\":false}");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().getBoolean("is_primary")).isFalse();
                assertThat(a.await(f -> info(f) && !f.getBoolean("is_primary"), 10).keySet()).contains("client_primary_claims");
                b.await(f -> info(f) && !f.getBoolean("is_primary"), 10);
                assertThat(Api.get("/api/server/meta").json().getBoolean("is_primary")).isFalse();
                // A socket opened now starts from the stored role.
                try (Ws c = Ws.connect(Api.token())) {
                    assertThat(c.awaitType("server_info").getBoolean("is_primary")).isFalse();
                }
                // The socket form of the same change.
                a.send("{\"type\":\"set_server_role\",\"is_primary\":true}");
                b.await(f -> info(f) && f.getBoolean("is_primary"), 10);
                assertThat(Api.get("/api/server/meta").json().getBoolean("is_primary")).isTrue();
            } finally {
                put("/api/server/role", "{\"is_primary\":true}");
            }
        }
    }

    @Test
    void aClaimIsBroadcastAndEndsWhenItsSocketCloses() throws Exception {
        try (Ws watcher = Ws.connect(Api.token())) {
            watcher.awaitType("server_info");
            Ws device = Ws.connectWithQuery(Api.token(), "client_id=it-phone-1");
            device.awaitType("server_info");
            Api.Resp r = call("POST", "/api/client/primary-claim",
                    "{\"client_id\":\"it-phone-1\",\"device_name\":\"IT phone\",\"is_primary\":true}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().getBoolean("accepted")).isTrue();
            JsonObject claimed = watcher.await(f -> info(f) && claims(f, "it-phone-1"), 10);
            assertThat(claimed.getJsonArray("client_primary_claims").stream().map(JsonValue::asJsonObject)
                    .filter(c -> c.getString("client_id").equals("it-phone-1")).findFirst().orElseThrow()
                    .getString("device_name")).isEqualTo("IT phone");
            device.await(f -> info(f) && claims(f, "it-phone-1"), 10);
            assertThat(metaClaims("it-phone-1")).isTrue();

            device.close();
            watcher.await(f -> info(f) && !claims(f, "it-phone-1"), 10);
            assertThat(metaClaims("it-phone-1")).isFalse();

            // Claimed over the socket itself: the socket is the claimant, and its close ends the claim.
            Ws tablet = Ws.connect(Api.token());
            tablet.awaitType("server_info");
            tablet.send("{\"type\":\"set_client_primary_claim\",\"client_id\":\"it-tablet-1\",\"device_name\":\"IT tablet\",\"is_primary\":true}");
            watcher.await(f -> info(f) && claims(f, "it-tablet-1"), 10);
            tablet.close();
            watcher.await(f -> info(f) && !claims(f, "it-tablet-1"), 10);
            assertThat(metaClaims("it-tablet-1")).isFalse();

            // Withdrawn by the client, with no socket involved.
            call("POST", "/api/client/primary-claim", "{\"client_id\":\"it-laptop-1\",\"is_primary\":true}");
            watcher.await(f -> info(f) && claims(f, "it-laptop-1"), 10);
            call("POST", "/api/client/primary-claim", "{\"client_id\":\"it-laptop-1\",\"is_primary\":false}");
            watcher.await(f -> info(f) && !claims(f, "it-laptop-1"), 10);
            assertThat(metaClaims("it-laptop-1")).isFalse();
        }
    }

    @Test
    void secretsGoInAndNeverComeOut() throws Exception {
        Api.Resp set = call("POST", "/api/server/openai-key", "{\"key\":\"" + OPENAI_SECRET + "\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().getBoolean("configured")).isTrue();
        assertThat(call("GET", "/api/server/openai-key", null).json().getBoolean("configured")).isTrue();

        JsonObject key = put("/api/server/workspace-provider/config/daytona_api_key", "{\"value\":\"" + DAYTONA_SECRET + "\"}").json();
        assertThat(key.getString("key")).isEqualTo("daytona_api_key");
        assertThat(key.getBoolean("configured")).isTrue();
        assertThat(key.getBoolean("secret")).isTrue();
        assertThat(key.getString("source")).isEqualTo("settings");
        assertThat(key.containsKey("value")).isFalse();
        assertThat(call("GET", "/api/server/workspace-provider/config/daytona_api_key", null).json()).isEqualTo(key);

        JsonObject image = put("/api/server/workspace-provider/config/daytona_image", "{\"value\":\"it/image:1\"}").json();
        assertThat(image.getString("value")).isEqualTo("it/image:1");
        assertThat(image.getBoolean("secret")).isFalse();
        assertThat(call("GET", "/api/server/workspace-provider/config/daytona_image", null).json().getString("value"))
                .isEqualTo("it/image:1");
        JsonObject cleared = put("/api/server/workspace-provider/config/daytona_image", "{\"value\":null}").json();
        assertThat(cleared.getBoolean("configured")).isFalse();
        assertThat(cleared.containsKey("value")).isFalse();

        // The server's environment sets FLIGHTDECK_DAYTONA_TARGET: it wins over a stored value.
        JsonObject target = put("/api/server/workspace-provider/config/daytona_target", "{\"value\":\"stored-target\"}").json();
        assertThat(target.getString("source")).isEqualTo("env");
        assertThat(target.getString("value")).isEqualTo("it-env-target");

        Path db = Api.DATA_DIR.resolve("db").resolve("flightdeck.mv.db");
        if (Files.exists(db)) {
            assertThat(new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1)).doesNotContain(OPENAI_SECRET)
                    .doesNotContain(DAYTONA_SECRET);
        }
        assertThat(bodies).noneMatch(b -> b.contains(OPENAI_SECRET) || b.contains(DAYTONA_SECRET));
        assertThat(Api.get("/api/server/meta").body()).doesNotContain(OPENAI_SECRET).doesNotContain(DAYTONA_SECRET);
        Path log = Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"), "usr", "servers",
                System.getProperty("it.server", "flightdeck-it"), "logs", "messages.log");
        if (Files.exists(log)) {
            assertThat(Files.readString(log)).doesNotContain(OPENAI_SECRET).doesNotContain(DAYTONA_SECRET);
        }
    }

    @Test
    void onlyLocalWorkspacesRunAndDaytonaSaysSo() {
        try {
            assertThat(put("/api/server/workspace-provider", "{\"workspace_provider\":\"local\"}").json()
                    .getString("workspace_provider")).isEqualTo("local");
            JsonObject local = call("POST", "/api/server/workspace-provider/test", null).json();
            assertThat(local.getBoolean("ok")).isTrue();
            assertThat(local.getString("provider")).isEqualTo("local");

            assertThat(put("/api/server/workspace-provider", "{\"workspace_provider\":\"daytona\"}").status()).isEqualTo(200);
            assertThat(call("GET", "/api/server/workspace-provider", null).json().getString("workspace_provider")).isEqualTo("daytona");
            JsonObject daytona = call("POST", "/api/server/workspace-provider/test", null).json();
            assertThat(daytona.getBoolean("ok")).isFalse();
            assertThat(daytona.getString("provider")).isEqualTo("daytona");
            assertThat(daytona.getString("message")).contains("does not run Daytona");
        } finally {
            put("/api/server/workspace-provider", "{\"workspace_provider\":\"local\"}");
        }
    }

    @Test
    void updateChecksReportTheRunningVersionAndUpgradesAreRefusedInPlainText() {
        String version = Api.get("/api/server/meta").json().getString("server_version");
        try {
            assertThat(put("/api/server/update-channel", "{\"channel\":\"beta\"}").json().getString("channel")).isEqualTo("beta");
            assertThat(call("GET", "/api/server/update-channel", null).json().getString("channel")).isEqualTo("beta");

            JsonObject checked = call("POST", "/api/server/check-update", null).json();
            assertThat(checked.getBoolean("update_available")).isFalse();
            assertThat(checked.getString("latest_version")).isEqualTo(version);
            assertThat(checked.getString("channel")).isEqualTo("beta");
            assertThat(checked.getString("checked_at")).isNotBlank();
            // Within the five-minute debounce the check answers the last one, time and all.
            assertThat(call("POST", "/api/server/check-update", null).json().getString("checked_at"))
                    .isEqualTo(checked.getString("checked_at"));
            assertThat(call("GET", "/api/server/update-status", null).json()).isEqualTo(checked);
            assertThat(Api.get("/api/server/meta").json().getJsonObject("update_status").getString("checked_at"))
                    .isEqualTo(checked.getString("checked_at"));

            Api.Resp none = call("POST", "/api/server/start-upgrade", "{}");
            assertThat(none.status()).isEqualTo(404);
            assertThat(none.header("Content-Type")).startsWith("text/plain");
            assertThat(none.body()).contains("no release feed").contains("beta");
            Api.Resp same = call("POST", "/api/server/start-upgrade", "{\"version\":\"" + version + "\"}");
            assertThat(same.status()).isEqualTo(409);
            assertThat(same.header("Content-Type")).startsWith("text/plain");
            assertThat(same.body()).contains(version);
            Api.Resp bad = call("POST", "/api/server/start-upgrade", "{\"channel\":\"canary\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().getString("error")).startsWith("channel:");
        } finally {
            put("/api/server/update-channel", "{\"channel\":\"stable\"}");
        }
    }

    @Test
    void newCodexSessionsGetTheConfigSourcePreference() throws Exception {
        try {
            assertThat(put("/api/server/codex-preferences", "{\"default_config_source\":\"orbitdock\"}").json()
                    .getString("default_config_source")).isEqualTo("orbitdock");
            assertThat(call("GET", "/api/server/codex-preferences", null).json().getString("default_config_source"))
                    .isEqualTo("orbitdock");
            Path dir = Files.createTempDirectory("fd-codex-pref-");
            String byDefault = Api.post("/api/sessions", "{\"provider\":\"codex\",\"cwd\":\"" + dir + "\"}").json().getString("session_id");
            String named = Api.post("/api/sessions", "{\"provider\":\"codex\",\"cwd\":\"" + dir + "\",\"codex_config_source\":\"user\"}")
                    .json().getString("session_id");
            assertThat(detail(byDefault).getString("codex_config_source")).isEqualTo("orbitdock");
            assertThat(detail(named).getString("codex_config_source")).isEqualTo("user");
            Api.Resp bad = Api.post("/api/sessions", "{\"provider\":\"codex\",\"cwd\":\"" + dir + "\",\"codex_config_source\":\"both\"}");
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.json().getString("code")).isEqualTo("invalid_codex_config");
            Api.post("/api/sessions/" + byDefault + "/lifecycle/end", "{}");
            Api.post("/api/sessions/" + named + "/lifecycle/end", "{}");
        } finally {
            put("/api/server/codex-preferences", "{\"default_config_source\":\"user\"}");
        }
    }

    @Test
    void openApiDescribesTheseRoutes() {
        JsonObject doc = Api.get("/openapi?format=JSON").json();
        JsonObject paths = doc.getJsonObject("paths");
        for (String p : List.of("/api/server/role", "/api/client/primary-claim", "/api/server/openai-key",
                "/api/server/workspace-provider", "/api/server/workspace-provider/config/{key}",
                "/api/server/workspace-provider/test", "/api/server/update-status", "/api/server/check-update",
                "/api/server/start-upgrade", "/api/server/update-channel", "/api/server/codex-preferences",
                "/api/sync", "/api/workspaces", "/api/workspaces/{id}", "/api/workspaces/{id}/sync-token")) {
            assertThat(paths.containsKey(p)).as(p).isTrue();
        }
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("ServerMeta").getJsonObject("properties").keySet())
                .contains("is_primary", "client_primary_claims", "update_status");
        assertThat(schemas.getJsonObject("SyncAcked").getJsonObject("properties").keySet()).containsExactly("acked_through");
        assertThat(schemas.getJsonObject("WorkspaceProviderConfig").getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("key", "value", "configured", "secret", "source");
    }

    static JsonObject detail(String id) {
        return Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session");
    }

    @Test
    void badSettingsAreFieldNamed400s() {
        record Case(String method, String path, String body, String field) {
        }
        for (Case c : List.of(
                new Case("PUT", "/api/server/role", "{}", "is_primary"),
                new Case("PUT", "/api/server/role", "{\"is_primary\":\"yes\"}", "is_primary"),
                new Case("POST", "/api/client/primary-claim", "{\"is_primary\":true}", "client_id"),
                new Case("POST", "/api/client/primary-claim", "{\"client_id\":\"" + "x".repeat(201) + "\",\"is_primary\":true}", "client_id"),
                new Case("POST", "/api/client/primary-claim", "{\"client_id\":\"d\"}", "is_primary"),
                new Case("POST", "/api/server/openai-key", "{\"key\":\"  \"}", "key"),
                new Case("PUT", "/api/server/workspace-provider", "{\"workspace_provider\":\"docker\"}", "workspace_provider"),
                new Case("PUT", "/api/server/workspace-provider/config/public_server_url", "{\"value\":\"ftp://x\"}", "value"),
                new Case("PUT", "/api/server/workspace-provider/config/daytona_image", "{}", "value"),
                new Case("PUT", "/api/server/update-channel", "{\"channel\":\"canary\"}", "channel"),
                new Case("PUT", "/api/server/codex-preferences", "{\"default_config_source\":\"both\"}", "default_config_source"),
                new Case("PUT", "/api/server/role", "[true]", "body"))) {
            Api.Resp r = call(c.method(), c.path(), c.body());
            assertThat(r.status()).as(c.toString()).isEqualTo(400);
            assertThat(r.json().getString("code")).as(c.toString()).isNotBlank();
            assertThat(r.json().getString("error")).as(c.toString()).startsWith(c.field() + ":");
        }
        Api.Resp unknown = call("GET", "/api/server/workspace-provider/config/openai_api_key", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("code")).isEqualTo("not_found");
        assertThat(put("/api/server/workspace-provider/config/openai_api_key", "{\"value\":\"x\"}").status()).isEqualTo(404);
    }
}
