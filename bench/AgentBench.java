import it.flightdeck.ScriptedModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agent benchmarks (issue 4, §5) against a running server whose agents are the real CLIs pointed at
 * the tests' scripted model (started here). bench/agents.sh drives it.
 * <ul>
 * <li>Time from a message accepted (the 202) to the first agent row broadcast, per connector,
 * p50/p99 over {@code turns} turns of one session each.</li>
 * <li>Shell output: a command printing {@code mb} MiB; how fast the server drains it, and how long
 * the streamed part takes to reach a subscriber.</li>
 * </ul>
 */
public class AgentBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String base;
    static String token;

    public static void main(String[] args) throws Exception {
        base = args[0];
        token = Files.readString(Path.of(args[1])).strip();
        int port = Integer.parseInt(args[2]);
        int turns = Integer.parseInt(args[3]);
        int mb = Integer.parseInt(args[4]);
        try (ScriptedModel model = new ScriptedModel(port)) {
            System.out.println("== Message accepted (202) -> first agent row at a WebSocket subscriber, " + turns + " turns each");
            for (String provider : new String[] {"claude", "codex"}) {
                firstRow(provider, turns);
            }
            shell(mb);
        }
        System.exit(0);
    }

    static void firstRow(String provider, int turns) throws Exception {
        Path dir = Files.createTempDirectory("fd-bench-" + provider + "-");
        String session = field(post("/api/sessions", "{\"provider\":\"" + provider + "\",\"cwd\":\"" + dir + "\"}").body(),
                "session_id");
        LinkedBlockingQueue<Long> agentRows = new LinkedBlockingQueue<>();
        WebSocket ws = subscribe(session, frame -> {
            if (frame.contains("\"conversation_rows_changed\"") && frame.contains("\"row_type\":\"assistant\"")) {
                agentRows.add(System.nanoTime());
            }
        });
        double[] ms = new double[turns];
        for (int i = 0; i <= turns; i++) {
            agentRows.clear();
            HttpResponse<String> r = post("/api/sessions/" + session + "/conversation/messages", "{\"content\":\"turn " + i + "\"}");
            long accepted = System.nanoTime();
            if (r.statusCode() != 202) {
                throw new IllegalStateException(r.body());
            }
            Long at = agentRows.poll(120, TimeUnit.SECONDS);
            if (at == null) {
                throw new IllegalStateException("no agent row for turn " + i);
            }
            if (i > 0) { // the first turn also starts the process; it is reported apart
                ms[i - 1] = (at - accepted) / 1e6;
            } else {
                System.out.printf("%-7s first turn (starts the CLI)            %8.1f ms%n", provider, (at - accepted) / 1e6);
            }
            waitIdle(session);
        }
        Arrays.sort(ms);
        System.out.printf("%-7s later turns: p50 %7.1f ms  p99 %7.1f ms%n", provider, ms[turns / 2],
                ms[Math.min(turns - 1, (int) Math.ceil(turns * 0.99) - 1)]);
        ws.abort();
        post("/api/sessions/" + session + "/lifecycle/end", "{}");
    }

    static void shell(int mb) throws Exception {
        Path dir = Files.createTempDirectory("fd-bench-shell-");
        String session = field(post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + dir + "\"}").body(), "session_id");
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        long[] streamed = new long[1];
        WebSocket ws = subscribe(session, frame -> {
            if (frame.contains("\"shell_output\"")) {
                Matcher m = Pattern.compile("\"stdout\":\"([^\"]*)\"").matcher(frame);
                if (m.find()) {
                    streamed[0] += m.group(1).length();
                }
                if (frame.contains("\"outcome\"")) {
                    frames.add(frame);
                }
            }
        });
        long t0 = System.nanoTime();
        post("/api/sessions/" + session + "/conversation/shell/exec",
                "{\"command\":\"head -c " + mb + "M /dev/zero | tr '\\\\0' x\",\"timeout_secs\":600}");
        String done = frames.poll(600, TimeUnit.SECONDS);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("== Shell: %d MiB printed, drained and capped in %.2f s = %.0f MiB/s; %d KiB streamed to the subscriber (the rest counted, not kept)%n",
                mb, s, mb / s, streamed[0] / 1024);
        if (done == null) {
            throw new IllegalStateException("the command did not finish");
        }
        ws.abort();
        post("/api/sessions/" + session + "/lifecycle/end", "{}");
    }

    static void waitIdle(String session) throws Exception {
        for (int i = 0; i < 600; i++) {
            String d = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + session + "/detail"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (d.contains("\"work_status\":\"waiting\"") && !d.contains("\"current_turn_id\"")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("session never went idle");
    }

    interface FrameSink {
        void accept(String frame);
    }

    static WebSocket subscribe(String session, FrameSink sink) throws Exception {
        WebSocket ws = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(base.replace("http", "ws") + "/ws"), new WebSocket.Listener() {
                    final StringBuilder buf = new StringBuilder();

                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        buf.append(data);
                        if (last) {
                            sink.accept(buf.toString());
                            buf.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                }).join();
        ws.sendText("{\"type\":\"subscribe_session_surface\",\"session_id\":\"" + session
                + "\",\"surface\":\"conversation\"}", true).join();
        Thread.sleep(300);
        return ws;
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(json);
        }
        return m.group(1);
    }
}
