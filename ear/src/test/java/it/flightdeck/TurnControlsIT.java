package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.awaitRow;
import static it.flightdeck.Agents.create;
import static it.flightdeck.Agents.detail;
import static it.flightdeck.Agents.end;
import static it.flightdeck.Agents.send;
import static it.flightdeck.Agents.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(send(s.id(), content).status()).isEqualTo(202);
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
            assertThat(control(s.id(), "/controls/rollback-turns", "{\"num_turns\":0}").status()).isEqualTo(400);
            Api.Resp tooMany = control(s.id(), "/controls/rollback-turns", "{\"num_turns\":3}");
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.json().getString("code")).isEqualTo("invalid_argument");

            Api.Resp rolled = control(s.id(), "/controls/rollback-turns", "{\"num_turns\":1}");
            assertThat(rolled.status()).as(rolled.body()).isEqualTo(200);
            ws.await(f -> "thread_rolled_back".equals(f.getString("type", "")) && f.getInt("num_turns") == 1, 10);
            assertThat(detail(s.id()).getInt("turn_count")).isEqualTo(1);
            for (JsonObject r : rows(s.id())) {
                assertThat(r.getString("turn_status")).as(r.toString()).isEqualTo("turn-2".equals(r.getString("turn_id", "")) ? "rolled_back" : "active");
            }

            turn(s, ws, "what do you remember CHERRY-3");
            String history = historyOf("CHERRY-3");
            assertThat(history).as(history).contains("APPLE-1");
            assertThat(history).as("the rolled-back turn is gone from the agent's history: " + history).doesNotContain("BANANA-2");
            assertThat(rows(s.id()).get(rows(s.id()).size() - 1).getString("turn_id")).as("turn ids never repeat").isEqualTo("turn-3");

            // Undo the last turn through the legacy alias: rows are marked undone.
            assertThat(control(s.id(), "/conversation/undo", "").status()).isEqualTo(200);
            // Flightdeck runs the undo itself (neither CLI has one): undo_started, then undo_completed.
            JsonObject started = ws.await(f -> f.getString("type", "").startsWith("undo_"), 10);
            assertThat(started.getString("type")).isEqualTo("undo_started");
            assertThat(started.getString("session_id")).isEqualTo(s.id());
            JsonObject completed = ws.await(f -> "undo_completed".equals(f.getString("type", "")), 10);
            assertThat(completed.getBoolean("success")).isTrue();
            assertThat(completed.getJsonNumber("revision").longValue())
                    .isGreaterThan(started.getJsonNumber("revision").longValue());
            assertThat(rows(s.id()).stream().anyMatch(r -> "undone".equals(r.getString("turn_status")))).isTrue();
            assertThat(detail(s.id()).getInt("turn_count")).isEqualTo(1);
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
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);

        Api.Resp forked;
        try (Ws ws = subscribe(s.id())) {
            forked = control(s.id(), "/lifecycle/fork", "{\"nth_user_message\":2}");
            assertThat(forked.status()).as(forked.body()).isEqualTo(200);
            // The source's conversation subscribers hear of the fork.
            JsonObject announced = ws.await(f -> "session_forked".equals(f.getString("type", "")), 10);
            assertThat(announced.getString("new_session_id")).isEqualTo(forked.json().getString("new_session_id"));
        }
        String forkId = forked.json().getString("new_session_id");
        assertThat(forked.json().getString("source_session_id")).isEqualTo(s.id());
        assertThat(detail(forkId).getString("forked_from_session_id")).isEqualTo(s.id());
        List<JsonObject> copied = rows(forkId);
        assertThat(copied).isNotEmpty();
        for (JsonObject r : copied) {
            assertThat(r.getString("turn_id")).as(r.toString()).isEqualTo("turn-1");
        }
        assertThat(copied.get(0).getInt("sequence")).isEqualTo(0);

        end(s);
        Agents.Session fork = new Agents.Session(forkId, s.dir());
        try (Ws ws = subscribe(forkId)) {
            turn(fork, ws, "recall FIG-3");
        }
        String history = historyOf("FIG-3");
        assertThat(history).as(history).contains("PEAR-1");
        assertThat(history).as("the fork stops before the second message: " + history).doesNotContain("PLUM-2");
        end(fork);
    }

    @Test
    void compactingRunsAsATurnAndLeavesAMarker() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            turn(s, ws, "something to compact");
            Api.Resp compacted = control(s.id(), "/controls/compact-context", "");
            assertThat(compacted.status()).as(compacted.body()).isEqualTo(200);
            // The CLI's compact_boundary: its marker row and context_compacted.
            JsonObject event = Agents.awaitRowAndFrame(ws, r -> "system".equals(r.getString("row_type", ""))
                    && r.getString("content", "").contains("compacted"), "context_compacted", 60);
            assertThat(event.getString("session_id")).isEqualTo(s.id());
            awaitDetail(s.id(), Agents::idle, 30);
        }
        end(s);
    }

    @Test
    void aQuestionIsAnsweredAndTheAgentGetsTheAnswer() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            assertThat(send(s.id(), "ASK Which color?").status()).isEqualTo(202);
            JsonObject request = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request");
            assertThat(request.getString("approval_type")).isEqualTo("question");
            awaitDetail(s.id(), d -> "question".equals(d.getString("work_status")), 10);
            String path = "/questions/requests/" + request.getString("id") + "/answer";
            assertThat(control(s.id(), path, "{}").json().getString("code")).isEqualTo("invalid_answer_payload");

            Api.Resp answered = control(s.id(), path, "{\"answers\":{\"Color\":[\"Blue\"]}}");
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            assertThat(answered.json().getString("outcome")).isEqualTo("applied");
            JsonObject reply = awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").startsWith("Tool finished"), 60);
            assertThat(reply.getJsonObject("row").getString("content")).as(reply.toString()).contains("Blue");
            awaitDetail(s.id(), Agents::idle, 30);
            assertThat(control(s.id(), path, "{\"answer\":\"Red\"}").json().getString("outcome")).isEqualTo("stale");
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
            assertThat(badEffort.status()).isEqualTo(400);
            Api.Resp badImage = Api.post("/api/sessions/" + s.id() + "/conversation/messages",
                    "{\"content\":\"x\",\"images\":[{\"input_type\":\"url\",\"value\":\"data:image/png;base64,***\"}]}");
            assertThat(badImage.status()).as(badImage.body()).isEqualTo(400);
            assertThat(rows(s.id())).as("refused messages write nothing").isEmpty();

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
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            assertThat(sent.json().getJsonObject("row").getJsonObject("row").getJsonArray("images")).hasSize(2);
            // The CLI may put its own text after the image, so the reply need not quote the message.
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")), 60);
            awaitDetail(s.id(), Agents::idle, 30);
        }
        String history = historyOf("IMAGE-1");
        assertThat(history.split("\"type\":\"image\"", -1).length - 1).as("both images reach the model: " + history.substring(0, Math.min(400, history.length()))).isEqualTo(2);
        int i = new ArrayList<>(model().histories).lastIndexOf(history);
        assertThat(model().models.get(i)).isEqualTo("claude-haiku-4-5");
        assertThat(detail(s.id()).getString("model")).isEqualTo("claude-haiku-4-5");
        end(s);
    }

    @Test
    void controlsCheckTheirArgumentsAndReadTheRuntime() throws Exception {
        Agents.Session s = create();
        Files.writeString(s.dir().resolve("CLAUDE.md"), "Always answer in haiku.\n");
        JsonObject runtime = Api.get("/api/sessions/" + s.id() + "/runtime").json();
        assertThat(runtime.getJsonObject("instructions").getString("claude_md")).isEqualTo("Always answer in haiku.\n");
        assertThat(runtime.getJsonArray("collaboration_modes")).isEqualTo(JsonValue.EMPTY_JSON_ARRAY);
        JsonObject controls = runtime.getJsonObject("controls");
        assertThat(controls.getJsonObject("undo_last_turn").getBoolean("available")).as("no turn yet").isFalse();
        assertThat(controls.getJsonObject("rewind_to_message").getBoolean("supported")).isTrue();
        assertThat(Api.get("/api/sessions/" + s.id() + "/instructions").json()
                .getJsonObject("instructions").getString("claude_md")).isEqualTo("Always answer in haiku.\n");
        assertThat(Api.get("/api/sessions/" + s.id() + "/collaboration-modes").json().getJsonArray("data")).isEmpty();

        Api.Resp noTurn = control(s.id(), "/controls/undo-last-turn", "");
        assertThat(noTurn.status()).isEqualTo(409);
        assertThat(noTurn.json().getString("code")).isEqualTo("control_unavailable");
        assertThat(control(s.id(), "/controls/stop-target", "{}").json().getString("code")).isEqualTo("invalid_argument");
        assertThat(control(s.id(), "/conversation/stop", "{\"task_id\":\"t1\"}").json().getString("code")).isEqualTo("not_running");
        assertThat(control(s.id(), "/controls/rewind-to-message",
                "{\"message_id\":\"user-nope\"}").json().getString("code")).isEqualTo("invalid_argument");
        assertThat(control(s.id(), "/permissions/requests/nope/response", "{\"scope\":\"session\"}")
                .json().getString("outcome")).isEqualTo("stale");
        end(s);
        Api.Resp ended = control(s.id(), "/controls/compact-context", "");
        assertThat(ended.status()).as(ended.body()).isEqualTo(409);
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
            assertThat(control(s.id(), "/approvals/requests/" + rid + "/decision",
                    "{\"decision\":\"approved\"}").json().getString("outcome")).isEqualTo("applied");
            awaitDetail(s.id(), Agents::idle, 60);
            assertThat(target).exists();
            Api.Resp rewound = control(s.id(), "/controls/rewind-to-message", "{\"message_id\":\"" + userRow + "\"}");
            assertThat(rewound.status()).as(rewound.body()).isEqualTo(200);
            long deadline = System.currentTimeMillis() + 30_000;
            while (Files.exists(target) && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertThat(target).as("the file the turn created is gone after the rewind").doesNotExist();
        }
        end(s);
    }
}
