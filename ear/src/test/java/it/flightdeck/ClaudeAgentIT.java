package it.flightdeck;

import static it.flightdeck.Agents.agentProcesses;
import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.awaitRow;
import static it.flightdeck.Agents.create;
import static it.flightdeck.Agents.detail;
import static it.flightdeck.Agents.end;
import static it.flightdeck.Agents.send;
import static it.flightdeck.Agents.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real {@code claude} CLI, started and supervised by the server, against the scripted model:
 * message, rows over the WebSocket, approval, the file on disk, usage; deny; interrupt; steer; end.
 */
class ClaudeAgentIT {
    @RegisterExtension
    static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();

    @Test
    void aMessageStreamsRowsAsksApprovalWritesTheFileAndRecordsUsage() throws Exception {
        Agents.Session s = create();
        Path target = s.dir().resolve("hello.txt");
        try (Ws ws = subscribe(s.id())) {
            Api.Resp accepted = send(s.id(), "WRITE_FILE " + target);
            assertEquals(202, accepted.status(), accepted.body());
            JsonObject userRow = accepted.json().getJsonObject("row");
            assertEquals("user", userRow.getJsonObject("row").getString("row_type"));
            assertEquals("turn-1", userRow.getString("turn_id"));

            JsonObject tool = awaitRow(ws, r -> "tool".equals(r.getString("row_type", "")), 60);
            assertEquals("Write", tool.getJsonObject("row").getString("title"));
            assertEquals("file_change", tool.getJsonObject("row").getString("family"));

            JsonObject requested = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60);
            JsonObject request = requested.getJsonObject("request");
            assertEquals("patch", request.getString("approval_type"));
            assertEquals(target.toString(), request.getString("file_path"));
            awaitDetail(s.id(), d -> "permission".equals(d.getString("work_status")), 10);
            assertFalse(Files.exists(target), "nothing is written before the approval");

            Api.Resp decided = Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + request.getString("id")
                    + "/decision", "{\"decision\":\"approved\"}");
            assertEquals(200, decided.status(), decided.body());
            assertEquals("applied", decided.json().getString("outcome"));

            awaitRow(ws, r -> "tool".equals(r.getString("row_type", "")) && "completed".equals(r.getString("status", "")), 60);
            JsonObject reply = awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").startsWith("Tool finished"), 60);
            assertEquals("turn-1", reply.getString("turn_id"));
            assertEquals(ScriptedModel.WRITTEN, Files.readString(target));
            ws.await(f -> "tokens_updated".equals(f.getString("type", "")), 60);
            awaitDetail(s.id(), Agents::idle, 30);

