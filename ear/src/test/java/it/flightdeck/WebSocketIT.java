package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebSocketIT {
    static String surface(String sessionId, String surface, Long since) {
        return "{\"type\":\"subscribe_session_surface\",\"session_id\":\"" + sessionId + "\",\"surface\":\"" + surface
                + "\"" + (since == null ? "" : ",\"since_revision\":" + since) + "}";
    }

    static long rev(JsonObject f) {
        return f.getJsonNumber("revision").longValue();
    }

    @Test
    void helloThenServerInfo() throws Exception {
        try (Ws ws = Ws.connect(Api.token())) {
            JsonObject hello = ws.frames.poll(10, TimeUnit.SECONDS);
            assertThat(hello.getString("type")).isEqualTo("hello");
            assertThat(hello.getJsonObject("hello").getString("minimum_client_version")).isNotBlank();
            assertThat(hello.getJsonObject("hello").getJsonArray("capabilities")).isNotEmpty();
            JsonObject info = ws.frames.poll(10, TimeUnit.SECONDS);
            assertThat(info.getString("type")).isEqualTo("server_info");
            assertThat(info.getBoolean("is_primary")).isTrue();
        }
    }

    @Test
    void badMessagesGetAnErrorAndTheConnectionStays() throws Exception {
        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            ws.send("{not json");
            assertThat(ws.awaitType("error").getString("code")).isEqualTo("parse_error");
            ws.send("{\"type\":\"make_coffee\"}");
            assertThat(ws.awaitType("error").getString("message")).contains("make_coffee");
            ws.send(surface("od-missing", "detail", null));
            assertThat(ws.awaitType("error").getString("code")).isEqualTo("not_found");
            ws.send("{\"type\":\"subscribe_sessions_summary\"}");
            // Without a cursor the list subscription answers one invalidation at the current revision.
            long listRevision = Api.get("/api/sessions/summary").json().getJsonNumber("revision").longValue();
            assertThat(ws.awaitType("sessions_summary_invalidated").getJsonNumber("revision").longValue())
                    .isLessThanOrEqualTo(listRevision);
            assertThat(ws.closed).isNotDone();
        }
    }

    @Test
    void listSubscribersHearOfEveryCommittedChangeAtTheRestRevision() throws Exception {
        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            long current = Api.get("/api/sessions/summary").json().getJsonNumber("revision").longValue();
            ws.send("{\"type\":\"subscribe_sessions_summary\",\"since_revision\":" + current + "}");
            ws.send("{\"type\":\"subscribe_active_sessions\",\"since_revision\":" + current + "}");
            ws.send("{\"type\":\"subscribe_archived_sessions\",\"since_revision\":" + current + "}");
            String id = Api.createSession();
            JsonObject inv = ws.awaitAll("sessions_summary_invalidated", "active_sessions_invalidated",
                    "archived_sessions_invalidated").get("sessions_summary_invalidated");
            long after = Api.get("/api/sessions/summary").json().getJsonNumber("revision").longValue();
            assertThat(rev(inv)).isGreaterThan(current).isLessThanOrEqualTo(after);
            assertThat(Api.get("/api/sessions/summary").json().getJsonArray("active_sessions").stream()
                    .map(v -> v.asJsonObject().getString("id"))).contains(id);

            ws.send("{\"type\":\"unsubscribe_sessions_summary\"}");
            ws.drain(300);
            Api.createSession();
            List<JsonObject> later = ws.drain(1500);
            assertThat(later).extracting(f -> f.getString("type"))
                    .contains("active_sessions_invalidated").doesNotContain("sessions_summary_invalidated");
        }
    }

    @Test
    void aFailedMutationBroadcastsNothing() throws Exception {
        String id = Api.createSession();
        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            ws.send(surface(id, "detail", Api.detailRevision(id)));
            ws.send("{\"type\":\"subscribe_sessions_summary\",\"since_revision\":"
                    + Api.get("/api/sessions/summary").json().getJsonNumber("revision") + "}");
            ws.drain(300);
            assertThat(Api.patch("/api/sessions/" + id + "/detail/config", "{\"effort\":\"ludicrous\"}").status()).isEqualTo(400);
            assertThat(Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"/nope\"}").status()).isEqualTo(400);
            assertThat(ws.drain(1000)).isEmpty();
        }
    }

    @Test
    void sessionSurfacesGetDeltasAndInvalidationsAtTheSnapshotRevision() throws Exception {
        String id = Api.createSession();
        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            long r0 = Api.detailRevision(id);
            ws.send(surface(id, "detail", r0));
            ws.send(surface(id, "conversation", r0));
            ws.drain(300);
            JsonObject snapshot = Api.patch("/api/sessions/" + id + "/detail/name", "{\"name\":\"watched\"}").json()
                    .getJsonObject("session_detail_snapshot");
            var got = ws.awaitAll("session_delta", "session_surface_invalidated");
            JsonObject delta = got.get("session_delta");
            assertThat(delta.getString("session_id")).isEqualTo(id);
            assertThat(delta.getJsonObject("changes").getString("custom_name")).isEqualTo("watched");
            JsonObject inv = got.get("session_surface_invalidated");
            assertThat(inv.getString("surface")).isEqualTo("detail");
            assertThat(rev(inv)).isEqualTo(rev(delta)).isEqualTo(rev(snapshot));

            ws.send("{\"type\":\"unsubscribe_session_surface\",\"session_id\":\"" + id + "\",\"surface\":\"detail\"}");
            ws.drain(300);
            Api.patch("/api/sessions/" + id + "/detail/summary", "{\"summary\":\"s\"}");
            List<JsonObject> frames = ws.drain(1000);
            assertThat(frames).extracting(f -> f.getString("type")).containsExactly("session_delta");
        }
    }

    @Test
    void reconnectWithSinceRevisionReplaysExactlyWhatWasMissed() throws Exception {
        String id = Api.createSession();
        long since = Api.detailRevision(id);
        for (int i = 0; i < 5; i++) {
            Api.patch("/api/sessions/" + id + "/detail/name", "{\"name\":\"n" + i + "\"}");
        }
        long current = Api.detailRevision(id);
        assertThat(current).isEqualTo(since + 5);
        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            ws.send(surface(id, "conversation", since));
            List<JsonObject> replay = ws.drain(1500);
            assertThat(replay).extracting(f -> f.getString("type")).containsOnly("session_delta");
            assertThat(replay).extracting(WebSocketIT::rev).containsExactly(since + 1, since + 2, since + 3, since + 4, since + 5);
            assertThat(replay).extracting(f -> f.getJsonObject("changes").getString("custom_name"))
                    .containsExactly("n0", "n1", "n2", "n3", "n4");

            // Live events continue after the replay without a gap or a repeat.
            Api.patch("/api/sessions/" + id + "/detail/name", "{\"name\":\"live\"}");
            assertThat(rev(ws.awaitType("session_delta"))).isEqualTo(current + 1);

            // Up to date: nothing. Non-replayable surface behind: one invalidation at the current revision.
            ws.send(surface(id, "review", current + 1));
            ws.send(surface(id, "detail", since));
            List<JsonObject> frames = ws.drain(1000);
            assertThat(frames).hasSize(1);
            assertThat(frames.get(0).getString("surface")).isEqualTo("detail");
            assertThat(rev(frames.get(0))).isEqualTo(current + 1);
        }
    }

    @Test
    void sinceOlderThanRetentionGetsOneInvalidation() throws Exception {
        // The test server keeps 50 events per scope.
        String id = Api.createSession();
        long since = Api.detailRevision(id);
        for (int i = 0; i < 60; i++) {
            Api.patch("/api/sessions/" + id + "/detail/summary", "{\"summary\":\"v" + i + "\"}");
        }
        long current = Api.detailRevision(id);
        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            ws.send(surface(id, "conversation", since));
            List<JsonObject> frames = ws.drain(1500);
            assertThat(frames).hasSize(1);
            assertThat(frames.get(0).getString("type")).isEqualTo("session_surface_invalidated");
            assertThat(rev(frames.get(0))).isEqualTo(current);
            // Within the window it is still an exact replay.
            ws.send(surface(id, "conversation", current - 3));
            assertThat(ws.drain(1500)).extracting(WebSocketIT::rev).containsExactly(current - 2, current - 1, current);
        }
    }

    @Test
    void aSubscriberThatStopsReadingIsToldItLaggedAndClosedWhileOthersCarryOn() throws Exception {
        String id = Api.createSession();
        String big = "x".repeat(50_000);
        try (Ws slow = Ws.connect(Api.token(), false); Ws fast = Ws.connect(Api.token())) {
            fast.awaitType("server_info");
            long r = Api.detailRevision(id);
            slow.send(surface(id, "conversation", r));
            // Both replay from r exactly, so neither needs to be registered before the writes start.
            fast.send(surface(id, "conversation", r));
            java.util.concurrent.CompletableFuture<?> talking = null;
            for (int i = 0; i < 300; i++) {
                Api.patch("/api/sessions/" + id + "/detail/config", "{\"developer_instructions\":\"" + i + big + "\"}");
                // The slow client keeps talking while it does not read, so only its backlog can close it,
                // however slowly a loaded machine gets through this loop (never the idle sweep).
                if (talking == null || talking.isDone() && !talking.isCompletedExceptionally()) {
                    talking = slow.sendLater("{\"type\":\"still_here\"}");
                }
            }
            long last = Api.detailRevision(id);
            // The fast client got every delta, in order, however far behind the slow one fell.
            long seen = r;
            while (seen < last) {
                JsonObject f = fast.awaitType("session_delta");
                assertThat(rev(f)).isEqualTo(seen + 1);
                seen = rev(f);
            }
            // The slow one, once it reads again, finds what was sent before the overflow, then the error
            // and the close. If it stayed silent past the idle timeout, the sweep closed it first: then
            // the close itself says it lagged.
            slow.resume();
            int code = slow.closed.get(30, TimeUnit.SECONDS);
            boolean told = slow.frames.stream().anyMatch(x -> "error".equals(x.getString("type", ""))
                    && "lagged".equals(x.getString("code", "")));
            assertThat(told || "lagged".equals(slow.closeReason))
                    .as("told it lagged (frame or close reason %s)", slow.closeReason).isTrue();
            assertThat(code).isEqualTo(1013);
        }
    }

    @Test
    void serverPingsIdleClientsAndDropsSilentOnes() throws Exception {
        // The test server pings after 2 s of silence and drops a client silent for 6 s.
        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            Thread.sleep(7000);
            assertThat(ws.pings.get()).isPositive();
            assertThat(ws.closed).as("a client that answers pings stays").isNotDone();
        }
        try (Socket raw = new Socket("127.0.0.1", java.net.URI.create(Api.BASE).getPort())) {
            String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
            OutputStream out = raw.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Authorization: Bearer " + Api.token() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            raw.setSoTimeout(20_000);
            InputStream in = raw.getInputStream();
            long start = System.currentTimeMillis();
            // Never answer a ping: the server must give up on us and send a close frame (0x88).
            // Nothing else it sends here (headers, hello, pings) contains that byte.
            int b;
            boolean closeFrame = false;
            while (!closeFrame && (b = in.read()) >= 0) {
                closeFrame = b == 0x88;
            }
            long waited = System.currentTimeMillis() - start;
            assertThat(waited).isBetween(5_000L, 19_000L);
        }
    }
}
