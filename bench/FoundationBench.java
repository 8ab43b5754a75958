import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmarks of the foundation against a running server (see bench/README.md):
 * detail-read throughput and latency against a trivial endpoint, and invalidation latency at
 * 1, 100 and 1,000 WebSocket subscribers. Run with bench/run.sh, or directly:
 * java bench/FoundationBench.java http://127.0.0.1:4000 <token-file>
 */
public class FoundationBench {
    static HttpClient http;
    static String base;
    static String token;

    public static void main(String[] args) throws Exception {
        base = args[0];
        token = Files.readString(Path.of(args[1])).strip();
        int seconds = Integer.parseInt(System.getProperty("seconds", "10"));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).build();
        String session = createSession();

        System.out.println("== Detail reads, 32 concurrent clients, " + seconds + " s each (after a warm-up)");
        load("/api/server/ping", 32, 3);
        load("/api/sessions/" + session + "/detail", 32, 3);
        Result trivial = load("/api/server/ping", 32, seconds);
        Result detail = load("/api/sessions/" + session + "/detail", 32, seconds);
        System.out.println("trivial  " + trivial);
        System.out.println("detail   " + detail);
        System.out.printf("ratio detail/trivial throughput: %.2f (target >= 0.50)%n", detail.rps / trivial.rps);

        System.out.println("== Invalidation latency: mutation sent -> frame received (an upper bound on commit -> receipt)");
        for (int n : new int[]{1, 100, 1000}) {
            invalidations(session, n, n >= 1000 ? 30 : 50);
        }
        System.exit(0);
    }

    record Result(double rps, double p50, double p99, long count) {
        public String toString() {
            return String.format("%8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests)", rps, p50, p99, count);
        }
    }

    static Result load(String path, int clients, int seconds) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> perThread = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<java.util.concurrent.Future<long[]>> fs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            fs.add(pool.submit(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < lat.length) {
                    long t = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(path + " -> " + r.statusCode());
                    }
                    lat[n++] = System.nanoTime() - t;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        for (var f : fs) {
            perThread.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length / elapsed, pct(all, 50), pct(all, 99), all.length);
    }

    static void invalidations(String session, int subscribers, int rounds) throws Exception {
        ConcurrentHashMap<Long, Long> sentAt = new ConcurrentHashMap<>();
        long[][] lat = new long[rounds][subscribers];
        CountDownLatch[] done = new CountDownLatch[rounds];
        for (int i = 0; i < rounds; i++) {
            done[i] = new CountDownLatch(subscribers);
        }
        long startRev = revision(session);
        List<WebSocket> sockets = new ArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(subscribers);
        for (int s = 0; s < subscribers; s++) {
            final int idx = s;
            WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(base.replace("http", "ws") + "/ws"), new WebSocket.Listener() {
                        final StringBuilder buf = new StringBuilder();
                        final AtomicBoolean first = new AtomicBoolean(true);

                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            buf.append(data);
                            if (last) {
                                String f = buf.toString();
                                buf.setLength(0);
                                if (f.contains("\"server_info\"") && first.getAndSet(false)) {
                                    subscribed.countDown();
                                } else if (f.contains("session_surface_invalidated")) {
                                    long rev = num(f, "revision");
                                    int round = (int) (rev - startRev - 1);
                                    Long t = sentAt.get(rev);
                                    if (round >= 0 && round < rounds && t != null) {
                                        lat[round][idx] = System.nanoTime() - t;
                                        done[round].countDown();
                                    }
                                }
                            }
                            w.request(1);
                            return null;
                        }
                    }).get(30, TimeUnit.SECONDS);
            ws.sendText("{\"type\":\"subscribe_session_surface\",\"session_id\":\"" + session
                    + "\",\"surface\":\"detail\",\"since_revision\":" + startRev + "}", true);
            sockets.add(ws);
        }
        subscribed.await(60, TimeUnit.SECONDS);
        Thread.sleep(500);
        long[] roundTrip = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long rev = startRev + i + 1;
            long sent = System.nanoTime();
            sentAt.put(rev, sent);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + session + "/detail/summary"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"summary\":\"bench " + rev + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            roundTrip[i] = System.nanoTime() - sent;
            if (num(r.body(), "revision") != rev) {
                throw new IllegalStateException("another writer is changing the bench session");
            }
            if (!done[i].await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("round " + i + ": " + done[i].getCount() + " subscribers got nothing");
            }
        }
        long[] all = Arrays.stream(lat).flatMapToLong(Arrays::stream).sorted().toArray();
        Arrays.sort(roundTrip);
        System.out.printf("%5d subscribers: p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d rounds, %d frames; "
                        + "the mutation's own HTTP round trip: p50 %.2f ms)%n",
                subscribers, pct(all, 50), pct(all, 99), all[all.length - 1] / 1e6, rounds, all.length, pct(roundTrip, 50));
        for (WebSocket ws : sockets) {
            ws.abort();
        }
    }

    static String createSession() throws Exception {
        String cwd = Files.createTempDirectory("fd-bench").toString();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"provider\":\"claude\",\"cwd\":\"" + cwd + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"session_id\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException(r.body());
        }
        return m.group(1);
    }

    static long revision(String session) throws Exception {
        return num(http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + session + "/detail"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body(), "revision");
    }

    static final Map<String, Pattern> NUMBERS = new ConcurrentHashMap<>();

    /** The receiving side must stay cheap, or the client's own parsing shows up as latency. */
    static long num(String json, String key) {
        Matcher m = NUMBERS.computeIfAbsent(key, k -> Pattern.compile("\"" + k + "\":(\\d+)")).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(key + " not in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
