package it.flightdeck;

import static it.flightdeck.Agents.agentProcesses;
import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.awaitRow;
import static it.flightdeck.Agents.create;
import static it.flightdeck.Agents.detail;
import static it.flightdeck.Agents.end;
import static it.flightdeck.Agents.send;
import static it.flightdeck.Agents.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            JsonObject userRow = accepted.json().getJsonObject("row");
            assertThat(userRow.getJsonObject("row").getString("row_type")).isEqualTo("user");
            assertThat(userRow.getString("turn_id")).isEqualTo("turn-1");

            JsonObject tool = awaitRow(ws, r -> "tool".equals(r.getString("row_type", "")), 60);
            assertThat(tool.getJsonObject("row").getString("title")).isEqualTo("Write");
            assertThat(tool.getJsonObject("row").getString("family")).isEqualTo("file_change");

            JsonObject requested = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60);
            JsonObject request = requested.getJsonObject("request");
            assertThat(request.getString("approval_type")).isEqualTo("patch");
            assertThat(request.getString("file_path")).isEqualTo(target.toString());
            awaitDetail(s.id(), d -> "permission".equals(d.getString("work_status")), 10);
            assertThat(target).as("nothing is written before the approval").doesNotExist();

            Api.Resp decided = Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + request.getString("id")
                    + "/decision", "{\"decision\":\"approved\"}");
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
            assertThat(decided.json().getString("outcome")).isEqualTo("applied");

            awaitRow(ws, r -> "tool".equals(r.getString("row_type", "")) && "completed".equals(r.getString("status", "")), 60);
            JsonObject reply = awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").startsWith("Tool finished"), 60);
            assertThat(reply.getString("turn_id")).isEqualTo("turn-1");
            assertThat(Files.readString(target)).isEqualTo(ScriptedModel.WRITTEN);
            ws.await(f -> "tokens_updated".equals(f.getString("type", "")), 60);
            awaitDetail(s.id(), Agents::idle, 30);

            // The same decision again is stale, not applied twice.
            Api.Resp again = Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + request.getString("id")
                    + "/decision", "{\"decision\":\"approved\"}");
            assertThat(again.json().getString("outcome")).isEqualTo("stale");
        }
        JsonObject usage = Api.get("/api/sessions/" + s.id() + "/usage/turns").json();
        assertThat(usage.getInt("total_turn_count")).isEqualTo(1);
        JsonObject turn = usage.getJsonArray("rows").getJsonObject(0);
        assertThat(turn.getString("turn_id")).isEqualTo("turn-1");
        // Two model calls (the tool call and the reply), each billed INPUT_TOKENS in, OUTPUT_TOKENS out.
        assertThat(turn.getJsonNumber("billable_input_tokens").longValue()).isEqualTo(2L * ScriptedModel.INPUT_TOKENS);
        assertThat(turn.getJsonNumber("billable_output_tokens").longValue()).isEqualTo(2L * ScriptedModel.OUTPUT_TOKENS);
        assertThat(turn.getJsonNumber("estimated_cost_usd").doubleValue()).isGreaterThan(0);

        JsonObject page = Api.get("/api/sessions/" + s.id() + "/conversation").json();
        List<String> types = new ArrayList<>();
        page.getJsonArray("rows").forEach(v -> types.add(v.asJsonObject().getJsonObject("row").getString("row_type")));
        assertThat(types).isEqualTo(List.of("user", "tool", "assistant"));
        long lastSeq = -1;
        for (JsonValue v : page.getJsonArray("rows")) {
            long seq = v.asJsonObject().getJsonNumber("sequence").longValue();
            assertThat(seq).isGreaterThan(lastSeq);
            lastSeq = seq;
        }
        JsonObject history = Api.get("/api/approvals?session_id=" + s.id()).json();
        assertThat(history.getJsonArray("approvals").getJsonObject(0).getString("decision")).isEqualTo("approved");
        JsonObject found = Api.get("/api/sessions/" + s.id() + "/conversation/search?q=TOOL%20FINISHED").json();
        assertThat(found.getJsonArray("rows")).hasSize(1);
        end(s);
    }

    @Test
    void aDeniedCommandIsNotRunAndTheAgentGoesOn() throws Exception {
        Agents.Session s = create();
        Path marker = s.dir().resolve("denied.txt");
        try (Ws ws = subscribe(s.id())) {
            assertThat(send(s.id(), "RUN_BASH touch " + marker).status()).isEqualTo(202);
            JsonObject request = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request");
            assertThat(request.getString("approval_type")).isEqualTo("exec");
            assertThat(request.getString("command")).isEqualTo("touch " + marker);
            Api.Resp denied = Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + request.getString("id")
                    + "/decision", "{\"decision\":\"denied\",\"message\":\"not this one\"}");
            assertThat(denied.json().getString("outcome")).isEqualTo("applied");
            awaitRow(ws, r -> "tool".equals(r.getString("row_type", "")) && "failed".equals(r.getString("status", "")), 60);
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")), 60);
            awaitDetail(s.id(), Agents::idle, 30);
            assertThat(marker).doesNotExist();

            // The agent goes on: the next message is a new turn.
            assertThat(send(s.id(), "and now just talk").status()).isEqualTo(202);
            JsonObject reply = awaitRow(ws, r -> r.getString("content", "").contains("and now just talk"), 60);
            assertThat(reply.getString("turn_id")).isEqualTo("turn-2");
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
            assertThat(results.stream().filter("applied"::equals).count()).as(results.toString()).isEqualTo(1);
            assertThat(results.stream().filter("stale"::equals).count()).as(results.toString()).isEqualTo(3);
            awaitDetail(s.id(), Agents::idle, 60);
            assertThat(Files.readString(s.dir().resolve("once.txt"))).isEqualTo("once\n");
        }
        end(s);
    }

    @Test
    void steerJoinsTheRunningTurnAndInterruptStopsIt() throws Exception {
        Agents.Session s = create();
        Api.Resp idleSteer = Api.post("/api/sessions/" + s.id() + "/conversation/steer", "{\"content\":\"x\"}");
        assertThat(idleSteer.status()).isEqualTo(409);
        assertThat(idleSteer.json().getString("code")).isEqualTo("not_steerable");
        try (Ws ws = subscribe(s.id())) {
            assertThat(send(s.id(), "SLOW please").status()).isEqualTo(202);
            awaitDetail(s.id(), d -> d.getBoolean("can_interrupt", false), 30);
            Api.Resp mismatch = Api.post("/api/sessions/" + s.id() + "/conversation/steer",
                    "{\"content\":\"focus\",\"expected_turn_id\":\"turn-9\"}");
            assertThat(mismatch.status()).isEqualTo(409);
            assertThat(mismatch.json().getString("code")).isEqualTo("active_turn_mismatch");
            Api.Resp steer = Api.post("/api/sessions/" + s.id() + "/conversation/steer",
                    "{\"content\":\"focus on tests\",\"expected_turn_id\":\"turn-1\"}");
            assertThat(steer.status()).as(steer.body()).isEqualTo(202);
            assertThat(steer.json().getJsonObject("row").getJsonObject("row").getString("row_type")).isEqualTo("steer");
            assertThat(steer.json().getJsonObject("row").getString("turn_id")).isEqualTo("turn-1");
            String steerRowId = steer.json().getJsonObject("row").getJsonObject("row").getString("id");
            JsonObject outcome = ws.await(f -> "steer_outcome".equals(f.getString("type", "")), 10);
            assertThat(outcome.getString("outcome")).isEqualTo("accepted");
            assertThat("steer-" + outcome.getString("message_id")).isEqualTo(steerRowId);

            JsonObject controls = Api.get("/api/sessions/" + s.id() + "/controls").json().getJsonObject("controls");
            assertThat(controls.getJsonObject("stop_active_turn").getBoolean("available")).isTrue();
            assertThat(controls.getJsonObject("shell_command").getBoolean("supported")).isFalse();

            long started = System.currentTimeMillis();
            Api.Resp interrupted = Api.post("/api/sessions/" + s.id() + "/conversation/interrupt", "{}");
            assertThat(interrupted.status()).as(interrupted.body()).isEqualTo(200);
            awaitDetail(s.id(), Agents::idle, 30);
            assertThat(System.currentTimeMillis() - started).as("the slow reply was cut short").isLessThan(30_000);
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
        assertThat(agentProcesses(s.dir())).as("the agent runs in the session's directory").isNotEmpty();
        JsonObject d = detail(s.id());
        assertThat(d.getBoolean("connector_attached")).isTrue();
        assertThat(MODEL.get().models).as("the session shows the model its agent asks for").contains(d.getString("model"));
        end(s);
    }

    /** From its second turn on, the CLI asks the model for the user's likely next prompt and prints it. */
    @Test
    void aTurnEndsWithTheCLIsSuggestionOfTheNextPrompt() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            for (String text : new String[] {"first of two", "second of two"}) {
                send(s.id(), text);
                awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                        && r.getString("content", "").contains(text), 60);
            }
            JsonObject suggestion = ws.await(f -> "prompt_suggestion".equals(f.getString("type", "")), 60);
            assertThat(suggestion.getString("session_id")).isEqualTo(s.id());
            assertThat(suggestion.getString("suggestion")).isEqualTo(ScriptedModel.SUGGESTION);
            assertThat(suggestion.getJsonNumber("revision").longValue()).isPositive();
        }
        assertThat(MODEL.get().suggestionRequests.get()).isPositive();
        end(s);
    }
}
