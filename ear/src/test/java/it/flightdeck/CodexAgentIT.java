package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.awaitRow;
import static it.flightdeck.Agents.detail;
import static it.flightdeck.Agents.end;
import static it.flightdeck.Agents.send;
import static it.flightdeck.Agents.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code codex app-server}, started and supervised by the server, against the scripted model's
 * Responses API: message, rows, an exec approval, the command ran, usage; deny; interrupt; rollback and fork.
 */
class CodexAgentIT {
    static ScriptedModel model;

    @BeforeAll
    static void start() throws IOException {
        int port = Integer.getInteger("it.scripted.model.port", 4199);
        model = new ScriptedModel(port);
        Agents.configureCodex(port);
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    static Agents.Session create() throws IOException {
        Path dir = Files.createTempDirectory("fd-codex-");
        Api.Resp r = Api.post("/api/sessions", "{\"provider\":\"codex\",\"cwd\":\"" + dir
                + "\",\"approval_policy\":\"untrusted\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new Agents.Session(r.json().getString("session_id"), dir);
    }

    static void turn(Agents.Session s, Ws ws, String content) throws Exception {
        assertThat(send(s.id(), content).status()).isEqualTo(202);
        awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")) && r.getString("content", "").contains(content), 60);
        awaitDetail(s.id(), Agents::idle, 30);
    }

    @Test
    void aCommandNeedsApprovalRunsAndTheTurnRecordsUsage() throws Exception {
        Agents.Session s = create();
        Path marker = s.dir().resolve("ran.txt");
        try (Ws ws = subscribe(s.id())) {
            Api.Resp accepted = send(s.id(), "RUN_BASH touch " + marker);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            JsonObject tool = awaitRow(ws, r -> "tool".equals(r.getString("row_type", "")), 60);
            assertThat(tool.getJsonObject("row").getString("family")).isEqualTo("shell");
            assertThat(tool.getJsonObject("row").getString("provider")).isEqualTo("codex");
            JsonObject request = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request");
            assertThat(request.getString("approval_type")).isEqualTo("exec");
            assertThat(request.getString("command")).as(request.toString()).contains("touch " + marker);
            awaitDetail(s.id(), d -> "permission".equals(d.getString("work_status")), 10);
            assertThat(marker).as("nothing runs before the approval").doesNotExist();

            Api.Resp decided = Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + request.getString("id")
                    + "/decision", "{\"decision\":\"approved\"}");
            assertThat(decided.json().getString("outcome")).as(decided.body()).isEqualTo("applied");
            awaitRow(ws, r -> "tool".equals(r.getString("row_type", "")) && "completed".equals(r.getString("status", "")), 60);
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").startsWith("Tool finished"), 60);
            assertThat(marker).as("the approved command ran").exists();
            awaitDetail(s.id(), Agents::idle, 30);
        }
        JsonObject usage = Api.get("/api/sessions/" + s.id() + "/usage/turns").json();
        JsonObject turn = usage.getJsonArray("rows").getJsonObject(0);
        // Two model calls (the command and the reply), each INPUT_TOKENS in and OUTPUT_TOKENS out.
        assertThat(turn.getJsonNumber("billable_input_tokens").longValue()).isEqualTo(2L * ScriptedModel.INPUT_TOKENS);
        assertThat(turn.getJsonNumber("billable_output_tokens").longValue()).isEqualTo(2L * ScriptedModel.OUTPUT_TOKENS);
        assertThat(turn.getString("provider")).isEqualTo("codex");
        assertThat(detail(s.id())).containsKey("model");
        end(s);
    }

    @Test
    void aDeniedCommandDoesNotRunAndTheAgentGoesOn() throws Exception {
        Agents.Session s = create();
        Path marker = s.dir().resolve("denied.txt");
        try (Ws ws = subscribe(s.id())) {
            assertThat(send(s.id(), "RUN_BASH touch " + marker).status()).isEqualTo(202);
            JsonObject request = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request");
            assertThat(Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + request.getString("id")
                    + "/decision", "{\"decision\":\"denied\"}").json().getString("outcome")).isEqualTo("applied");
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")), 60);
            awaitDetail(s.id(), Agents::idle, 30);
            assertThat(marker).doesNotExist();
            turn(s, ws, "and now just talk");
        }
        end(s);
    }

