package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shell commands in a session's project, through real processes, streamed over a real WebSocket. */
class ShellIT {
    static Api.Resp exec(String sessionId, JsonObject body) {
        return Api.post("/api/sessions/" + sessionId + "/conversation/shell/exec", body.toString());
    }

    static JsonObject cmd(String command) {
        return Json.createObjectBuilder().add("command", command).build();
    }

    static JsonObject finalOutput(Ws ws, String requestId, long seconds) throws InterruptedException {
        return ws.await(f -> "shell_output".equals(f.getString("type", "")) && requestId.equals(f.getString("request_id"))
                && f.containsKey("outcome"), seconds);
    }

    static JsonObject row(String sessionId, String requestId) {
        for (var v : Api.get("/api/sessions/" + sessionId + "/conversation?limit=200").json().getJsonArray("rows")) {
            JsonObject r = v.asJsonObject().getJsonObject("row");
            if (requestId.equals(r.getString("id"))) {
                return r;
            }
        }
        throw new AssertionError("no row " + requestId);
    }

    @Test
    void outputStreamsWhileTheCommandRunsAndLandsInARow() throws Exception {
        Agents.Session s = Agents.create();
        try (Ws ws = Agents.subscribe(s.id())) {
            Api.Resp started = exec(s.id(), Json.createObjectBuilder().add("request_id", "count-1")
                    .add("command", "for i in 1 2 3; do echo line$i; sleep 0.4; done; echo oops >&2; exit 3").build());
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            assertThat(started.json().getString("request_id")).isEqualTo("count-1");
            assertThat(started.json().getBoolean("accepted")).isTrue();
            ws.await(f -> "shell_started".equals(f.getString("type", "")), 10);
            // A chunk arrives while the command still runs: no outcome yet, and it holds line1.
            JsonObject live = ws.await(f -> "shell_output".equals(f.getString("type", "")), 10);
            assertThat(live).as(live.toString()).doesNotContainKey("outcome");
            assertThat(live.getString("stdout")).as(live.toString()).startsWith("line1");

            JsonObject done = finalOutput(ws, "count-1", 20);
            assertThat(done.getString("outcome")).isEqualTo("failed");
            assertThat(done.getInt("exit_code")).isEqualTo(3);
            assertThat(done.getJsonNumber("duration_ms").longValue()).as(done.toString()).isGreaterThanOrEqualTo(1000);
        }
        JsonObject r = row(s.id(), "count-1");
        assertThat(r.getString("row_type")).isEqualTo("shell_command");
        assertThat(r.getString("output")).isEqualTo("line1\nline2\nline3\n\noops\n");
        assertThat(r.getInt("exit_code")).isEqualTo(3);
        Api.Resp again = exec(s.id(), Json.createObjectBuilder().add("request_id", "count-1").add("command", "true").build());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("code")).isEqualTo("shell_duplicate_request_id");
        Agents.end(s);
    }

    @Test
    void cancelAndTimeoutKillTheWholeTree() throws Exception {
        Agents.Session s = Agents.create();
        try (Ws ws = Agents.subscribe(s.id())) {
            assertThat(exec(s.id(), Json.createObjectBuilder().add("request_id", "sleepy")
                    .add("command", "sleep 600 & sleep 600").build()).status()).isEqualTo(200);
            ws.await(f -> "shell_started".equals(f.getString("type", "")), 10);
            long deadline = System.currentTimeMillis() + 10_000;
            while (Agents.agentProcesses(s.dir()).size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Agents.agentProcesses(s.dir()).size()).as("the shell and its background sleep run").isGreaterThanOrEqualTo(2);
            Api.Resp canceled = Api.post("/api/sessions/" + s.id() + "/conversation/shell/cancel", "{\"request_id\":\"sleepy\"}");
            assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
            assertThat(finalOutput(ws, "sleepy", 20).getString("outcome")).isEqualTo("canceled");
            assertThat(Agents.agentProcesses(s.dir())).as("nothing of the tree is left").isEqualTo(List.of());
            Api.Resp gone = Api.post("/api/sessions/" + s.id() + "/conversation/shell/cancel", "{\"request_id\":\"sleepy\"}");
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.json().getString("code")).isEqualTo("shell_request_not_found");

            assertThat(exec(s.id(), Json.createObjectBuilder().add("request_id", "slow")
                    .add("command", "sleep 30").add("timeout_secs", 1).build()).status()).isEqualTo(200);
            JsonObject timedOut = finalOutput(ws, "slow", 15);
            assertThat(timedOut.getString("outcome")).isEqualTo("timed_out");
            assertThat(timedOut.getJsonNumber("duration_ms").longValue()).isLessThan(10_000);
            assertThat(Agents.agentProcesses(s.dir())).isEqualTo(List.of());
        }
        Agents.end(s);
    }

    @Test
    void hugeOutputIsCappedAndTheServerCarriesOn() throws Exception {
        Agents.Session s = Agents.create();
        try (Ws ws = Agents.subscribe(s.id())) {
            assertThat(exec(s.id(), Json.createObjectBuilder().add("request_id", "flood")
                    .add("command", "head -c 200000000 /dev/zero | tr '\\0' x").build()).status()).isEqualTo(200);
            JsonObject done = finalOutput(ws, "flood", 120);
            assertThat(done.getString("outcome")).isEqualTo("completed");
            assertThat(done.getBoolean("truncated")).isTrue();
        }
        JsonObject r = row(s.id(), "flood");
        assertThat(r.getBoolean("is_truncated")).isTrue();
        assertThat(r.getString("output").length()).as("the row stays small").isLessThanOrEqualTo(16 * 1024);
        String full = Api.get("/api/sessions/" + s.id() + "/conversation/rows/flood/content").json().getString("output_display");
        assertThat(full).as("what was kept: the first 256 KiB").hasSize(256 * 1024);
        assertThat(full.chars().allMatch(c -> c == 'x')).isTrue();
        assertThat(Api.get("/api/server/ping").status()).isEqualTo(200);
        Agents.end(s);
    }

    @Test
    void theWorkingDirectoryMustLieInsideTheProject() throws Exception {
        Agents.Session s = Agents.create();
        Files.createDirectories(s.dir().resolve("sub"));
        Path outside = Files.createTempDirectory("fd-outside-");
        Files.createSymbolicLink(s.dir().resolve("escape"), outside);
        for (String cwd : new String[] {"/", "..", outside.toString(), "escape", "sub/../../", "missing"}) {
            Api.Resp r = exec(s.id(), Json.createObjectBuilder().add("command", "pwd").add("cwd", cwd).build());
            assertThat(r.status()).as(cwd + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().getString("code")).isEqualTo("invalid_request");
        }
        List<String> bad = new ArrayList<>(List.of("{}", "{\"command\":\"\"}", "{\"command\":\"ls\",\"timeout_secs\":0}",
                "{\"command\":\"ls\",\"request_id\":\"../x\"}"));
        for (String body : bad) {
            assertThat(Api.post("/api/sessions/" + s.id() + "/conversation/shell/exec", body).status()).as(body).isEqualTo(400);
        }
        try (Ws ws = Agents.subscribe(s.id())) {
            assertThat(exec(s.id(), Json.createObjectBuilder().add("request_id", "where")
                    .add("command", "pwd").add("cwd", "sub").build()).status()).isEqualTo(200);
            assertThat(finalOutput(ws, "where", 10).getString("outcome")).isEqualTo("completed");
        }
        assertThat(row(s.id(), "where").getString("output")).isEqualTo(s.dir().toRealPath().resolve("sub") + "\n");
        Agents.end(s);
    }
}
