package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuthIT {
    /** Every route this server has, with a method; each must refuse a request without a valid token. */
    static final List<String[]> ROUTES = List.of(
            new String[]{"GET", "/api/sessions/summary"},
            new String[]{"GET", "/api/sessions/active"},
            new String[]{"GET", "/api/sessions/archive"},
            new String[]{"POST", "/api/sessions"},
            new String[]{"GET", "/api/sessions/od-x/detail"},
            new String[]{"PATCH", "/api/sessions/od-x/detail/config"},
            new String[]{"POST", "/api/sessions/od-x/detail/read"},
            new String[]{"PATCH", "/api/sessions/od-x/detail/name"},
            new String[]{"PATCH", "/api/sessions/od-x/detail/summary"},
            new String[]{"POST", "/api/sessions/od-x/lifecycle/end"},
            new String[]{"POST", "/api/auth/tokens"},
            new String[]{"GET", "/api/auth/tokens"},
            new String[]{"DELETE", "/api/auth/tokens/abc"},
            new String[]{"GET", "/api/server/meta"},
            new String[]{"GET", "/api/server/ping"},
            new String[]{"GET", "/api/server/tracker-keys"},
            new String[]{"POST", "/api/server/linear-key"},
            new String[]{"DELETE", "/api/server/github-key"},
            new String[]{"PUT", "/api/server/mission-defaults"},
            new String[]{"GET", "/ws"},
            new String[]{"GET", "/api/no-such-route"});

    @Test
    void firstStartWroteAnOwnerOnlyTokenFile() throws Exception {
        var file = Api.DATA_DIR.resolve("auth-token");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Api.token()).startsWith("fdk_");
        assertThat(Api.get("/api/server/meta").status()).isEqualTo(200);
    }

    @Test
    void everyRouteRefusesMissingGarbageAndRevokedTokens() {
        String revoked = Api.post("/api/auth/tokens", "{\"label\":\"to revoke\"}").json().getString("token");
        String revokedId = revoked.substring(4, 16);
        assertThat(Api.call("GET", "/api/server/meta", null, revoked).status()).isEqualTo(200);
        assertThat(Api.delete("/api/auth/tokens/" + revokedId).status()).isEqualTo(200);

        for (String[] route : ROUTES) {
            for (String bad : new String[]{null, "nonsense", Api.token() + "x", revoked}) {
                Api.Resp r = Api.call(route[0], route[1], route[0].equals("GET") || route[0].equals("DELETE") ? null : "{}", bad);
                assertThat(r.status()).as(route[0] + " " + route[1] + " with " + bad).isEqualTo(401);
                JsonObject body = r.json();
                assertThat(body.getString("code")).isEqualTo("unauthorized");
                assertThat(body.getString("error")).isNotBlank();
                if (!route[1].equals("/ws")) {
                    // A Basic challenge would make browsers pop up a password dialog.
                    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
                }
            }
        }
    }

    @Test
    void tokenLifecycle() {
        Api.Resp created = Api.post("/api/auth/tokens", "{\"label\":\"ci\",\"expires_at\":\"2099-01-01T00:00:00Z\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonObject c = created.json();
        String token = c.getString("token");
        assertThat(token).matches("fdk_[A-Za-z0-9_-]{12}_[A-Za-z0-9_-]{43}");
        assertThat(c.getString("label")).isEqualTo("ci");
        assertThat(c.getString("expires_at")).isEqualTo("2099-01-01T00:00:00Z");
        Instant beforeUse = Instant.now();
        assertThat(Api.call("GET", "/api/sessions/summary", null, token).status()).isEqualTo(200);

        String listing = Api.get("/api/auth/tokens").body();
        assertThat(listing).doesNotContain(token).doesNotContain(token.substring(17));
        JsonObject mine = Api.get("/api/auth/tokens").json().getJsonArray("tokens").stream()
                .map(v -> v.asJsonObject()).filter(t -> t.getString("id").equals(c.getString("id"))).findFirst().orElseThrow();
        assertThat(Instant.parse(mine.getString("last_used_at"))).as("the use just made is recorded")
                .isBetween(beforeUse.truncatedTo(ChronoUnit.MILLIS), Instant.now());
        assertThat(mine.containsKey("token")).isFalse();

        assertThat(Api.delete("/api/auth/tokens/" + c.getString("id")).json().getBoolean("revoked")).isTrue();
        assertThat(Api.call("GET", "/api/sessions/summary", null, token).status()).isEqualTo(401);
        assertThat(Api.delete("/api/auth/tokens/" + c.getString("id")).status()).isEqualTo(404);
    }

    @Test
    void tokenValidationNamesTheField() {
        assertThat(Api.post("/api/auth/tokens", "{}").json().getString("error")).startsWith("label");
        assertThat(Api.post("/api/auth/tokens", "{\"label\":\"x\",\"expires_at\":\"soon\"}").json().getString("error"))
                .startsWith("expires_at");
        assertThat(Api.post("/api/auth/tokens", "{\"label\":\"x\",\"expires_at\":\"2000-01-01T00:00:00Z\"}").status())
                .isEqualTo(400);
        assertThat(Api.post("/api/auth/tokens", "{\"label\":\"x\",\"kind\":\"root\"}").json().getString("error"))
                .startsWith("kind");
    }

    @Test
    void expiredTokensStopWorking() throws Exception {
        String expires = Instant.now().plusSeconds(2).toString();
        String token = Api.post("/api/auth/tokens", "{\"label\":\"short\",\"expires_at\":\"" + expires + "\"}")
                .json().getString("token");
        assertThat(Api.call("GET", "/api/server/ping", null, token).status()).isEqualTo(200);
        Thread.sleep(2500);
        assertThat(Api.call("GET", "/api/server/ping", null, token).status()).isEqualTo(401);
    }

    @Test
    void workspaceSyncTokensCannotUseAppRoutes() {
        String sync = Api.post("/api/auth/tokens", "{\"label\":\"ws\",\"kind\":\"workspace_sync\"}").json().getString("token");
        Api.Resp r = Api.call("GET", "/api/sessions/summary", null, sync);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().getString("error")).contains("workspace sync");
    }

    @Test
    void queryTokenOpensTheWebSocketOnly() throws Exception {
        assertThat(Api.call("GET", "/api/server/meta?token=" + Api.token(), null, null).status()).isEqualTo(401);
        Ws ws = Ws.listener();
        var socket = Ws.connectWithQueryToken(Api.token(), ws).get(10, TimeUnit.SECONDS);
        assertThat(ws.awaitType("hello").getJsonObject("hello").getString("server_version")).isNotBlank();
        socket.abort();
    }

    @Test
    void revokingATokenClosesItsWebSockets() throws Exception {
        JsonObject c = Api.post("/api/auth/tokens", "{\"label\":\"ws-revoke\"}").json();
        try (Ws ws = Ws.connect(c.getString("token"))) {
            ws.awaitType("hello");
            Api.delete("/api/auth/tokens/" + c.getString("id"));
            assertThat(ws.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    /** What the client sends and what the container dispatches can differ; the check follows the latter. */
    @Test
    void authenticationDecidesOnTheDispatchedPath() {
        for (String path : List.of("/api/../api/auth/tokens", "/api/./auth/tokens", "//api/auth/tokens",
                "/x/../api/auth/tokens", "/health-x/../api/auth/tokens")) {
            Api.Resp r = Api.raw(path, null);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.json().getString("code")).isEqualTo("unauthorized");
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        }
        // Encoded dot segments are refused before any route, token or not.
        for (String token : new String[]{null, Api.token()}) {
            Api.Resp r = Api.raw("/api/%2e%2e/api/auth/tokens", token);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().getString("code")).isEqualTo("invalid_request");
        }
        // Under /health the path is Liberty's health module's, whatever its dot segments say: it is
        // refused there and never reaches the token route, with or without a token.
        for (String path : List.of("/health/../api/auth/tokens", "/health/%2e%2e/api/auth/tokens",
                "/health/./../api/auth/tokens")) {
            for (String token : new String[]{null, Api.token()}) {
                Api.Resp r = Api.raw(path, token);
                assertThat(r.status()).as(path).isIn(400, 404, 500);
                assertThat(r.json().getString("code")).isIn("request_refused", "internal_error");
            }
        }
    }

    static final String[] UPGRADE = {"Connection: Upgrade", "Upgrade: websocket", "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="};

    @Test
    void doubleSlashWsIsAuthenticatedLikeWs() {
        for (String path : List.of("/ws", "//ws", "/./ws")) {
            Api.Resp refused = Api.raw(path, null, UPGRADE);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.json().getString("code")).isEqualTo("unauthorized");
            assertThat(Api.raw(path + "?token=nonsense", null, UPGRADE).status()).as(path).isEqualTo(401);
            // Accepted: the upgrade, then a text frame (the hello), not a close for a missing login.
            for (Api.Resp open : List.of(Api.raw(path, Api.token(), UPGRADE), Api.raw(path + "?token=" + Api.token(), null, UPGRADE))) {
                assertThat(open.status()).as(path).isEqualTo(101);
                assertThat(open.body().charAt(0) & 0x0f).as(path + ": first frame's opcode").isEqualTo(1);
            }
        }
    }

    @Test
    void healthNeedsNoToken() {
        for (String p : List.of("/health", "/health/live", "/health/ready", "/health/started")) {
            Api.Resp r = Api.call("GET", p, null, null);
            assertThat(r.status()).as(p).isEqualTo(200);
            assertThat(r.json().getString("status")).isEqualTo("UP");
        }
    }
}