    @Test
    void aSteerReachesTheModelWithinTheTurnAndInterruptStopsATurn() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            // While the turn waits on an approval, a steer joins it: the model's next call carries it.
            assertThat(send(s.id(), "RUN_BASH touch " + s.dir().resolve("steered.txt")).status()).isEqualTo(202);
            String rid = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request").getString("id");
            String turn = detail(s.id()).getString("current_turn_id");
            Api.Resp steered = Api.post("/api/sessions/" + s.id() + "/conversation/steer",
                    "{\"content\":\"STEER-7 use a shorter name\",\"expected_turn_id\":\"" + turn + "\"}");
            assertThat(steered.status()).as(steered.body()).isEqualTo(202);
            assertThat(steered.json().getJsonObject("row").getString("turn_id")).isEqualTo(turn);
            Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + rid + "/decision", "{\"decision\":\"approved\"}");
            awaitDetail(s.id(), Agents::idle, 60);
            assertThat(historyOf("STEER-7")).as("the steer went into the same turn, after the command").contains("touch");
            assertThat(detail(s.id()).getInt("turn_count")).isEqualTo(1);

            assertThat(send(s.id(), "SLOW").status()).isEqualTo(202);
            awaitDetail(s.id(), d -> d.getBoolean("can_interrupt", false), 30);
            long deadline = System.currentTimeMillis() + 30_000;
            while (model.userTexts.stream().noneMatch("SLOW"::equals) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Api.post("/api/sessions/" + s.id() + "/conversation/interrupt", "{}").status()).isEqualTo(200);
            awaitDetail(s.id(), Agents::idle, 30);
        }
        end(s);
    }

    @Test
    void rollbackAndForkChangeWhatCodexRemembers() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            turn(s, ws, "remember KIWI-1");
            turn(s, ws, "remember MANGO-2");
        }
        Api.Resp forked = Api.post("/api/sessions/" + s.id() + "/lifecycle/fork", "{\"nth_user_message\":2}");
        assertThat(forked.status()).as(forked.body()).isEqualTo(200);
        Agents.Session fork = new Agents.Session(forked.json().getString("new_session_id"), s.dir());
        assertThat(Api.post("/api/sessions/" + s.id() + "/controls/rollback-turns", "{\"num_turns\":1}").status()).isEqualTo(200);
        try (Ws ws = subscribe(s.id())) {
            turn(s, ws, "what now LIME-3");
        }
        String history = historyOf("LIME-3");
        assertThat(history).as(history).contains("KIWI-1");
        assertThat(history).as("the rolled-back turn is gone: " + history).doesNotContain("MANGO-2");
        end(s);
        try (Ws ws = subscribe(fork.id())) {
            turn(fork, ws, "recall PEACH-4");
        }
        String forkHistory = historyOf("PEACH-4");
        assertThat(forkHistory).as(forkHistory).contains("KIWI-1");
        assertThat(forkHistory).as(forkHistory).doesNotContain("MANGO-2");
        end(fork);
    }

    @Test
    void codexCompactsItsThreadAndRunsAThreadShellCommand() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            turn(s, ws, "something worth compacting");
            Api.Resp compacted = Api.post("/api/sessions/" + s.id() + "/controls/compact-context", "");
            assertThat(compacted.status()).as(compacted.body()).isEqualTo(200);
            // The app-server's contextCompaction item (and thread/compacted): a marker row and one
            // context_compacted.
            JsonObject event = Agents.awaitRowAndFrame(ws, r -> "system".equals(r.getString("row_type", ""))
                    && r.getString("content", "").contains("compacted"), "context_compacted", 60);
            assertThat(event.getString("session_id")).isEqualTo(s.id());
            awaitDetail(s.id(), Agents::idle, 60);

            Path out = s.dir().resolve("from-thread.txt");
            Api.Resp shell = Api.post("/api/sessions/" + s.id() + "/conversation/shell-command",
                    "{\"command\":\"echo from the thread > " + out + "\"}");
            assertThat(shell.status()).as(shell.body()).isEqualTo(202);
            long deadline = System.currentTimeMillis() + 30_000;
            while (!Files.exists(out) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(out)).isEqualTo("from the thread\n");
        }
        Agents.Session claude = Agents.create();
        Api.Resp refused = Api.post("/api/sessions/" + claude.id() + "/conversation/shell-command", "{\"command\":\"true\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().getString("code")).isEqualTo("unsupported_session_shell");
        end(claude);
        end(s);
    }

    @Test
    void modelsSkillsAndMcpComeFromTheInstalledCodex() throws Exception {
        Api.Resp models = Api.get("/api/models/codex");
        assertThat(models.status()).as(models.body()).isEqualTo(200);
        JsonObject first = models.json().getJsonArray("models").getJsonObject(0);
        assertThat(first.getString("id")).isNotBlank();
        assertThat(first.getString("display_name")).isNotBlank();
        assertThat(first.getJsonArray("supported_reasoning_efforts")).isNotEmpty();

        Agents.Session s = create();
        Path skill = s.dir().resolve(".agents/skills/release-notes/SKILL.md");
        Files.createDirectories(skill.getParent());
        Files.writeString(skill, "---\nname: release-notes\ndescription: Write release notes\n---\nSummarise the changes.\n");
        JsonObject skills = Api.get("/api/sessions/" + s.id() + "/skills?force_reload=true").json();
        assertThat(skills.getJsonArray("skills").stream().anyMatch(v -> "release-notes".equals(v.asJsonObject().getString("name")))).as(skills.toString()).isTrue();
        JsonObject modes = Api.get("/api/sessions/" + s.id() + "/collaboration-modes").json();
        assertThat(modes.getJsonArray("data").stream().anyMatch(v -> "plan".equals(v.asJsonObject().getString("mode", "")))).as(modes.toString()).isTrue();
        JsonObject mcp = Api.get("/api/sessions/" + s.id() + "/mcp").json();
        assertThat(mcp.getString("session_id")).isEqualTo(s.id());
        assertThat(mcp).containsKeys("tools", "auth_statuses");
        end(s);

        Agents.Session claude = Agents.create();
        Files.createDirectories(claude.dir().resolve(".claude/skills/deploy"));
        Files.writeString(claude.dir().resolve(".claude/skills/deploy/SKILL.md"), "---\nname: deploy\n---\n");
        assertThat(Api.get("/api/sessions/" + claude.id() + "/skills").json()
                .getJsonArray("claude_skill_names").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList()).isEqualTo(List.of("deploy"));
        end(claude);
    }

    static String historyOf(String marker) {
        return model.historyOf(marker);
    }
}
