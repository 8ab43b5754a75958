package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.create;
import static it.flightdeck.Agents.detail;
import static it.flightdeck.Agents.end;
import static it.flightdeck.Agents.send;
import static it.flightdeck.Agents.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A subagent of the real {@code claude} CLI against the scripted model: the main agent calls the
 * Agent tool, the subagent runs a Bash call (held at its approval, so the running state is seen
 * without timing), and the session's detail, lists and subagent routes show it.
 */
class SubagentsIT {
    @RegisterExtension
    static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();
    /** touch is not a read-only command, so Claude asks before it runs (echo alone it would just run). */
    static final String PROMPT = "RUN_BASH touch sub.txt && echo sub-hello";

    @Test
    void aSubagentIsListedWhileItRunsAndItsToolsAndRowsAreItsOwn() throws Exception {
        Agents.Session s = create();
        assertThat(detail(s.id()).getJsonArray("subagents")).isEmpty();
        assertThat(detail(s.id()).getInt("active_worker_count")).isZero();
        try (Ws ws = subscribe(s.id())) {
            Api.Resp accepted = send(s.id(), "SUBAGENT " + PROMPT);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

            // The subagent's Bash call waits for its approval: the subagent is running until it is given.
            JsonObject bash = null;
            while (bash == null) {
                JsonObject request = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                        .getJsonObject("request");
                if ("Bash".equals(request.getString("tool_name", ""))) {
                    bash = request;
                } else {
                    decide(s.id(), request);
                }
            }
            awaitDetail(s.id(), d -> d.getInt("active_worker_count") == 1, 10);
            JsonObject running = detail(s.id()).getJsonArray("subagents").getJsonObject(0);
            assertThat(running.getString("status")).isEqualTo("running");
            assertThat(running.getString("provider")).isEqualTo("claude");
            assertThat(running.getString("agent_type")).isEqualTo("general-purpose");
            assertThat(running.getString("label")).isEqualTo(ScriptedModel.SUBAGENT_LABEL);
            assertThat(running.getString("task_summary")).isEqualTo(PROMPT);
            assertThat(running.containsKey("ended_at")).isFalse();
            String sub = running.getString("id");
            assertThat(listItem(s.id()).getInt("active_worker_count")).isEqualTo(1);
            assertThat(dashboardItem(s.id()).getInt("active_worker_count")).isEqualTo(1);
            JsonObject pending = Api.get("/api/sessions/" + s.id() + "/subagents/" + sub + "/tools").json();
            assertThat(pending.getJsonArray("tools")).singleElement()
                    .satisfies(t -> assertThat(t.asJsonObject().getBoolean("is_in_progress")).isTrue());

            decide(s.id(), bash);
            awaitDetail(s.id(), d -> Agents.idle(d) && d.getInt("active_worker_count") == 0, 60);

            JsonObject done = detail(s.id()).getJsonArray("subagents").getJsonObject(0);
            assertThat(done.getString("id")).isEqualTo(sub);
            assertThat(done.getString("status")).isEqualTo("completed");
            assertThat(done.getString("result_summary")).isEqualTo("Tool finished: sub-hello");
            assertThat(done.getString("ended_at")).isNotBlank();
            assertThat(listItem(s.id()).getInt("active_worker_count")).isZero();
            assertThat(s.dir().resolve("sub.txt")).as("the subagent ran its command in the session's directory")
                    .exists();
            assertThat(Api.get("/api/sessions/" + s.id() + "/conversation/stats").json().getInt("worker_count"))
                    .isEqualTo(1);

            JsonObject tools = Api.get("/api/sessions/" + s.id() + "/subagents/" + sub + "/tools").json();
            assertThat(tools.getString("session_id")).isEqualTo(s.id());
            assertThat(tools.getString("subagent_id")).isEqualTo(sub);
            JsonArray list = tools.getJsonArray("tools");
            assertThat(list).hasSize(1);
            JsonObject tool = list.getJsonObject(0);
            assertThat(tool.getString("tool_name")).isEqualTo("Bash");
            assertThat(tool.getString("summary")).contains("touch sub.txt");
            assertThat(tool.getString("output")).isEqualTo("sub-hello");
            assertThat(tool.getBoolean("is_in_progress")).isFalse();
            assertThat(tool.getString("id")).isEqualTo(bash.getString("tool_use_id"));

            JsonObject messages = Api.get("/api/sessions/" + s.id() + "/subagents/" + sub + "/messages").json();
            assertThat(messages.getString("subagent_id")).isEqualTo(sub);
            List<String> kinds = new ArrayList<>();
            for (JsonValue v : messages.getJsonArray("rows")) {
                JsonObject row = v.asJsonObject().getJsonObject("row");
                kinds.add(row.getString("row_type") + ":" + row.getString("content", row.getString("title", "")));
            }
            assertThat(kinds).containsExactly("user:" + PROMPT, "tool:Bash",
                    "assistant:Tool finished: sub-hello");
            JsonObject older = Api.get("/api/sessions/" + s.id() + "/subagents/" + sub
                    + "/messages?limit=1&before_sequence=2").json();
            assertThat(older.getJsonArray("rows")).singleElement()
                    .satisfies(v -> assertThat(v.asJsonObject().getInt("sequence")).isEqualTo(1));
            assertThat(older.getBoolean("has_more_before")).isTrue();

            // The session's own conversation has the Agent call, not the subagent's rows.
            List<String> main = new ArrayList<>();
            Api.get("/api/sessions/" + s.id() + "/conversation").json().getJsonArray("rows").forEach(v -> {
                JsonObject row = v.asJsonObject().getJsonObject("row");
                main.add(row.getString("row_type") + ":" + row.getString("title", ""));
            });
            assertThat(main).containsExactly("user:", "tool:Agent", "assistant:");
        }

        Api.Resp unknown = Api.get("/api/sessions/" + s.id() + "/subagents/toolu_nope/tools");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("code")).isEqualTo("not_found");
        Api.Resp unknownRows = Api.get("/api/sessions/" + s.id() + "/subagents/toolu_nope/messages");
        assertThat(unknownRows.status()).isEqualTo(404);
        assertThat(unknownRows.json().getString("code")).isEqualTo("not_found");
        Api.Resp noSession = Api.get("/api/sessions/od-nope/subagents/x/messages");
        assertThat(noSession.status()).isEqualTo(404);
        assertThat(noSession.json().getString("code")).isEqualTo("not_found");
        Api.Resp badLimit = Api.get("/api/sessions/" + s.id() + "/subagents/x/messages?limit=abc");
        assertThat(badLimit.status()).isEqualTo(400);
        end(s);
    }

    /**
     * The real {@code codex app-server} with its multi-agent tools (on by default): the main thread
     * calls spawn_agent, then wait_agent; the subagent's thread answers on its own. Its rows are the
     * subagent's, not the session's, and the session's service tier reaches the model.
     */
    @Test
    void aCodexSubagentIsListedAndItsRowsAreItsOwn() throws Exception {
        Agents.configureCodex(MODEL.get().port());
        String task = "report from the codex subagent";
        Agents.Session s = Agents.createCodex(",\"approval_policy\":\"never\",\"service_tier\":\"flex\"");
        try (Ws ws = subscribe(s.id())) {
            Api.Resp accepted = send(s.id(), "SUBAGENT " + task);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            JsonObject reply = Agents.awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").startsWith("Tool finished:"), 90);
            assertThat(reply.getJsonObject("row").getString("content")).as("what wait_agent returned")
                    .contains("Scripted reply to: " + task);
            awaitDetail(s.id(), d -> Agents.idle(d) && d.getInt("active_worker_count") == 0, 60);
        }
        JsonArray subagents = detail(s.id()).getJsonArray("subagents");
        assertThat(subagents).hasSize(1);
        JsonObject sub = subagents.getJsonObject(0);
        assertThat(sub.getString("provider")).isEqualTo("codex");
        assertThat(sub.getString("status")).isEqualTo("completed");
        assertThat(sub.getString("task_summary")).isEqualTo(task);
        assertThat(sub.getString("ended_at")).isNotBlank();
        assertThat(MODEL.get().histories).as("the subagent's id is the one spawn_agent answered")
                .anyMatch(h -> h.contains("\\\"agent_id\\\":\\\"" + sub.getString("id") + "\\\""));

        assertThat(typedContents("/api/sessions/" + s.id() + "/subagents/" + sub.getString("id") + "/messages"))
                .contains("assistant:Scripted reply to: " + task);
        assertThat(typedContents("/api/sessions/" + s.id() + "/conversation"))
                .as("the subagent's reply is not a row of the session's own")
                .doesNotContain("assistant:Scripted reply to: " + task);
        assertThat(MODEL.get().serviceTiers).as("the session's service tier").contains("flex");
        end(s);
    }

    @Test
    void aCodexSessionWithMultiAgentOffIsNotOfferedTheSubagentTools() throws Exception {
        Agents.configureCodex(MODEL.get().port());
        for (boolean on : new boolean[] {true, false}) {
            Agents.Session s = Agents.createCodex(",\"approval_policy\":\"never\",\"multi_agent\":" + on);
            String text = "multi agent " + on;
            try (Ws ws = subscribe(s.id())) {
                assertThat(send(s.id(), text).status()).isEqualTo(202);
                Agents.awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                        && r.getString("content", "").contains(text), 60);
            }
            int i = MODEL.get().userTexts.indexOf(text);
            assertThat(i).isNotNegative();
            if (on) {
                assertThat(MODEL.get().offeredTools.get(i)).contains(ScriptedModel.CODEX_AGENTS + "/spawn_agent");
            } else {
                assertThat(MODEL.get().offeredTools.get(i)).noneMatch(t -> t.startsWith(ScriptedModel.CODEX_AGENTS + "/"));
            }
            end(s);
        }
    }

    @Test
    void aTerminalClaudesSubagentHooksShowInItsPassiveSession() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("fd-hook-sub-");
        String claudeId = java.util.UUID.randomUUID().toString();
        assertThat(hook(jakarta.json.Json.createObjectBuilder().add("type", "claude_session_start")
                .add("session_id", claudeId).add("cwd", dir.toString()))).isEqualTo(204);
        assertThat(hook(jakarta.json.Json.createObjectBuilder().add("type", "claude_subagent_event")
                .add("session_id", claudeId).add("hook_event_name", "SubagentStart").add("agent_id", "agent-h1")
                .add("agent_type", "Explore"))).isEqualTo(204);
        String id = null;
        for (JsonValue v : Api.get("/api/sessions/summary").json().getJsonArray("active_sessions")) {
            if (dir.toString().equals(v.asJsonObject().getString("project_path"))) {
                id = v.asJsonObject().getString("id");
                assertThat(v.asJsonObject().getInt("active_worker_count")).isEqualTo(1);
            }
        }
        assertThat(id).as("the passive session is listed").isNotNull();
        JsonObject started = detail(id).getJsonArray("subagents").getJsonObject(0);
        assertThat(started.getString("id")).isEqualTo("agent-h1");
        assertThat(started.getString("agent_type")).isEqualTo("Explore");
        assertThat(started.getString("status")).isEqualTo("running");

        assertThat(hook(jakarta.json.Json.createObjectBuilder().add("type", "claude_subagent_event")
                .add("session_id", claudeId).add("hook_event_name", "SubagentStop").add("agent_id", "agent-h1")))
                .isEqualTo(204);
        JsonObject after = detail(id);
        assertThat(after.getInt("active_worker_count")).isZero();
        assertThat(after.getJsonArray("subagents").getJsonObject(0).getString("status")).isEqualTo("completed");
        assertThat(Api.get("/api/sessions/" + id + "/subagents/agent-h1/tools").json().getJsonArray("tools")).isEmpty();
    }

    /** A page of rows as {@code row_type:content}. */
    private static List<String> typedContents(String path) {
        List<String> out = new ArrayList<>();
        Api.get(path).json().getJsonArray("rows").forEach(v -> {
            JsonObject row = v.asJsonObject().getJsonObject("row");
            out.add(row.getString("row_type") + ":" + row.getString("content", ""));
        });
        return out;
    }

    private static int hook(jakarta.json.JsonObjectBuilder msg) {
        return Api.post("/api/hook", msg.build().toString()).status();
    }

    private static void decide(String session, JsonObject request) {
        Api.Resp r = Api.post("/api/sessions/" + session + "/approvals/requests/" + request.getString("id")
                + "/decision", "{\"decision\":\"approved\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static JsonObject listItem(String id) {
        for (JsonValue v : Api.get("/api/sessions/summary").json().getJsonArray("active_sessions")) {
            if (id.equals(v.asJsonObject().getString("id"))) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("session " + id + " is not among the active ones");
    }

    private static JsonObject dashboardItem(String id) {
        for (JsonValue v : Api.get("/api/sessions/active").json().getJsonArray("conversations")) {
            if (id.equals(v.asJsonObject().getString("session_id"))) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("session " + id + " is not on the dashboard");
    }
}
