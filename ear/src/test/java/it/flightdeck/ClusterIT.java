package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL: a second server, a copy of the test server on its own port and data
 * dir, shares the database. Runs only in the PostgreSQL pass.
 */
class ClusterIT {
    static final int PORT2 = Integer.getInteger("it.port2", 4101);
    static final String BASE2 = "http://127.0.0.1:" + PORT2;
    static Path bin;
    static Path server2;

    @BeforeAll
    static void startSecondNode() throws Exception {
        assumeTrue(System.getProperty("it.db.url", "").startsWith("jdbc:postgresql:"), "needs a shared PostgreSQL");
        Path servers = Path.of(System.getProperty("it.wlp.dir"), "usr", "servers");
        bin = Path.of(System.getProperty("it.wlp.dir"), "bin", "server");
        Path server1 = servers.resolve(System.getProperty("it.server"));
        server2 = servers.resolve("flightdeck-it2");
        copy(server1, server2);
        Path env = server2.resolve("server.env");
        String text = Files.readString(env)
                .replaceAll("(?m)^FLIGHTDECK_PORT=.*$", "FLIGHTDECK_PORT=" + PORT2)
                .replaceAll("(?m)^FLIGHTDECK_DATA_DIR=(.*)$", "FLIGHTDECK_DATA_DIR=$1-node2");
        Files.writeString(env, text);
        assertThat(new ProcessBuilder(bin.toString(), "start", "flightdeck-it2").inheritIO().start().waitFor()).isZero();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (call("GET", "/api/server/ping", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("second node did not start");
    }

    @AfterAll
    static void stopSecondNode() throws Exception {
        if (server2 != null) {
            new ProcessBuilder(bin.toString(), "stop", "flightdeck-it2").inheritIO().start().waitFor();
        }
    }

    static Api.Resp call(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE2 + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + Api.token());
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return Api.send(b.build());
    }

    @Test
    void bothNodesAgreeOnRevisionsAndPushEachOthersChanges() throws Exception {
        String id = Api.createSession();
        long r0 = Api.detailRevision(id);
        assertThat(call("GET", "/api/sessions/" + id + "/detail", null).json().getJsonNumber("revision").longValue())
                .isEqualTo(r0);

        Ws ws = Ws.listener();
        WebSocket socket = Api.HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + Api.token())
                .buildAsync(URI.create(BASE2.replace("http", "ws") + "/ws"), ws).get(10, TimeUnit.SECONDS);
        try {
            ws.awaitType("server_info");
            // Replay from r0 is exact, so the write below reaches the socket however the two race.
            ws.send(WebSocketIT.surface(id, "conversation", r0));
            // Written on node 1, pushed by node 2, at the revision both nodes report.
            long r1 = Api.patch("/api/sessions/" + id + "/detail/name", "{\"name\":\"from node 1\"}").json()
                    .getJsonObject("session_detail_snapshot").getJsonNumber("revision").longValue();
            JsonObject delta = ws.await(f -> "session_delta".equals(f.getString("type", "")), 10);
            assertThat(delta.getJsonNumber("revision").longValue()).isEqualTo(r1);
            assertThat(delta.getJsonObject("changes").getString("custom_name")).isEqualTo("from node 1");

            // Written on node 2 next: the revision goes on from node 1's, and node 2 pushes it too.
            long r2 = call("PATCH", "/api/sessions/" + id + "/detail/name", "{\"name\":\"from node 2\"}").json()
                    .getJsonObject("session_detail_snapshot").getJsonNumber("revision").longValue();
            assertThat(r2).isEqualTo(r1 + 1);
            assertThat(ws.await(f -> "session_delta".equals(f.getString("type", "")), 10)
                    .getJsonNumber("revision").longValue()).isEqualTo(r2);
            assertThat(Api.detailRevision(id)).isEqualTo(r2);
        } finally {
            socket.abort();
        }
    }

    @Test
    void aRoleOrClaimChangedOnOneNodeReachesTheOthersSockets() throws Exception {
        Ws ws = Ws.listener();
        WebSocket socket = Api.HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + Api.token())
                .buildAsync(URI.create(BASE2.replace("http", "ws") + "/ws"), ws).get(10, TimeUnit.SECONDS);
        try {
            ws.awaitType("server_info");
            String device = "cluster-device-" + System.nanoTime();
            // Claimed on node 1 over HTTP; node 2's socket hears of it from the shared event log.
            Api.Resp claimed = Api.post("/api/client/primary-claim", "{\"client_id\":\"" + device
                    + "\",\"device_name\":\"Cluster phone\",\"is_primary\":true}");
            assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
            JsonObject info = ws.await(f -> "server_info".equals(f.getString("type", ""))
                    && f.getJsonArray("client_primary_claims").stream()
                    .anyMatch(c -> device.equals(c.asJsonObject().getString("client_id"))), 10);
            assertThat(info.getJsonArray("client_primary_claims").stream()
                    .filter(c -> device.equals(c.asJsonObject().getString("client_id"))).findFirst().orElseThrow()
                    .asJsonObject().getString("device_name")).isEqualTo("Cluster phone");

            // The role set on node 1, then back: node 2's socket gets both, in order.
            assertThat(Api.call("PUT", "/api/server/role", "{\"is_primary\":false}", Api.token()).status()).isEqualTo(200);
            assertThat(ws.await(f -> "server_info".equals(f.getString("type", "")) && !f.getBoolean("is_primary"), 10))
                    .isNotNull();
            assertThat(Api.call("PUT", "/api/server/role", "{\"is_primary\":true}", Api.token()).status()).isEqualTo(200);
            assertThat(ws.await(f -> "server_info".equals(f.getString("type", "")) && f.getBoolean("is_primary"), 10))
                    .isNotNull();
            Api.post("/api/client/primary-claim", "{\"client_id\":\"" + device
                    + "\",\"device_name\":\"Cluster phone\",\"is_primary\":false}");
        } finally {
            socket.abort();
        }
    }

    @Test
    void aTokenRevokedOnOneNodeIsRefusedByTheOther() {
        JsonObject t = Api.post("/api/auth/tokens", "{\"label\":\"cluster\"}").json();
        String token = t.getString("token");
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(BASE2 + "/api/server/ping"))
                .header("Authorization", "Bearer " + token);
        assertThat(Api.send(req.GET().build()).status()).isEqualTo(200);
        Api.delete("/api/auth/tokens/" + t.getString("id"));
        assertThat(Api.send(req.GET().build()).status()).isEqualTo(401);
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> all = Files.walk(from)) {
            all.forEach(p -> {
                Path rel = from.relativize(p);
                String first = rel.getNameCount() > 0 ? rel.getName(0).toString() : "";
                if (first.equals("logs") || first.equals("workarea") || rel.toString().startsWith("apps/expanded")) {
                    return;
                }
                try {
                    Path target = to.resolve(rel.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
