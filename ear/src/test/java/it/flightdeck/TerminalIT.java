package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Interactive terminals over a real WebSocket: bash in a real pseudo-terminal on the started server. */
class TerminalIT {
    /** One terminal's side of a socket: its output, decoded from the binary frames. */
    static final class Term {
        final Ws ws;
        final String id;
        final StringBuilder out = new StringBuilder();
        Integer exitFrameCode;

        Term(Ws ws, String id) {
            this.ws = ws;
            this.id = id;
        }

        void type(String text) {
            ws.send(Json.createObjectBuilder().add("type", "terminal_input").add("terminal_id", id)
                    .add("data", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))).build().toString());
        }

        /** Reads output frames until {@code p} matches what the terminal printed; returns group 1. */
        String await(Pattern p) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (true) {
                Matcher m = p.matcher(out);
                if (m.find()) {
                    String g = m.group(1);
                    out.delete(0, m.end());
                    return g;
                }
                byte[] f = ws.binaries.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (f == null) {
                    throw new AssertionError("no " + p + " within 15 s in: " + out);
                }
                take(f);
            }
        }

        /** Frame layout (docs/terminals.md): type, id length, id, payload. */
        void take(byte[] f) {
            int idLength = Byte.toUnsignedInt(f[1]);
            String frameId = new String(f, 2, idLength, StandardCharsets.UTF_8);
            if (!frameId.equals(id)) {
                return;
            }
            if (f[0] == 1) {
                out.append(new String(f, 2 + idLength, f.length - 2 - idLength, StandardCharsets.UTF_8));
            } else if (f[0] == 2) {
                exitFrameCode = ByteBuffer.wrap(f, 2 + idLength, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            }
        }
    }

    static Ws connect() throws InterruptedException {
        Ws ws = Ws.connect(Api.token());
        ws.awaitType("server_info");
        return ws;
    }

    static JsonObject create(Ws ws, String id, String sessionId, String cwd) {
        var b = Json.createObjectBuilder().add("type", "create_terminal").add("terminal_id", id).add("cols", 100).add("rows", 30);
        if (sessionId != null) {
            b.add("session_id", sessionId);
        }
        if (cwd != null) {
            b.add("cwd", cwd);
        }
        JsonObject m = b.build();
        ws.send(m.toString());
        return m;
    }

    static JsonObject awaitError(Ws ws, String code) throws InterruptedException {
        return ws.await(f -> "error".equals(f.getString("type", "")) && code.equals(f.getString("code", "")), 10);
    }

    static JsonObject awaitExited(Ws ws, String id) throws InterruptedException {
        return ws.await(f -> "terminal_exited".equals(f.getString("type", "")) && id.equals(f.getString("terminal_id")), 15);
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static void awaitGone(long... pids) {
        for (long pid : pids) {
            Await.until("process " + pid + " to be gone", () -> alive(pid), a -> !a, Duration.ofSeconds(15));
        }
    }

    /** Starts a background job and prints both pids: the shell's (echo $$) and the job's. */
    static long[] pids(Term t) throws InterruptedException {
        t.type("sleep 600 & echo \"shell=$$ job=$!\"\n");
        String[] both = t.await(Pattern.compile("(shell=\\d+ job=\\d+)")).split(" ");
        long shell = Long.parseLong(both[0].substring("shell=".length()));
        long job = Long.parseLong(both[1].substring("job=".length()));
        assertThat(alive(shell)).isTrue();
        assertThat(alive(job)).isTrue();
        return new long[]{shell, job};
    }

    /** The test server's FLIGHTDECK_TERMINAL_IDLE_TIMEOUT_SECONDS (ear/src/it-server/server.env). */
    static final int IDLE_TIMEOUT_SECONDS = 20;

    @Test
    void aTerminalWithNeitherInputNorOutputForTheIdleTimeoutIsClosedWithItsProcesses() throws Exception {
        Path dir = Files.createTempDirectory("fd-term-idle-");
        try (Ws ws = connect()) {
            create(ws, "idle", null, dir.toString());
            ws.awaitType("terminal_created");
            Term t = new Term(ws, "idle");
            long[] pids = pids(t);
            long quietSince = System.nanoTime();
            // From here nothing is typed and the shell prints nothing: the sleeping job keeps it alive.
            JsonObject closed = ws.await(f -> "error".equals(f.getString("type", ""))
                    && "terminal_closed".equals(f.getString("code", "")), IDLE_TIMEOUT_SECONDS + 20);
            long quietFor = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - quietSince);
            assertThat(closed.getString("message")).isEqualTo("Terminal idle was closed: idle for " + IDLE_TIMEOUT_SECONDS
                    + " s (FLIGHTDECK_TERMINAL_IDLE_TIMEOUT_SECONDS)");
            assertThat(quietFor).as("closed after %d s of quiet", quietFor).isGreaterThanOrEqualTo(IDLE_TIMEOUT_SECONDS - 1);
            awaitExited(ws, "idle");
            awaitGone(pids);
        }
    }

    @Test
    void bashRunsInTheSessionsDirectorySeesResizesAndLeavesNothingAfterDestroy() throws Exception {
        Agents.Session s = Agents.create();
        try (Ws ws = connect()) {
            create(ws, "t1", s.id(), null);
            JsonObject created = ws.awaitType("terminal_created");
            assertThat(created.getString("terminal_id")).isEqualTo("t1");
            assertThat(created.getString("session_id")).isEqualTo(s.id());
            Term t = new Term(ws, "t1");

            t.type("echo \"dir=$PWD size=$(stty size) term=$TERM fd=$(env | grep -c '^FLIGHTDECK_') wlp=$(env | grep -c '^WLP_')\"\n");
            assertThat(t.await(Pattern.compile("dir=(/\\S+) "))).isEqualTo(s.dir().toRealPath().toString());
            assertThat(t.await(Pattern.compile("size=(\\d+ \\d+) "))).isEqualTo("30 100");
            assertThat(t.await(Pattern.compile("term=(\\S+) "))).isEqualTo("xterm-256color");
            assertThat(t.await(Pattern.compile("fd=(\\d+) "))).as("no server settings reach the shell").isEqualTo("0");
            assertThat(t.await(Pattern.compile("wlp=(\\d+)"))).isEqualTo("0");
            t.type("echo \"canary=${IT_SECRET_CANARY:-none} passed=${IT_PASSED_THROUGH:-none}\"\n");
            assertThat(t.await(Pattern.compile("canary=(\\w+) "))).as("a server secret").isEqualTo("none");
            assertThat(t.await(Pattern.compile("passed=([\\w-]+)"))).isEqualTo("visible-to-agents");

            ws.send("{\"type\":\"terminal_resize\",\"terminal_id\":\"t1\",\"cols\":132,\"rows\":43}");
            t.type("echo \"now=$(stty size)\"\n");
            assertThat(t.await(Pattern.compile("now=(\\d+ \\d+)"))).isEqualTo("43 132");

            long[] pids = pids(t);
            ws.send("{\"type\":\"destroy_terminal\",\"terminal_id\":\"t1\"}");
            JsonObject exited = awaitExited(ws, "t1");
            assertThat(exited.getInt("exit_code")).as(exited.toString()).isEqualTo(137);
            awaitGone(pids);
            // The binary exit frame came before the JSON one, on the same ordered socket.
            byte[] f;
            while ((f = ws.binaries.poll()) != null) {
                t.take(f);
            }
            assertThat(t.exitFrameCode).isEqualTo(137);

            t.type("echo hi\n");
            JsonObject gone = awaitError(ws, "terminal_not_found");
            assertThat(gone.getString("message")).isEqualTo("Terminal t1 not found");
        }
        Agents.end(s);
    }

    /**
     * 3,000,000 bytes at the default 1 MiB/s with a one-second burst cannot arrive in less than
     * (3,000,000 - 1,048,576) / 1,048,576 = 1.86 s; all of them arrive, and the client is told once.
     */
    @Test
    void outputOverTheRateIsSlowedNotDropped() throws Exception {
        Path dir = Files.createTempDirectory("fd-term-");
        try (Ws ws = connect()) {
            create(ws, "flood", null, dir.toString());
            ws.awaitType("terminal_created");
            Term t = new Term(ws, "flood");
            t.type("stty -echo; echo \"ready=$((20+1))\"\n");
            t.await(Pattern.compile("(ready=21)"));
            long started = System.nanoTime();
            t.type("head -c 3000000 /dev/zero | tr '\\0' Q; echo \"end=$((40+2))\"\n");
            long q = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (t.out.indexOf("end=42") < 0) {
                byte[] f = ws.binaries.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(f).as("output within 60 s; " + q + " Q so far").isNotNull();
                int before = t.out.length();
                t.take(f);
                for (int i = before; i < t.out.length(); i++) {
                    if (t.out.charAt(i) == 'Q') {
                        q++;
                    }
                }
                // Keep only a tail, enough to see the marker across frames.
                if (t.out.length() > 64) {
                    t.out.delete(0, t.out.length() - 64);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(q).isEqualTo(3_000_000);
            assertThat(seconds).isGreaterThan(1.8);
            JsonObject throttled = awaitError(ws, "terminal_output_throttled");
            assertThat(throttled.getString("message")).isEqualTo("Terminal flood writes more than 1048576 bytes/s "
                    + "(FLIGHTDECK_TERMINAL_OUTPUT_BYTES_PER_SECOND); its output is slowed to that rate, nothing is dropped");
        }
    }

    @Test
    void closingTheSocketKillsTheTree() throws Exception {
        Path dir = Files.createTempDirectory("fd-term-");
        long[] pids;
        try (Ws ws = connect()) {
            create(ws, "plain", null, dir.toString());
            JsonObject created = ws.awaitType("terminal_created");
            assertThat(created.containsKey("session_id")).isFalse();
            Term t = new Term(ws, "plain");
            t.type("echo \"dir=$PWD\"\n");
            assertThat(t.await(Pattern.compile("dir=(/\\S+)"))).isEqualTo(dir.toRealPath().toString());
            pids = pids(t);
        }
        awaitGone(pids);
    }

    @Test
    void endingTheSessionKillsItsTerminals() throws Exception {
        Agents.Session s = Agents.create();
        try (Ws ws = connect()) {
            create(ws, "doomed", s.id(), null);
            ws.awaitType("terminal_created");
            long[] pids = pids(new Term(ws, "doomed"));
            Agents.end(s);
            awaitGone(pids);
            JsonObject closed = awaitError(ws, "terminal_closed");
            assertThat(closed.getString("message")).isEqualTo("Terminal doomed was closed: session " + s.id() + " ended");
            awaitExited(ws, "doomed");
        }
    }

    @Test
    void badInputAndLimitsAreAnsweredWithErrors() throws Exception {
        Agents.Session s = Agents.create();
        try (Ws ws = connect()) {
            create(ws, "x", "no-such-session", null);
            JsonObject unknown = awaitError(ws, "not_found");
            assertThat(unknown.getString("message")).isEqualTo("no session no-such-session");
            assertThat(unknown.getString("session_id")).isEqualTo("no-such-session");

            for (String msg : new String[]{"{\"type\":\"terminal_input\",\"terminal_id\":\"nope\",\"data\":\"aGk=\"}",
                    "{\"type\":\"terminal_resize\",\"terminal_id\":\"nope\",\"cols\":80,\"rows\":24}",
                    "{\"type\":\"destroy_terminal\",\"terminal_id\":\"nope\"}"}) {
                ws.send(msg);
                assertThat(awaitError(ws, "terminal_not_found").getString("message")).as(msg).isEqualTo("Terminal nope not found");
            }

            ws.send("{\"type\":\"create_terminal\",\"terminal_id\":\"big\",\"cols\":0,\"rows\":24,\"session_id\":\"" + s.id() + "\"}");
            assertThat(awaitError(ws, "invalid_request").getString("message")).isEqualTo("cols: must be between 1 and 1000");
            ws.send("{\"type\":\"create_terminal\",\"terminal_id\":\"sh\",\"cols\":80,\"rows\":24,\"shell\":\"/usr/bin/env\","
                    + "\"session_id\":\"" + s.id() + "\"}");
            assertThat(awaitError(ws, "invalid_request").getString("message")).startsWith("shell: must be one of the login shells");
            create(ws, "out", s.id(), "/");
            assertThat(awaitError(ws, "invalid_request").getString("message")).startsWith("cwd: must be a directory inside");

            for (int i = 1; i <= 4; i++) {
                create(ws, "t" + i, s.id(), null);
                ws.await(f -> "terminal_created".equals(f.getString("type", "")), 10);
            }
            create(ws, "t1", null, "/tmp");
            assertThat(awaitError(ws, "terminal_create_failed").getString("message")).isEqualTo("Terminal t1 already exists");
            create(ws, "t5", s.id(), null);
            assertThat(awaitError(ws, "terminal_limit_reached").getString("message")).isEqualTo("session " + s.id()
                    + " already has 4 terminals, the most FLIGHTDECK_TERMINAL_MAX_PER_SESSION (4) allows; destroy one first");

            ws.send("{\"type\":\"terminal_input\",\"terminal_id\":\"t1\",\"data\":\"not base64!\"}");
            assertThat(awaitError(ws, "invalid_request").getString("message")).isEqualTo("data: must be base64 of the bytes to type");

            ws.send("{\"type\":\"subscribe_tool_pty\",\"tool_id\":\"tool-1\",\"session_id\":\"" + s.id() + "\"}");
            JsonObject noPty = awaitError(ws, "tool_pty_not_found");
            assertThat(noPty.getString("message")).startsWith("Tool PTY session 'tool-1' not found")
                    .contains("not available for provider claude");
            ws.send("{\"type\":\"subscribe_tool_pty\",\"tool_id\":\"tool-1\",\"session_id\":\"no-such-session\"}");
            assertThat(awaitError(ws, "not_found").getString("message")).isEqualTo("no session no-such-session");
            ws.send("{\"type\":\"unsubscribe_tool_pty\",\"tool_id\":\"tool-1\"}");
            assertThat(ws.awaitType("tool_pty_detached").getString("tool_id")).isEqualTo("tool-1");
            ws.send("{\"type\":\"subscribe_tool_pty\",\"session_id\":\"" + s.id() + "\"}");
            assertThat(awaitError(ws, "invalid_request").getString("message")).isEqualTo("tool_id: is required");

            // Input is JSON; a binary frame from the client is answered and the socket stays usable.
            ws.sendBinary(new byte[]{1, 2, 't', '1', 'x'});
            assertThat(awaitError(ws, "parse_error").getString("message"))
                    .isEqualTo("binary frames from a client are not read; send terminal_input with base64 data");
            ws.send("{\"type\":\"destroy_terminal\",\"terminal_id\":\"t1\"}");
            awaitExited(ws, "t1");
        }
        Agents.end(s);
    }
}
