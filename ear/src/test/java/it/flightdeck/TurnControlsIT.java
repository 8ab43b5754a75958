package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.awaitRow;
import static it.flightdeck.Agents.create;
import static it.flightdeck.Agents.detail;
import static it.flightdeck.Agents.end;
import static it.flightdeck.Agents.send;
import static it.flightdeck.Agents.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Turn controls with the real CLI: rollback and fork change what the agent remembers (the scripted
 * model sees each request's whole history), compaction, questions, per-message model and images.
 */
class TurnControlsIT {
    @RegisterExtension
    static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();

    static ScriptedModel model() {
        return MODEL.get();
    }

    /** Sends a message and waits until its turn is done. */
    static void turn(Agents.Session s, Ws ws, String content) throws Exception {
        assertEquals(202, send(s.id(), content).status());
        awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")) && r.getString("content", "").contains(content), 60);
        awaitDetail(s.id(), Agents::idle, 30);
    }

    static String historyOf(String marker) {
        return model().historyOf(marker);
    }

    static Api.Resp control(String sessionId, String path, String body) {
        return Api.post("/api/sessions/" + sessionId + path, body);
    }

    static List<JsonObject> rows(String sessionId) {
        List<JsonObject> out = new ArrayList<>();
        Api.get("/api/sessions/" + sessionId + "/conversation?limit=200").json().getJsonArray("rows")
                .forEach(v -> out.add(v.asJsonObject()));
        return out;
    }

    @Test
    void rollingBackATurnTakesItOutOfTheAgentsMemory() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            turn(s, ws, "remember APPLE-1");
            turn(s, ws, "remember BANANA-2");
            assertEquals(400, control(s.id(), "/controls/rollback-turns", "{\"num_turns\":0}").status());
            Api.Resp tooMany = control(s.id(), "/controls/rollback-turns", "{\"num_turns\":3}");
            assertEquals(400, tooMany.status());
            assertEquals("invalid_argument", tooMany.json().getString("code"));

            Api.Resp rolled = control(s.id(), "/controls/rollback-turns", "{\"num_turns\":1}");
            assertEquals(200, rolled.status(), rolled.body());
            ws.await(f -> "thread_rolled_back".equals(f.getString("type", "")) && f.getInt("num_turns") == 1, 10);
            assertEquals(1, detail(s.id()).getInt("turn_count"));
            for (JsonObject r : rows(s.id())) {
                assertEquals("turn-2".equals(r.getString("turn_id", "")) ? "rolled_back" : "active",
                        r.getString("turn_status"), r.toString());
            }

            turn(s, ws, "what do you remember CHERRY-3");
            String history = historyOf("CHERRY-3");
            assertTrue(history.contains("APPLE-1"), history);
            assertFalse(history.contains("BANANA-2"), "the rolled-back turn is gone from the agent's history: " + history);
            assertEquals("turn-3", rows(s.id()).get(rows(s.id()).size() - 1).getString("turn_id"),
                    "turn ids never repeat");

            // Undo the last turn through the legacy alias: rows are marked undone.
            assertEquals(200, control(s.id(), "/conversation/undo", "").status());
            ws.await(f -> "undo_completed".equals(f.getString("type", "")), 10);
            assertTrue(rows(s.id()).stream().anyMatch(r -> "undone".equals(r.getString("turn_status"))));
            assertEquals(1, detail(s.id()).getInt("turn_count"));
        }
        end(s);
    }

    @Test
    void aForkBeforeTheSecondMessageKeepsOnlyTheFirstTurn() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            turn(s, ws, "remember PEAR-1");
            turn(s, ws, "remember PLUM-2");
        }
        Api.Resp bad = control(s.id(), "/lifecycle/fork", "{\"nth_user_message\":9}");
        assertEquals(422, bad.status(), bad.body());

        Api.Resp forked;
        try (Ws ws = subscribe(s.id())) {
            forked = control(s.id(), "/lifecycle/fork", "{\"nth_user_message\":2}");
            assertEquals(200, forked.status(), forked.body());
            // The source's conversation subscribers hear of the fork.
            JsonObject announced = ws.await(f -> "session_forked".equals(f.getString("type", "")), 10);
            assertEquals(forked.json().getString("new_session_id"), announced.getString("new_session_id"));
        }
        String forkId = forked.json().getString("new_session_id");
        assertEquals(s.id(), forked.json().getString("source_session_id"));
        assertEquals(s.id(), detail(forkId).getString("forked_from_session_id"));
        List<JsonObject> copied = rows(forkId);
        assertFalse(copied.isEmpty());
        for (JsonObject r : copied) {
            assertEquals("turn-1", r.getString("turn_id"), r.toString());
        }
        assertEquals(0, copied.get(0).getInt("sequence"));

        end(s);
        Agents.Session fork = new Agents.Session(forkId, s.dir());
        try (Ws ws = subscribe(forkId)) {
            turn(fork, ws, "recall FIG-3");
        }
        String history = historyOf("FIG-3");
        assertTrue(history.contains("PEAR-1"), history);
        assertFalse(history.contains("PLUM-2"), "the fork stops before the second message: " + history);
        end(fork);
    }

    @Test
    void compactingRunsAsATurnAndLeavesAMarker() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            turn(s, ws, "something to compact");
            Api.Resp compacted = control(s.id(), "/controls/compact-context", "");
            assertEquals(200, compacted.status(), compacted.body());
            awaitRow(ws, r -> "system".equals(r.getString("row_type", ""))
                    && r.getString("content", "").contains("compacted"), 60);
            awaitDetail(s.id(), Agents::idle, 30);
        }
        end(s);
    }

    @Test
    void aQuestionIsAnsweredAndTheAgentGetsTheAnswer() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            assertEquals(202, send(s.id(), "ASK Which color?").status());
            JsonObject request = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request");
            assertEquals("question", request.getString("approval_type"));
            awaitDetail(s.id(), d -> "question".equals(d.getString("work_status")), 10);
            String path = "/questions/requests/" + request.getString("id") + "/answer";
            assertEquals("invalid_answer_payload", control(s.id(), path, "{}").json().getString("code"));

            Api.Resp answered = control(s.id(), path, "{\"answers\":{\"Color\":[\"Blue\"]}}");
            assertEquals(200, answered.status(), answered.body());
            assertEquals("applied", answered.json().getString("outcome"));
            JsonObject reply = awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").startsWith("Tool finished"), 60);
            assertTrue(reply.getJsonObject("row").getString("content").contains("Blue"), reply.toString());
            awaitDetail(s.id(), Agents::idle, 30);
            assertEquals("stale", control(s.id(), path, "{\"answer\":\"Red\"}").json().getString("outcome"));
        }
        end(s);
    }

    @Test
    void aMessageCanCarryItsModelAndAnImage() throws Exception {
        Agents.Session s = create();
        String png = Base64.getEncoder().encodeToString(Files.readAllBytes(
                java.nio.file.Path.of(TurnControlsIT.class.getResource("/pixel.png").toURI())));
        try (Ws ws = subscribe(s.id())) {
            Api.Resp badEffort = Api.post("/api/sessions/" + s.id() + "/conversation/messages",
                    "{\"content\":\"x\",\"effort\":\"extreme\"}");
            assertEquals(400, badEffort.status());
            Api.Resp badImage = Api.post("/api/sessions/" + s.id() + "/conversation/messages",
                    "{\"content\":\"x\",\"images\":[{\"input_type\":\"url\",\"value\":\"data:image/png;base64,***\"}]}");
            assertEquals(400, badImage.status(), badImage.body());
            assertEquals(0, rows(s.id()).size(), "refused messages write nothing");

            // One image uploaded as an attachment, one inline as a data: URL.
            String attachment = AttachmentsIT.upload(s.id(), "image/png", AttachmentsIT.pixel()).json()
                    .getJsonObject("image").getString("value");
            JsonObject body = Json.createObjectBuilder().add("content", "look at IMAGE-1")
                    .add("model", "claude-haiku-4-5").add("effort", "low")
                    .add("images", Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("input_type", "attachment").add("value", attachment))
                            .add(Json.createObjectBuilder().add("input_type", "url").add("value", "data:image/png;base64," + png)))
                    .build();
            Api.Resp sent = Api.post("/api/sessions/" + s.id() + "/conversation/messages", body.toString());
            assertEquals(202, sent.status(), sent.body());
            assertEquals(2, sent.json().getJsonObject("row").getJsonObject("row").getJsonArray("images").size());
            // The CLI may put its own text after the image, so the reply need not quote the message.
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")), 60);
            awaitDetail(s.id(), Agents::idle, 30);
        }
        String history = historyOf("IMAGE-1");
        assertEquals(2, history.split("\"type\":\"image\"", -1).length - 1,
                "both images reach the model: " + history.substring(0, Math.min(400, history.length())));
        int i = new ArrayList<>(model().histories).lastIndexOf(history);
        assertEquals("claude-haiku-4-5", model().models.get(i));
        assertEquals("claude-haiku-4-5", detail(s.id()).getString("model"));
        end(s);
    }

    @Test
    void controlsCheckTheirArgumentsAndReadTheRuntime() throws Exception {
        Agents.Session s = create();
        Files.writeString(s.dir().resolve("CLAUDE.md"), "Always answer in haiku.\n");
        JsonObject runtime = Api.get("/api/sessions/" + s.id() + "/runtime").json();
        assertEquals("Always answer in haiku.\n", runtime.getJsonObject("instructions").getString("claude_md"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, runtime.getJsonArray("collaboration_modes"));
        JsonObject controls = runtime.getJsonObject("controls");
        assertFalse(controls.getJsonObject("undo_last_turn").getBoolean("available"), "no turn yet");
        assertTrue(controls.getJsonObject("rewind_to_message").getBoolean("supported"));
        assertEquals("Always answer in haiku.\n", Api.get("/api/sessions/" + s.id() + "/instructions").json()
                .getJsonObject("instructions").getString("claude_md"));
        assertEquals(0, Api.get("/api/sessions/" + s.id() + "/collaboration-modes").json().getJsonArray("data").size());

        Api.Resp noTurn = control(s.id(), "/controls/undo-last-turn", "");
        assertEquals(409, noTurn.status());
        assertEquals("control_unavailable", noTurn.json().getString("code"));
        assertEquals("invalid_argument", control(s.id(), "/controls/stop-target", "{}").json().getString("code"));
        assertEquals("not_running", control(s.id(), "/conversation/stop", "{\"task_id\":\"t1\"}").json().getString("code"));
        assertEquals("invalid_argument", control(s.id(), "/controls/rewind-to-message",
                "{\"message_id\":\"user-nope\"}").json().getString("code"));
        assertEquals("stale", control(s.id(), "/permissions/requests/nope/response", "{\"scope\":\"session\"}")
                .json().getString("outcome"));
        end(s);
        Api.Resp ended = control(s.id(), "/controls/compact-context", "");
        assertEquals(409, ended.status(), ended.body());
    }

    @Test
    void rewindRestoresTheFilesOfLaterTurns() throws Exception {
        Agents.Session s = create();
        java.nio.file.Path target = s.dir().resolve("rewound.txt");
        try (Ws ws = subscribe(s.id())) {
            Api.Resp sent = send(s.id(), "WRITE_FILE " + target);
            String userRow = sent.json().getJsonObject("row").getJsonObject("row").getString("id");
            String rid = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request").getString("id");
            assertEquals("applied", control(s.id(), "/approvals/requests/" + rid + "/decision",
                    "{\"decision\":\"approved\"}").json().getString("outcome"));
            awaitDetail(s.id(), Agents::idle, 60);
            assertTrue(Files.exists(target));
            Api.Resp rewound = control(s.id(), "/controls/rewind-to-message", "{\"message_id\":\"" + userRow + "\"}");
            assertEquals(200, rewound.status(), rewound.body());
            long deadline = System.currentTimeMillis() + 30_000;
            while (Files.exists(target) && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertFalse(Files.exists(target), "the file the turn created is gone after the rewind");
        }
        end(s);
    }
}
