package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.awaitRow;
import static it.flightdeck.Agents.detail;
import static it.flightdeck.Agents.end;
import static it.flightdeck.Agents.send;
import static it.flightdeck.Agents.subscribe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(200, r.status(), r.body());
        return new Agents.Session(r.json().getString("session_id"), dir);
    }

    static void turn(Agents.Session s, Ws ws, String content) throws Exception {
        assertEquals(202, send(s.id(), content).status());
        awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")) && r.getString("content", "").contains(content), 60);
        awaitDetail(s.id(), Agents::idle, 30);
    }

    @Test
    void aCommandNeedsApprovalRunsAndTheTurnRecordsUsage() throws Exception {
        Agents.Session s = create();
        Path marker = s.dir().resolve("ran.txt");
        try (Ws ws = subscribe(s.id())) {
            Api.Resp accepted = send(s.id(), "RUN_BASH touch " + marker);
            assertEquals(202, accepted.status(), accepted.body());
            JsonObject tool = awaitRow(ws, r -> "tool".equals(r.getString("row_type", "")), 60);
            assertEquals("shell", tool.getJsonObject("row").getString("family"));
            assertEquals("codex", tool.getJsonObject("row").getString("provider"));
            JsonObject request = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request");
            assertEquals("exec", request.getString("approval_type"));
            assertTrue(request.getString("command").contains("touch " + marker), request.toString());
            awaitDetail(s.id(), d -> "permission".equals(d.getString("work_status")), 10);
            assertFalse(Files.exists(marker), "nothing runs before the approval");

            Api.Resp decided = Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + request.getString("id")
                    + "/decision", "{\"decision\":\"approved\"}");
            assertEquals("applied", decided.json().getString("outcome"), decided.body());
            awaitRow(ws, r -> "tool".equals(r.getString("row_type", "")) && "completed".equals(r.getString("status", "")), 60);
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").startsWith("Tool finished"), 60);
            assertTrue(Files.exists(marker), "the approved command ran");
            awaitDetail(s.id(), Agents::idle, 30);
        }
        JsonObject usage = Api.get("/api/sessions/" + s.id() + "/usage/turns").json();
        JsonObject turn = usage.getJsonArray("rows").getJsonObject(0);
        // Two model calls (the command and the reply), each INPUT_TOKENS in and OUTPUT_TOKENS out.
        assertEquals(2L * ScriptedModel.INPUT_TOKENS, turn.getJsonNumber("billable_input_tokens").longValue());
        assertEquals(2L * ScriptedModel.OUTPUT_TOKENS, turn.getJsonNumber("billable_output_tokens").longValue());
        assertEquals("codex", turn.getString("provider"));
        assertTrue(detail(s.id()).containsKey("model"));
        end(s);
    }

    @Test
    void aDeniedCommandDoesNotRunAndTheAgentGoesOn() throws Exception {
        Agents.Session s = create();
        Path marker = s.dir().resolve("denied.txt");
        try (Ws ws = subscribe(s.id())) {
            assertEquals(202, send(s.id(), "RUN_BASH touch " + marker).status());
            JsonObject request = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request");
            assertEquals("applied", Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + request.getString("id")
                    + "/decision", "{\"decision\":\"denied\"}").json().getString("outcome"));
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")), 60);
            awaitDetail(s.id(), Agents::idle, 30);
            assertFalse(Files.exists(marker));
            turn(s, ws, "and now just talk");
        }
        end(s);
    }

    @Test
    void aSteerReachesTheModelWithinTheTurnAndInterruptStopsATurn() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            // While the turn waits on an approval, a steer joins it: the model's next call carries it.
            assertEquals(202, send(s.id(), "RUN_BASH touch " + s.dir().resolve("steered.txt")).status());
            String rid = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request").getString("id");
            String turn = detail(s.id()).getString("current_turn_id");
            Api.Resp steered = Api.post("/api/sessions/" + s.id() + "/conversation/steer",
                    "{\"content\":\"STEER-7 use a shorter name\",\"expected_turn_id\":\"" + turn + "\"}");
            assertEquals(202, steered.status(), steered.body());
            assertEquals(turn, steered.json().getJsonObject("row").getString("turn_id"));
            Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + rid + "/decision", "{\"decision\":\"approved\"}");
            awaitDetail(s.id(), Agents::idle, 60);
            assertTrue(historyOf("STEER-7").contains("touch"), "the steer went into the same turn, after the command");
            assertEquals(1, detail(s.id()).getInt("turn_count"));

            assertEquals(202, send(s.id(), "SLOW").status());
            awaitDetail(s.id(), d -> d.getBoolean("can_interrupt", false), 30);
            long deadline = System.currentTimeMillis() + 30_000;
            while (model.userTexts.stream().noneMatch("SLOW"::equals) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(200, Api.post("/api/sessions/" + s.id() + "/conversation/interrupt", "{}").status());
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
        assertEquals(200, forked.status(), forked.body());
        Agents.Session fork = new Agents.Session(forked.json().getString("new_session_id"), s.dir());
        assertEquals(200, Api.post("/api/sessions/" + s.id() + "/controls/rollback-turns", "{\"num_turns\":1}").status());
        try (Ws ws = subscribe(s.id())) {
            turn(s, ws, "what now LIME-3");
        }
        String history = historyOf("LIME-3");
        assertTrue(history.contains("KIWI-1"), history);
        assertFalse(history.contains("MANGO-2"), "the rolled-back turn is gone: " + history);
        end(s);
        try (Ws ws = subscribe(fork.id())) {
            turn(fork, ws, "recall PEACH-4");
        }
        String forkHistory = historyOf("PEACH-4");
        assertTrue(forkHistory.contains("KIWI-1"), forkHistory);
        assertFalse(forkHistory.contains("MANGO-2"), forkHistory);
        end(fork);
    }

    @Test
    void codexCompactsItsThreadAndRunsAThreadShellCommand() throws Exception {
        Agents.Session s = create();
        try (Ws ws = subscribe(s.id())) {
            turn(s, ws, "something worth compacting");
            Api.Resp compacted = Api.post("/api/sessions/" + s.id() + "/controls/compact-context", "");
            assertEquals(200, compacted.status(), compacted.body());
            awaitRow(ws, r -> "system".equals(r.getString("row_type", ""))
                    && r.getString("content", "").contains("compacted"), 60);
            awaitDetail(s.id(), Agents::idle, 60);

            Path out = s.dir().resolve("from-thread.txt");
            Api.Resp shell = Api.post("/api/sessions/" + s.id() + "/conversation/shell-command",
                    "{\"command\":\"echo from the thread > " + out + "\"}");
            assertEquals(202, shell.status(), shell.body());
            long deadline = System.currentTimeMillis() + 30_000;
            while (!Files.exists(out) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals("from the thread\n", Files.readString(out));
        }
        Agents.Session claude = Agents.create();
        Api.Resp refused = Api.post("/api/sessions/" + claude.id() + "/conversation/shell-command", "{\"command\":\"true\"}");
        assertEquals(422, refused.status());
        assertEquals("unsupported_session_shell", refused.json().getString("code"));
        end(claude);
        end(s);
    }

    @Test
    void modelsSkillsAndMcpComeFromTheInstalledCodex() throws Exception {
        Api.Resp models = Api.get("/api/models/codex");
        assertEquals(200, models.status(), models.body());
        JsonObject first = models.json().getJsonArray("models").getJsonObject(0);
        assertFalse(first.getString("id").isBlank());
        assertFalse(first.getString("display_name").isBlank());
        assertFalse(first.getJsonArray("supported_reasoning_efforts").isEmpty());

        Agents.Session s = create();
        Path skill = s.dir().resolve(".agents/skills/release-notes/SKILL.md");
        Files.createDirectories(skill.getParent());
        Files.writeString(skill, "---\nname: release-notes\ndescription: Write release notes\n---\nSummarise the changes.\n");
        JsonObject skills = Api.get("/api/sessions/" + s.id() + "/skills?force_reload=true").json();
        assertTrue(skills.getJsonArray("skills").stream().anyMatch(v -> "release-notes".equals(v.asJsonObject().getString("name"))),
                skills.toString());
        JsonObject modes = Api.get("/api/sessions/" + s.id() + "/collaboration-modes").json();
        assertTrue(modes.getJsonArray("data").stream().anyMatch(v -> "plan".equals(v.asJsonObject().getString("mode", ""))),
                modes.toString());
        JsonObject mcp = Api.get("/api/sessions/" + s.id() + "/mcp").json();
        assertEquals(s.id(), mcp.getString("session_id"));
        assertTrue(mcp.containsKey("tools") && mcp.containsKey("auth_statuses"));
        end(s);

        Agents.Session claude = Agents.create();
        Files.createDirectories(claude.dir().resolve(".claude/skills/deploy"));
        Files.writeString(claude.dir().resolve(".claude/skills/deploy/SKILL.md"), "---\nname: deploy\n---\n");
        assertEquals(List.of("deploy"), Api.get("/api/sessions/" + claude.id() + "/skills").json()
                .getJsonArray("claude_skill_names").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        end(claude);
    }

    static String historyOf(String marker) {
        return model.historyOf(marker);
    }
}
