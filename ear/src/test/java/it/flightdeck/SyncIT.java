package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Workspace sync (contract §1.13) on the started server: a workspace's token is the only one that
 * opens {@code POST /api/sync} and opens nothing else; sequences go on without a gap; a batch is
 * applied exactly once, however often and however concurrently it is sent.
 */
class SyncIT {
    record Workspace(String id, String token) {
    }

    static Workspace create() {
        Api.Resp r = Api.post("/api/workspaces", "{\"provider\":\"daytona\",\"repo_url\":\"https://example.test/repo.git\",\"branch\":\"it\"}");
        assertThat(r.status()).isEqualTo(201);
        JsonObject w = r.json().getJsonObject("workspace");
        assertThat(w.getString("provider")).isEqualTo("daytona");
        assertThat(w.getString("status")).isEqualTo("creating");
        assertThat(w.getJsonNumber("sync_acked_through").longValue()).isZero();
        return new Workspace(w.getString("id"), r.json().getString("sync_token"));
    }

    static String batch(String workspaceId, String command, long... sequences) {
        return "{\"commands\":[" + LongStream.of(sequences).mapToObj(n -> "{\"sequence\":" + n + ",\"workspace_id\":\""
                + workspaceId + "\",\"timestamp\":\"2026-12-02T05:00:0" + (n % 10) + "Z\",\"command\":" + command.replace("#", Long.toString(n)) + "}")
                .collect(Collectors.joining(",")) + "]}";
    }

    static String batch(String workspaceId, long... sequences) {
        return batch(workspaceId, "{\"type\":\"row_appended\",\"row\":#}", sequences);
    }

    static Api.Resp sync(Workspace w, String body) {
        return Api.call("POST", "/api/sync", body, w.token());
    }

    static long acked(Api.Resp r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonNumber("acked_through").longValue();
    }

    static JsonObject workspace(Workspace w) {
        return Api.get("/api/workspaces/" + w.id()).json();
    }