            // The same decision again is stale, not applied twice.
            Api.Resp again = Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + request.getString("id")
                    + "/decision", "{\"decision\":\"approved\"}");
            assertEquals("stale", again.json().getString("outcome"));
        }
        JsonObject usage = Api.get("/api/sessions/" + s.id() + "/usage/turns").json();
        assertEquals(1, usage.getInt("total_turn_count"));
        JsonObject turn = usage.getJsonArray("rows").getJsonObject(0);
        assertEquals("turn-1", turn.getString("turn_id"));
        // Two model calls (the tool call and the reply), each billed INPUT_TOKENS in, OUTPUT_TOKENS out.
        assertEquals(2L * ScriptedModel.INPUT_TOKENS, turn.getJsonNumber("billable_input_tokens").longValue());
        assertEquals(2L * ScriptedModel.OUTPUT_TOKENS, turn.getJsonNumber("billable_output_tokens").longValue());
        assertTrue(turn.getJsonNumber("estimated_cost_usd").doubleValue() > 0);

        JsonObject page = Api.get("/api/sessions/" + s.id() + "/conversation").json();
        List<String> types = new ArrayList<>();
        page.getJsonArray("rows").forEach(v -> types.add(v.asJsonObject().getJsonObject("row").getString("row_type")));
        assertEquals(List.of("user", "tool", "assistant"), types);
        long lastSeq = -1;
        for (JsonValue v : page.getJsonArray("rows")) {
            long seq = v.asJsonObject().getJsonNumber("sequence").longValue();
            assertTrue(seq > lastSeq);
            lastSeq = seq;
        }
        JsonObject history = Api.get("/api/approvals?session_id=" + s.id()).json();
        assertEquals("approved", history.getJsonArray("approvals").getJsonObject(0).getString("decision"));
        JsonObject found = Api.get("/api/sessions/" + s.id() + "/conversation/search?q=TOOL%20FINISHED").json();
        assertEquals(1, found.getJsonArray("rows").size());
        end(s);
    }

    @Test
    void aDeniedCommandIsNotRunAndTheAgentGoesOn() throws Exception {
        Agents.Session s = create();
        Path marker = s.dir().resolve("denied.txt");
        try (Ws ws = subscribe(s.id())) {
            assertEquals(202, send(s.id(), "RUN_BASH touch " + marker).status());
            JsonObject request = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request");
            assertEquals("exec", request.getString("approval_type"));
            assertEquals("touch " + marker, request.getString("command"));
            Api.Resp denied = Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + request.getString("id")
                    + "/decision", "{\"decision\":\"denied\",\"message\":\"not this one\"}");
            assertEquals("applied", denied.json().getString("outcome"));
            awaitRow(ws, r -> "tool".equals(r.getString("row_type", "")) && "failed".equals(r.getString("status", "")), 60);
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")), 60);
            awaitDetail(s.id(), Agents::idle, 30);
            assertFalse(Files.exists(marker));

            // The agent goes on: the next message is a new turn.
            assertEquals(202, send(s.id(), "and now just talk").status());
            JsonObject reply = awaitRow(ws, r -> r.getString("content", "").contains("and now just talk"), 60);
            assertEquals("turn-2", reply.getString("turn_id"));
        }
        end(s);
    }

    @Test
    void concurrentDecisionsApplyExactlyOnce() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            send(s.id(), "RUN_BASH echo once >> " + s.dir().resolve("once.txt"));
            String rid = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request").getString("id");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<String> c = () -> Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + rid
                        + "/decision", "{\"decision\":\"approved\"}").json().getString("outcome");
                outcomes.add(pool.submit(c));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            pool.shutdown();
            assertEquals(1, results.stream().filter("applied"::equals).count(), results.toString());
            assertEquals(3, results.stream().filter("stale"::equals).count(), results.toString());
            awaitDetail(s.id(), Agents::idle, 60);
            assertEquals("once\n", Files.readString(s.dir().resolve("once.txt")));
        }
        end(s);
    }

    @Test
    void steerJoinsTheRunningTurnAndInterruptStopsIt() throws Exception {
        Agents.Session s = create();
        Api.Resp idleSteer = Api.post("/api/sessions/" + s.id() + "/conversation/steer", "{\"content\":\"x\"}");
        assertEquals(409, idleSteer.status());
        assertEquals("not_steerable", idleSteer.json().getString("code"));
        try (Ws ws = subscribe(s.id())) {
            assertEquals(202, send(s.id(), "SLOW please").status());
            awaitDetail(s.id(), d -> d.getBoolean("can_interrupt", false), 30);
            Api.Resp mismatch = Api.post("/api/sessions/" + s.id() + "/conversation/steer",
                    "{\"content\":\"focus\",\"expected_turn_id\":\"turn-9\"}");
            assertEquals(409, mismatch.status());
            assertEquals("active_turn_mismatch", mismatch.json().getString("code"));
            Api.Resp steer = Api.post("/api/sessions/" + s.id() + "/conversation/steer",
                    "{\"content\":\"focus on tests\",\"expected_turn_id\":\"turn-1\"}");
            assertEquals(202, steer.status(), steer.body());
            assertEquals("steer", steer.json().getJsonObject("row").getJsonObject("row").getString("row_type"));
            assertEquals("turn-1", steer.json().getJsonObject("row").getString("turn_id"));
            String steerRowId = steer.json().getJsonObject("row").getJsonObject("row").getString("id");
            JsonObject outcome = ws.await(f -> "steer_outcome".equals(f.getString("type", "")), 10);
            assertEquals("accepted", outcome.getString("outcome"));
            assertEquals(steerRowId, "steer-" + outcome.getString("message_id"));

            JsonObject controls = Api.get("/api/sessions/" + s.id() + "/controls").json().getJsonObject("controls");
            assertTrue(controls.getJsonObject("stop_active_turn").getBoolean("available"));
            assertFalse(controls.getJsonObject("shell_command").getBoolean("supported"));

            long started = System.currentTimeMillis();
            Api.Resp interrupted = Api.post("/api/sessions/" + s.id() + "/conversation/interrupt", "{}");
            assertEquals(200, interrupted.status(), interrupted.body());
            awaitDetail(s.id(), Agents::idle, 30);
            assertTrue(System.currentTimeMillis() - started < 30_000, "the slow reply was cut short");
            awaitRow(ws, r -> "notice".equals(r.getString("row_type", "")), 10);
        }
        end(s);
    }

    @Test
    void anAgentIsRunningWhileTheSessionLivesAndGoneAfterEnd() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            send(s.id(), "hello there");
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")), 60);
        }
        assertFalse(agentProcesses(s.dir()).isEmpty(), "the agent runs in the session's directory");
        JsonObject d = detail(s.id());
        assertTrue(d.getBoolean("connector_attached"));
        assertNotNull(d.getString("model"));
        end(s);
    }
}
