package it.flightdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertEquals(200, started.status(), started.body());
            assertEquals("count-1", started.json().getString("request_id"));
            assertTrue(started.json().getBoolean("accepted"));
            ws.await(f -> "shell_started".equals(f.getString("type", "")), 10);
            // A chunk arrives while the command still runs: no outcome yet, and it holds line1.
            JsonObject live = ws.await(f -> "shell_output".equals(f.getString("type", "")), 10);
            assertFalse(live.containsKey("outcome"), live.toString());
            assertTrue(live.getString("stdout").startsWith("line1"), live.toString());

            JsonObject done = finalOutput(ws, "count-1", 20);
            assertEquals("failed", done.getString("outcome"));
            assertEquals(3, done.getInt("exit_code"));
            assertTrue(done.getJsonNumber("duration_ms").longValue() >= 1000, done.toString());
        }
        JsonObject r = row(s.id(), "count-1");
        assertEquals("shell_command", r.getString("row_type"));
        assertEquals("line1\nline2\nline3\n\noops\n", r.getString("output"));
        assertEquals(3, r.getInt("exit_code"));
        Api.Resp again = exec(s.id(), Json.createObjectBuilder().add("request_id", "count-1").add("command", "true").build());
        assertEquals(409, again.status());
        assertEquals("shell_duplicate_request_id", again.json().getString("code"));
        Agents.end(s);
    }

    @Test
    void cancelAndTimeoutKillTheWholeTree() throws Exception {
        Agents.Session s = Agents.create();
        try (Ws ws = Agents.subscribe(s.id())) {
            assertEquals(200, exec(s.id(), Json.createObjectBuilder().add("request_id", "sleepy")
                    .add("command", "sleep 600 & sleep 600").build()).status());
            ws.await(f -> "shell_started".equals(f.getString("type", "")), 10);
            long deadline = System.currentTimeMillis() + 10_000;
            while (Agents.agentProcesses(s.dir()).size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Agents.agentProcesses(s.dir()).size() >= 2, "the shell and its background sleep run");
            Api.Resp canceled = Api.post("/api/sessions/" + s.id() + "/conversation/shell/cancel", "{\"request_id\":\"sleepy\"}");
            assertEquals(200, canceled.status(), canceled.body());
            assertEquals("canceled", finalOutput(ws, "sleepy", 20).getString("outcome"));
            assertEquals(List.of(), Agents.agentProcesses(s.dir()), "nothing of the tree is left");
            Api.Resp gone = Api.post("/api/sessions/" + s.id() + "/conversation/shell/cancel", "{\"request_id\":\"sleepy\"}");
            assertEquals(404, gone.status());
            assertEquals("shell_request_not_found", gone.json().getString("code"));

            assertEquals(200, exec(s.id(), Json.createObjectBuilder().add("request_id", "slow")
                    .add("command", "sleep 30").add("timeout_secs", 1).build()).status());
            JsonObject timedOut = finalOutput(ws, "slow", 15);
            assertEquals("timed_out", timedOut.getString("outcome"));
            assertTrue(timedOut.getJsonNumber("duration_ms").longValue() < 10_000);
            assertEquals(List.of(), Agents.agentProcesses(s.dir()));
        }
        Agents.end(s);
    }

    @Test
    void hugeOutputIsCappedAndTheServerCarriesOn() throws Exception {
        Agents.Session s = Agents.create();
        try (Ws ws = Agents.subscribe(s.id())) {
            assertEquals(200, exec(s.id(), Json.createObjectBuilder().add("request_id", "flood")
                    .add("command", "head -c 200000000 /dev/zero | tr '\\0' x").build()).status());
            JsonObject done = finalOutput(ws, "flood", 120);
            assertEquals("completed", done.getString("outcome"));
            assertTrue(done.getBoolean("truncated"));
        }
        JsonObject r = row(s.id(), "flood");
        assertTrue(r.getBoolean("is_truncated"));
        assertTrue(r.getString("output").length() <= 16 * 1024, "the row stays small");
        String full = Api.get("/api/sessions/" + s.id() + "/conversation/rows/flood/content").json().getString("output_display");
        assertEquals(256 * 1024, full.length(), "what was kept: the first 256 KiB");
        assertTrue(full.chars().allMatch(c -> c == 'x'));
        assertEquals(200, Api.get("/api/server/ping").status());
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
            assertEquals(400, r.status(), cwd + ": " + r.body());
            assertEquals("invalid_request", r.json().getString("code"));
        }
        List<String> bad = new ArrayList<>(List.of("{}", "{\"command\":\"\"}", "{\"command\":\"ls\",\"timeout_secs\":0}",
                "{\"command\":\"ls\",\"request_id\":\"../x\"}"));
        for (String body : bad) {
            assertEquals(400, Api.post("/api/sessions/" + s.id() + "/conversation/shell/exec", body).status(), body);
        }
        try (Ws ws = Agents.subscribe(s.id())) {
            assertEquals(200, exec(s.id(), Json.createObjectBuilder().add("request_id", "where")
                    .add("command", "pwd").add("cwd", "sub").build()).status());
            assertEquals("completed", finalOutput(ws, "where", 10).getString("outcome"));
        }
        assertEquals(s.dir().toRealPath().resolve("sub") + "\n", row(s.id(), "where").getString("output"));
        Agents.end(s);
    }
}
