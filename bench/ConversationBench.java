import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conversation benchmarks (issue 3, §9) against a running server; bench/conversation.sh drives it.
 * <ul>
 * <li>{@code stream <token-file> <rows>}: one message to a session whose agent is bench/fake-claude.sh;
 * rows persisted and broadcast per second, counted at a WebSocket subscriber of the conversation.
 * Prints the session ids it creates for the seeding step.</li>
 * <li>{@code pages <token-file> <small-id> <big-id>}: keyset page latency at both sizes, and search at the big one.</li>
 * </ul>
 */
public class ConversationBench {
    static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String base;
    static String token;

    public static void main(String[] args) throws Exception {
        base = args[0];
        token = Files.readString(Path.of(args[2])).strip();
        switch (args[1]) {
            case "stream" -> stream(Integer.parseInt(args[3]));
            case "pages" -> pages(args[3], args[4]);
            default -> throw new IllegalArgumentException(args[1]);
        }
        System.exit(0);
    }

    static void stream(int rows) throws Exception {
        Path dir = Files.createTempDirectory("fd-bench-");
        String session = create(dir);
        AtomicLong seen = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        Pattern assistant = Pattern.compile("\"row_type\":\"assistant\"");
        WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(base.replace("http", "ws") + "/ws"), new WebSocket.Listener() {
                    final StringBuilder buf = new StringBuilder();

                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        buf.append(data);
                        if (last) {
                            String frame = buf.toString();
                            buf.setLength(0);
                            if (frame.contains("\"conversation_rows_changed\"")) {
                                Matcher m = assistant.matcher(frame);
                                long n = 0;
                                while (m.find()) {
                                    n++;
                                }
                                if (seen.addAndGet(n) >= rows) {
                                    lastAt.set(System.nanoTime());
                                    done.countDown();
                                }
                            }
                        }
                        w.request(1);
                        return null;
                    }
                }).join();
        ws.sendText("{\"type\":\"subscribe_session_surface\",\"session_id\":\"" + session
                + "\",\"surface\":\"conversation\"}", true).join();
        Thread.sleep(500);
        long start = System.nanoTime();
        HttpResponse<String> sent = post("/api/sessions/" + session + "/conversation/messages", "{\"content\":\"go\"}");
        if (sent.statusCode() != 202) {
            throw new IllegalStateException("message refused: " + sent.body());
        }
        if (!done.await(600, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + seen.get() + " of " + rows + " rows arrived");
        }
        double seconds = (lastAt.get() - start) / 1e9;
        String page = get("/api/sessions/" + session + "/conversation?limit=1").body();
        System.out.printf("== Connector stream: %d assistant rows persisted and broadcast in %.2f s = %.0f rows/s "
                + "(rows the agent prints together share one transaction and one delta); total_row_count %s%n", rows, seconds,
                rows / seconds, field(page, "total_row_count"));
        post("/api/sessions/" + session + "/lifecycle/end", "{}");
        System.out.println("SMALL " + create(dir));
        System.out.println("BIG " + create(dir));
    }

    static void pages(String small, String big) throws Exception {
        System.out.println("== Keyset pages (limit 50), 300 requests each after 100 warm-up, one client");
        double[] newestSmall = time("/api/sessions/" + small + "/conversation?limit=50", 300);
        double[] newestBig = time("/api/sessions/" + big + "/conversation?limit=50", 300);
        double[] midSmall = time("/api/sessions/" + small + "/conversation/messages?limit=50&before_sequence=500", 300);
        double[] midBig = time("/api/sessions/" + big + "/conversation/messages?limit=50&before_sequence=500000", 300);
        report("newest page,        1,000 rows", newestSmall);
        report("newest page,    1,000,000 rows", newestBig);
        report("middle page,        1,000 rows", midSmall);
        report("middle page,    1,000,000 rows", midBig);
        System.out.printf("ratio 1M/1k p50: newest %.2f, middle %.2f (target <= 1.5)%n",
                newestBig[0] / newestSmall[0], midBig[0] / midSmall[0]);
        System.out.println("== Search at 1,000,000 rows (limit 50), 10 requests each after 2 warm-up");
        for (String q : List.of("needle", "row 999999 ", "ordinary", "absent-word")) {
            String path = "/api/sessions/" + big + "/conversation/search?limit=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
            report(String.format("q=%-14s", "'" + q + "'"), time(path, 10, 2));
        }
    }

    static double[] time(String path, int n) throws Exception {
        return time(path, n, 100);
    }

    static double[] time(String path, int n, int warmup) throws Exception {
        for (int i = 0; i < warmup; i++) {
            check(get(path));
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            check(get(path));
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[]{ms[n / 2], ms[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)]};
    }

    static void report(String label, double[] p) {
        System.out.printf("%s  p50 %7.2f ms  p99 %7.2f ms%n", label, p[0], p[1]);
    }

    static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    static String create(Path dir) throws Exception {
        HttpResponse<String> r = post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + dir + "\"}");
        check(r);
        return field(r.body(), "session_id");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