    static void conflict(Api.Resp r) {
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().getString("code")).isEqualTo("sync_sequence_conflict");
    }

    @Test
    void batchesApplyOnceInOrderAndGapsAreConflicts() {
        Workspace w = create();
        assertThat(w.token()).startsWith("fdk_");
        assertThat(workspace(w).toString()).doesNotContain(w.token());

        assertThat(acked(sync(w, batch(w.id(), 1, 2, 3)))).isEqualTo(3);
        // The same batch again (its answer was lost): acked, and nothing applied twice.
        assertThat(acked(sync(w, batch(w.id(), 1, 2, 3)))).isEqualTo(3);
        assertThat(workspace(w).getJsonNumber("sync_log_count").longValue()).isEqualTo(3);
        // Overlapping the ack: only the new tail applies.
        assertThat(acked(sync(w, batch(w.id(), 2, 3, 4)))).isEqualTo(4);
        JsonObject after = workspace(w);
        assertThat(after.getJsonNumber("sync_log_count").longValue()).isEqualTo(4);
        assertThat(after.getJsonNumber("sync_acked_through").longValue()).isEqualTo(4);
        assertThat(after.getString("last_heartbeat_at")).isNotBlank();

        conflict(sync(w, batch(w.id(), 6)));
        conflict(sync(w, batch(w.id(), 5, 7)));
        conflict(sync(w, batch(w.id(), 5, 5)));
        // A replay that does not match what was applied under that sequence.
        conflict(sync(w, batch(w.id(), "{\"type\":\"row_appended\",\"row\":99}", 4, 5)));
        assertThat(workspace(w).getJsonNumber("sync_acked_through").longValue()).isEqualTo(4);
        assertThat(workspace(w).getJsonNumber("sync_log_count").longValue()).isEqualTo(4);
        assertThat(acked(sync(w, "{\"commands\":[]}"))).isEqualTo(4);

        Api.Resp bad = sync(w, "{\"commands\":[{\"sequence\":5,\"workspace_id\":\"ws-other\",\"command\":{}}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("error")).startsWith("commands[0].workspace_id:");
        assertThat(sync(w, "{\"commands\":7}").status()).isEqualTo(400);
    }

    /** One command of OrbitDock's SyncCommand, externally tagged, with its sequence. */
    static String entry(String workspaceId, long sequence, String command) {
        return "{\"sequence\":" + sequence + ",\"workspace_id\":\"" + workspaceId
                + "\",\"timestamp\":\"2026-12-02T06:00:00Z\",\"command\":" + command + "}";
    }

    static String row(String sessionId, String variant, String rowId, String content) {
        return "{\"" + variant + "\":{\"session_id\":\"" + sessionId + "\",\"sequence\":0,\"viewer_present\":false,"
                + "\"entry\":{\"session_id\":\"" + sessionId + "\",\"sequence\":0,\"row\":{\"id\":\"" + rowId
                + "\",\"row_type\":\"assistant\",\"content\":\"" + content + "\"}}}}";
    }

    @Test
    void commandsAboutTheWorkspacesSessionAreAppliedToItOnceAndTheRestRecordedOrRefused() throws Exception {
        Agents.Session s = Agents.create();
        Api.Resp r = Api.post("/api/workspaces", "{\"provider\":\"daytona\",\"session_id\":\"" + s.id() + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Workspace w = new Workspace(r.json().getJsonObject("workspace").getString("id"), r.json().getString("sync_token"));
        String sid = s.id();
        String body = "{\"commands\":[" + String.join(",",
                entry(w.id(), 1, "{\"SetCustomName\":{\"session_id\":\"" + sid + "\",\"custom_name\":\"Remote run\"}}"),
                entry(w.id(), 2, "{\"SetSummary\":{\"session_id\":\"" + sid + "\",\"summary\":\"Parser fixed remotely\"}}"),
                entry(w.id(), 3, row(sid, "RowAppend", "remote-row-1", "first draft")),
                entry(w.id(), 4, row(sid, "RowUpsert", "remote-row-1", "final answer from the workspace")),
                entry(w.id(), 5, "{\"UpsertRolloutCheckpoint\":{\"path\":\"/w/rollout.jsonl\",\"offset\":9}}"),
                entry(w.id(), 6, "{\"SetSummary\":{\"session_id\":\"od-someone-else\",\"summary\":\"hijack\"}}"),
                entry(w.id(), 7, "{\"SessionEnd\":{\"id\":\"" + sid + "\",\"reason\":\"completed\"}}")) + "]}";
        JsonObject row;
        try (Ws ws = Agents.subscribe(sid)) {
            assertThat(acked(sync(w, body))).isEqualTo(7);
            // The mirrored row reaches the session's conversation subscribers like any row.
            row = Agents.awaitRow(ws, x -> "remote-row-1".equals(x.getString("id", ""))
                    && x.getString("content", "").startsWith("final"), 10);
        }
        assertThat(row).isNotNull();
        JsonObject detail = Agents.detail(sid);
        assertThat(detail.getString("custom_name")).isEqualTo("Remote run");
        assertThat(detail.getString("summary")).isEqualTo("Parser fixed remotely");
        assertThat(detail.getString("status")).isEqualTo("ended");
        JsonObject page = Api.get("/api/sessions/" + sid + "/conversation?limit=50").json();
        List<JsonObject> remote = page.getJsonArray("rows").stream().map(v -> v.asJsonObject())
                .filter(x -> "remote-row-1".equals(x.getJsonObject("row").getString("id"))).toList();
        assertThat(remote).as("one row, upserted in place").hasSize(1);
        assertThat(remote.get(0).getJsonObject("row").getString("content")).isEqualTo("final answer from the workspace");
        JsonObject outcomes = workspace(w).getJsonObject("sync_outcomes");
        assertThat(outcomes.getJsonNumber("applied").longValue()).isEqualTo(5);
        assertThat(outcomes.getJsonNumber("recorded").longValue()).isEqualTo(1);
        assertThat(outcomes.getJsonNumber("refused").longValue()).isEqualTo(1);
        assertThat(Agents.detail(sid).getString("summary")).as("the other session's summary is not applied here")
                .isEqualTo("Parser fixed remotely");

        // Sent again (the workspace lost the answer): acked, nothing applied a second time.
        assertThat(acked(sync(w, body))).isEqualTo(7);
        assertThat(workspace(w).getJsonObject("sync_outcomes")).isEqualTo(outcomes);
        assertThat(Api.get("/api/sessions/" + sid + "/conversation?limit=50").json().getInt("total_row_count"))
                .isEqualTo(page.getInt("total_row_count"));
        // A refused command never blocks the ones after it.
        assertThat(acked(sync(w, "{\"commands\":[" + entry(w.id(), 8, "{\"SetCustomName\":{\"session_id\":\"" + sid
                + "\",\"custom_name\":\"Renamed after the end\"}}") + "]}"))).isEqualTo(8);
        assertThat(Agents.detail(sid).getString("custom_name")).isEqualTo("Renamed after the end");
    }

    @Test
    void concurrentDeliveriesOfOneBatchApplyItOnce() throws Exception {
        Workspace w = create();
        assertThat(acked(sync(w, batch(w.id(), 1)))).isEqualTo(1);
        String body = batch(w.id(), 2, 3, 4, 5);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Api.Resp>> sends = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sends.add(() -> sync(w, body));
            }
            for (Future<Api.Resp> f : pool.invokeAll(sends)) {
                assertThat(acked(f.get())).isEqualTo(5);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(workspace(w).getJsonNumber("sync_log_count").longValue()).isEqualTo(5);
    }

    @Test
    void onlyAWorkspaceTokenOpensSyncAndItOpensNothingElse() {
        Workspace w = create();
        String body = batch(w.id(), 1);

        Api.Resp none = Api.call("POST", "/api/sync", body, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().getString("code")).isEqualTo("missing_bearer_token");
        Api.Resp app = Api.call("POST", "/api/sync", body, Api.token());
        assertThat(app.status()).isEqualTo(401);
        assertThat(app.json().getString("code")).isEqualTo("invalid_workspace_token");
        Api.Resp garbage = Api.call("POST", "/api/sync", body, "fdk_nope_nope");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.json().getString("code")).isEqualTo("invalid_workspace_token");
        // A sync token bound to no workspace.
        String loose = Api.post("/api/auth/tokens", "{\"label\":\"loose\",\"kind\":\"workspace_sync\"}").json().getString("token");
        Api.Resp unbound = Api.call("POST", "/api/sync", body, loose);
        assertThat(unbound.status()).isEqualTo(401);
        assertThat(unbound.json().getString("code")).isEqualTo("workspace_not_found");

        for (String[] route : new String[][] {{"GET", "/api/server/meta"}, {"GET", "/api/sessions/summary"},
                {"GET", "/api/workspaces/" + w.id()}, {"POST", "/api/workspaces"}, {"GET", "/api/sync"}}) {
            Api.Resp r = Api.call(route[0], route[1], null, w.token());
            assertThat(r.status()).as(route[1]).isIn(401, 405);
            if (!route[1].equals("/api/sync")) {
                assertThat(r.status()).as(route[1]).isEqualTo(401);
            }
        }
        assertThatThrownBy(() -> Ws.connect(w.token())).cause().isInstanceOfSatisfying(java.net.http.WebSocketHandshakeException.class,
                e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));

        assertThat(acked(sync(w, body))).isEqualTo(1);
        // A new token for the workspace: the old one stops at once, and the new one carries on.
        Api.Resp rotated = Api.post("/api/workspaces/" + w.id() + "/sync-token", "{}");
        assertThat(rotated.status()).isEqualTo(200);
        Workspace next = new Workspace(w.id(), rotated.json().getString("sync_token"));
        assertThat(next.token()).isNotEqualTo(w.token());
        Api.Resp old = sync(w, batch(w.id(), 2));
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.json().getString("code")).isEqualTo("invalid_workspace_token");
        assertThat(acked(sync(next, batch(w.id(), 2)))).isEqualTo(2);

        assertThat(Api.get("/api/workspaces/ws-missing").status()).isEqualTo(404);
        Api.Resp badCreate = Api.post("/api/workspaces", "{\"provider\":\"docker\"}");
        assertThat(badCreate.status()).isEqualTo(400);
        assertThat(badCreate.json().getString("error")).startsWith("provider:");
    }
}
