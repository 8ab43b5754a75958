import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mission benchmarks (issue: "the tick time with 1,000 tracked issues; the time from a webhook to a
 * dispatched session") against a running server whose FLIGHTDECK_LINEAR_API_URL points at the stub
 * Linear this program serves; bench/missions.sh drives it.
 * <ul>
 * <li>Tick time: a mission whose filters match all 1,000 issues of the stub board (20 pages of 50),
 * polled on every tick and held from dispatching by {@code provider.max_concurrent: 0}. A tick's
 * length is read from what the server already shows: consecutive {@code mission_heartbeat} frames'
 * {@code tick_started_at}, less the scheduler's fixed delay between ticks. The ceiling is the same
 * GraphQL round trips (the exact request bodies the server sent in one tick, replayed) made by a bare
 * JDK client against the same stub: the tracker I/O a tick cannot go below.</li>
 * <li>Webhook to dispatched session: a new issue on the board, a signed Linear webhook, and the time
 * until the mission's issue list shows the issue's session. The ceiling is the same work done by hand
 * through the API on the same server (worktree, session in it, first message) plus one scheduler tick
 * interval, the longest a requested poll waits to start.</li>
 * </ul>
 */
public class MissionBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String KEY = "lin_api_bench_" + UUID.randomUUID().toString().substring(0, 8);
    static final int BOARD = 1000;
    static String base;
    static String token;
    static long tickMs;

    public static void main(String[] args) throws Exception {
        // The JDK server writes a response's headers and body apart; without TCP_NODELAY the second write
        // waits for the client's delayed ACK (some 40 ms a request), which would be the stub's, not Flightdeck's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        base = args[0];
        token = Files.readString(Path.of(args[1])).strip();
        Path repos = Files.createDirectories(Path.of(args[2]));
        int stubPort = Integer.parseInt(args[3]);
        tickMs = Long.parseLong(args[4]);
        int ticks = Integer.parseInt(args[5]);
        int rounds = Integer.parseInt(args[6]);

        Stub stub = new Stub(stubPort);
        Socket ws = Socket.open();
        int status = 0;
        try {
            tickBench(stub, ws, repos, ticks);
            webhookBench(stub, ws, repos, rounds);
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            stub.server.stop(0);
        }
        // The stub's and the clients' threads would keep the JVM alive.
        System.exit(status);
    }

    // ---------------------------------------------------------------- tick time at 1,000 issues

    static void tickBench(Stub stub, Socket ws, Path repos, int ticks) throws Exception {
        stub.team("TICK");
        for (int i = 0; i < BOARD; i++) {
            stub.issue("TICK", "Tracked issue " + i, i % 5, List.of("agent", "area-" + (i % 7)));
        }
        // Polled on every tick (interval 0): consecutive heartbeats then bound exactly one poll each.
        // max_concurrent 0 holds every issue queued, so no dispatch adds to the tick.
        String file = "---\ntracker: linear\nprovider:\n  primary: claude\n  max_concurrent: 0\n"
                + "trigger:\n  kind: polling\n  interval: 0\n  filters:\n    team: TICK\n    labels: [agent]\n    states: [Todo]\n"
                + "---\nWork on {{ issue.identifier }}: {{ issue.title }}\n";
        String mid = mission("tick", repos.resolve("tick"), file);
        ws.subscribe(mid);
        ok(post("/api/missions/" + mid + "/start-orchestrator", null), 200);

        int warm = 4;
        List<Long> beats = ws.awaitBeats(mid, warm + ticks + 1, 600);
        ok(put("/api/missions/" + mid, "{\"paused\":true}"), 200);
        stub.awaitIdle(1000);
        String detail = get("/api/missions/" + mid).body();
        if (detail.contains("\"parse_error\"")) {
            throw new IllegalStateException("MISSION.md refused: " + detail);
        }
        List<Object> tracked = Json.array(get("/api/missions/" + mid + "/issues").body());
        long queued = tracked.stream().filter(o -> "queued".equals(Json.obj(o).get("orchestration_state"))).count();

        double[] tick = new double[ticks];
        double[] window = new double[ticks];
        double[] reconcileWrite = new double[ticks];
        List<Double> bodyWait = new ArrayList<>();
        List<Double> answer = new ArrayList<>();
        List<Double> between = new ArrayList<>();
        int[] trips = new int[ticks];
        List<Stub.Req> lastTick = null;
        for (int i = 0; i < ticks; i++) {
            long from = beats.get(warm + i);
            long to = beats.get(warm + i + 1);
            tick[i] = to - from - tickMs;
            List<Stub.Req> in = stub.between("TICK", from, to);
            trips[i] = in.size();
            window[i] = in.isEmpty() ? 0 : (in.get(in.size() - 1).endNanos() - in.get(0).startNanos()) / 1e6;
            for (int k = 0; k < in.size(); k++) {
                Stub.Req r = in.get(k);
                bodyWait.add((r.bodyNanos() - r.startNanos()) / 1e6);
                answer.add((r.endNanos() - r.bodyNanos()) / 1e6);
                if (k > 0) {
                    double gap = (r.startNanos() - in.get(k - 1).endNanos()) / 1e6;
                    // The one gap between the reconcile's last page and the first candidates page is the
                    // reconcile's write of the 1,000 snapshots; the others are the client between pages.
                    if (byIds(in.get(k - 1)) && !byIds(r)) {
                        reconcileWrite[i] = gap;
                    } else {
                        between.add(gap);
                    }
                }
            }
            lastTick = in;
        }
        System.out.printf("== Tick time, %d tracked issues (%d queued, none dispatched), %d ticks after %d warm-up ticks%n",
                tracked.size(), queued, ticks, warm);
        System.out.printf("GraphQL round trips per tick: %s (reconcile by ids, 50 a page, then the candidates, 20 pages of 50)%n",
                Arrays.toString(Arrays.stream(trips).distinct().toArray()));
        report("tick (heartbeat to heartbeat, less the " + tickMs + " ms tick delay)", tick);
        report("  of which first to last tracker request", window);
        report("    of which the reconcile's write of the snapshots", reconcileWrite);
        report("    per request: arrival to body read, at the stub", unbox(bodyWait));
        report("    per request: the stub's answer, written", unbox(answer));
        report("    per request: answer to the next request (client side)", unbox(between));
        report("  after the last tracker request (candidates' write, planning)",
                java.util.stream.IntStream.range(0, ticks).mapToDouble(k -> tick[k] - window[k]).toArray());

        // The ceiling: the same documents and variables, in the same order, from a bare JDK client.
        List<String> bodies = lastTick.stream().map(Stub.Req::body).toList();
        double[] bare = new double[ticks];
        for (int i = -3; i < ticks; i++) {
            long t0 = System.nanoTime();
            for (String b : bodies) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stub.url())).header("Authorization", KEY)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(b)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().startsWith("{\"data\"")) {
                    throw new IllegalStateException(r.body());
                }
            }
            if (i >= 0) {
                bare[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        report("bare JDK client, the same " + bodies.size() + " round trips", bare);
        System.out.printf("ratio tick / bare tracker I/O: p50 %.2f   p95 %.2f%n", p(tick, 50) / p(bare, 50), p(tick, 95) / p(bare, 95));
    }

    static boolean byIds(Stub.Req r) {
        return r.body().contains("\"id\":{\"in\"");
    }

    static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    // ---------------------------------------------------------------- webhook -> dispatched session

    static void webhookBench(Stub stub, Socket ws, Path repos, int rounds) throws Exception {
        stub.team("HOOK");
        int warm = 2;
        // Only a webhook makes this mission poll (interval: an hour); a run that stops without a
        // hand-off fails at once (no retries, no nudges), so earlier rounds' runs go quiet.
        String file = "---\ntracker: linear\nprovider:\n  primary: claude\n  max_concurrent: " + (rounds + warm + 5) + "\n"
                + "trigger:\n  kind: polling\n  interval: 3600\n  filters:\n    team: HOOK\n    labels: [agent]\n    states: [Todo]\n"
                + "orchestration:\n  max_retries: 0\n  max_continuations: 0\n  stall_timeout: 0\n  base_branch: main\n"
                + "---\nWork on {{ issue.identifier }}: {{ issue.title }}\n\n{{ issue.description }}\n";
        Path repo = repos.resolve("hook");
        String mid = mission("hook", repo, file);
        String secret = "whsec_" + UUID.randomUUID();
        ok(put("/api/missions/" + mid + "/webhook-secret", "{\"secret\":\"" + secret + "\"}"), 200);
        ws.subscribe(mid);
        ok(post("/api/missions/" + mid + "/start-orchestrator", null), 200);
        ws.awaitBeats(mid, 1, 60);
        stub.awaitIdle(500);

        double[] total = new double[rounds];
        double[] wait = new double[rounds];
        double[] work = new double[rounds];
        int[] trips = new int[rounds];
        int unsettled = 0;
        URI hook = URI.create(base + "/api/missions/" + mid + "/webhooks/linear");
        for (int i = -warm; i < rounds; i++) {
            String identifier = stub.issue("HOOK", "Webhook round " + (i + warm), 2, List.of("agent"));
            int beatsBefore = ws.beats(mid).size();
            long wall0 = System.currentTimeMillis();
            long t0 = System.nanoTime();
            String body = "{\"action\":\"create\",\"type\":\"Issue\",\"data\":{\"identifier\":\"" + identifier
                    + "\"},\"webhookTimestamp\":" + wall0 + "}";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(hook).header("Content-Type", "application/json")
                    .header("Linear-Delivery", UUID.randomUUID().toString()).header("Linear-Event", "Issue")
                    .header("Linear-Signature", hmacHex(secret, body)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            ok(r, 202);
            long t1 = awaitSession(ws, mid, identifier, t0);
            long wall1 = wall0 + (t1 - t0) / 1_000_000;
            // The heartbeat frame may trail the issue list by a moment: it is broadcast after its commit.
            List<Long> beats = ws.awaitBeats(mid, beatsBefore + 1, 10);
            long pollStart = beats.get(beatsBefore);
            if (i >= 0) {
                total[i] = (t1 - t0) / 1e6;
                wait[i] = pollStart - wall0;
                work[i] = wall1 - pollStart;
                trips[i] = stub.between("HOOK", wall0, wall1 + 1).size();
            }
            // Let the run reach its end (the stand-in agent answers and stops; no hand-off: failed) so it
            // does not compete with the next round.
            if (!awaitState(mid, identifier, s -> !"claimed".equals(s) && !"running".equals(s), 20)) {
                unsettled++;
            }
        }
        System.out.printf("== Webhook -> dispatched session, %d rounds after %d warm-up rounds%n", rounds, warm);
        System.out.printf("GraphQL round trips per round: %s (the poll's reads, then the claim's move to In Progress)%n",
                Arrays.toString(Arrays.stream(trips).distinct().toArray()));
        report("webhook POST -> the issue's session_id in GET …/issues", total);
        report("  of which webhook -> the poll's tick_started_at", wait);
        report("  of which tick_started_at -> session seen", work);
        if (unsettled > 0) {
            System.out.printf("(%d runs had not ended 20 s after their session appeared)%n", unsettled);
        }

        // The ceiling: the dispatch's own work done by hand (a worktree on a new branch, a session in
        // it with the prompt as its first message), plus one tick interval.
        double[] hand = new double[rounds];
        double[] handWorktree = new double[rounds];
        double[] handSession = new double[rounds];
        double[] handMessage = new double[rounds];
        for (int i = -warm; i < rounds; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> w = post("/api/worktrees", "{\"repo_path\":\"" + repo + "\",\"branch_name\":\"hand/hook-" + (i + warm)
                    + "\",\"base_branch\":\"main\"}");
            ok(w, 200);
            long t1 = System.nanoTime();
            String path = (String) Json.obj(Json.obj(Json.parse(w.body())).get("worktree")).get("worktree_path");
            HttpResponse<String> s = post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + path
                    + "\",\"permission_mode\":\"acceptEdits\"}");
            ok(s, 200);
            long t2 = System.nanoTime();
            String sid = (String) Json.obj(Json.parse(s.body())).get("session_id");
            ok(post("/api/sessions/" + sid + "/conversation/messages", "{\"content\":" + Json.quote("Work on HOOK-" + i
                    + ": Webhook round " + i + "\n\n" + Stub.description(i)) + "}"), 202);
            long t3 = System.nanoTime();
            if (i >= 0) {
                hand[i] = (t3 - t0) / 1e6;
                handWorktree[i] = (t1 - t0) / 1e6;
                handSession[i] = (t2 - t1) / 1e6;
                handMessage[i] = (t3 - t2) / 1e6;
            }
        }
        report("by hand: POST worktree + session + message", hand);
        report("  POST /api/worktrees", handWorktree);
        report("  POST /api/sessions", handSession);
        report("  POST …/conversation/messages", handMessage);
        double[] ceiling = Arrays.stream(hand).map(h -> h + tickMs).toArray();
        // The same comparison without the waits: the poll and dispatch against the part of the hand work
        // the dispatch has done when the session appears (its first message is sent after that).
        double[] handUntilSession = new double[rounds];
        Arrays.setAll(handUntilSession, k -> handWorktree[k] + handSession[k]);
        report("ceiling: by hand + one tick interval (" + tickMs + " ms)", ceiling);
        System.out.printf("ratio webhook -> session / ceiling: p50 %.2f   p95 %.2f%n", p(total, 50) / p(ceiling, 50),
                p(total, 95) / p(ceiling, 95));
        System.out.printf("ratio tick_started_at -> session / by hand worktree + session: p50 %.2f   p95 %.2f%n",
                p(work, 50) / p(handUntilSession, 50), p(work, 95) / p(handUntilSession, 95));
    }

    /** The time the issue list first shows the issue's session: looked at on each mission_invalidated frame. */
    static long awaitSession(Socket ws, String mid, String identifier, long t0) throws Exception {
        long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
        Semaphore changed = ws.changes(mid);
        while (System.nanoTime() < deadline) {
            changed.tryAcquire(200, TimeUnit.MILLISECONDS);
            changed.drainPermits();
            Map<String, Object> row = issueRow(mid, identifier);
            if (row != null && row.get("session_id") instanceof String) {
                return System.nanoTime();
            }
        }
        throw new IllegalStateException(identifier + ": no session within 60 s; issue " + issueRow(mid, identifier));
    }

    static boolean awaitState(String mid, String identifier, java.util.function.Predicate<String> ok, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Map<String, Object> row = issueRow(mid, identifier);
            if (row != null && ok.test((String) row.get("orchestration_state"))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    static Map<String, Object> issueRow(String mid, String identifier) throws Exception {
        for (Object o : Json.array(get("/api/missions/" + mid + "/issues").body())) {
            if (identifier.equals(Json.obj(o).get("identifier"))) {
                return Json.obj(o);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- set-up through the API

    /** A git repository holding the MISSION.md on main, and a mission on it with the stub's key. */
    static String mission(String name, Path repo, String missionFile) throws Exception {
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("MISSION.md"), missionFile);
        Files.writeString(repo.resolve("README.md"), "# " + name + "\n");
        git(repo, "init", "-q", "-b", "main");
        git(repo, "config", "user.email", "bench@flightdeck.test");
        git(repo, "config", "user.name", "bench");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "mission");
        HttpResponse<String> created = post("/api/missions", "{\"name\":\"bench " + name + "\",\"repo_root\":\"" + repo
                + "\",\"tracker_kind\":\"linear\",\"provider\":\"claude\"}");
        ok(created, 200);
        String mid = (String) Json.obj(Json.parse(created.body())).get("id");
        ok(put("/api/missions/" + mid + "/tracker-key", "{\"key\":\"" + KEY + "\"}"), 200);
        return mid;
    }

    static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
    }

    static String hmacHex(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static void ok(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + ": " + r.statusCode() + " " + r.body());
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    static HttpResponse<String> put(String path, String body) throws Exception {
        return send("PUT", path, body);
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static void report(String what, double[] ms) {
        System.out.printf("%-62s p50 %8.1f ms   p95 %8.1f ms%n", what, p(ms, 50), p(ms, 95));
    }

    static double p(double[] values, int pct) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(pct / 100.0 * s.length) - 1)];
    }

    // ---------------------------------------------------------------- the WebSocket

    /** One subscriber of the bench's missions: heartbeats' tick_started_at per mission, and a signal per change. */
    static final class Socket implements WebSocket.Listener {
        final Map<String, List<Long>> beats = new ConcurrentHashMap<>();
        final Map<String, Semaphore> changes = new ConcurrentHashMap<>();
        final StringBuilder buf = new StringBuilder();
        WebSocket socket;

        static Socket open() throws Exception {
            Socket s = new Socket();
            s.socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(base.replace("http", "ws") + "/ws"), s).get(30, TimeUnit.SECONDS);
            return s;
        }

        void subscribe(String mid) {
            beats.computeIfAbsent(mid, k -> new CopyOnWriteArrayList<>());
            changes.computeIfAbsent(mid, k -> new Semaphore(0));
            socket.sendText("{\"type\":\"subscribe_mission\",\"mission_id\":\"" + mid + "\"}", true).join();
        }

        List<Long> beats(String mid) {
            return List.copyOf(beats.get(mid));
        }

        Semaphore changes(String mid) {
            return changes.get(mid);
        }

        List<Long> awaitBeats(String mid, int n, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (beats.get(mid).size() < n) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + beats.get(mid).size() + " of " + n + " heartbeats in " + seconds + " s");
                }
                changes.get(mid).tryAcquire(100, TimeUnit.MILLISECONDS);
            }
            return beats(mid);
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            buf.append(data);
            if (last) {
                Map<String, Object> f = Json.obj(Json.parse(buf.toString()));
                buf.setLength(0);
                Object mid = f.get("mission_id");
                if (mid != null && beats.containsKey(mid)) {
                    if ("mission_heartbeat".equals(f.get("type"))) {
                        beats.get(mid).add(Instant.parse((String) f.get("tick_started_at")).toEpochMilli());
                    }
                    changes.get(mid).release();
                }
            }
            w.request(1);
            return null;
        }
    }

    // ---------------------------------------------------------------- the stub Linear

    /**
     * Linear's GraphQL endpoint for the operations Flightdeck's LinearTracker sends, from an in-memory
     * board. It answers by operation name and variables (the documents are Flightdeck's own, fixed);
     * anything it does not know is a GraphQL error, so an unexpected request fails the run visibly.
     */
    static final class Stub {
        /** One request: arrival (headers read), body read, answer written. */
        record Req(String team, long startMillis, long startNanos, long bodyNanos, long endNanos, String op, String body) {
        }

        final HttpServer server;
        final Map<String, Map<String, Object>> teams = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> issues = new LinkedHashMap<>();
        final List<Req> log = new CopyOnWriteArrayList<>();
        int sequence;
        long clock = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

        Stub(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/graphql", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
        }

        static String description(int n) {
            return "Issue " + n + " of the benchmark board. Steps to reproduce, what was expected and what happened "
                    + "instead, written at the length of an ordinary issue so that pages carry realistic text. "
                    + "Acceptance: the change is covered by a test and the docs say what changed.";
        }

        synchronized void team(String key) {
            Map<String, Object> team = obj("id", "team-" + key, "key", key);
            List<Object> states = new ArrayList<>();
            String[][] names = {{"Backlog", "backlog"}, {"Todo", "unstarted"}, {"In Progress", "started"},
                    {"In Review", "started"}, {"Done", "completed"}, {"Canceled", "canceled"}};
            for (String[] s : names) {
                states.add(obj("id", "state-" + key + "-" + s[1] + "-" + states.size(), "name", s[0], "type", s[1]));
            }
            team.put("states", states);
            team.put("next", 0);
            teams.put(key, team);
        }

        synchronized String issue(String teamKey, String title, int priority, List<String> labels) {
            Map<String, Object> team = teams.get(teamKey);
            int n = (Integer) team.get("next") + 1;
            team.put("next", n);
            String identifier = teamKey + "-" + n;
            clock += 1000;
            Map<String, Object> issue = obj("id", "issue-" + UUID.randomUUID(), "identifier", identifier, "title", title,
                    "description", description(n), "priority", priority, "url", "https://linear.app/bench/issue/" + identifier,
                    "createdAt", Instant.ofEpochMilli(clock).toString(), "team", teamKey, "labels", labels);
            issue.put("state", state(team, "Todo"));
            issues.put((String) issue.get("id"), issue);
            return identifier;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> state(Map<String, Object> team, String name) {
            for (Object s : (List<Object>) team.get("states")) {
                if (name.equals(Json.obj(s).get("name"))) {
                    return Json.obj(s);
                }
            }
            throw new IllegalArgumentException(name);
        }

        /** The requests about one team's issues that arrived in [from, to) (wall clock ms). */
        List<Req> between(String team, long from, long to) {
            return log.stream().filter(r -> team.equals(r.team()) && r.startMillis() >= from && r.startMillis() < to).toList();
        }

        /** Waits until no request has arrived for {@code quietMs}. */
        void awaitIdle(long quietMs) throws InterruptedException {
            while (true) {
                long last = log.isEmpty() ? 0 : log.get(log.size() - 1).startMillis();
                if (System.currentTimeMillis() - last >= quietMs) {
                    return;
                }
                Thread.sleep(quietMs / 4);
            }
        }

        void handle(HttpExchange ex) throws IOException {
            long startMillis = System.currentTimeMillis();
            long startNanos = System.nanoTime();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long bodyNanos = System.nanoTime();
            int status = 200;
            String answer;
            String[] team = {null};
            String op = null;
            if (!KEY.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                status = 400;
                answer = "{\"errors\":[{\"message\":\"Authentication required, not authenticated\","
                        + "\"extensions\":{\"code\":\"AUTHENTICATION_ERROR\"}}]}";
            } else {
                try {
                    Map<String, Object> req = Json.obj(Json.parse(body));
                    op = (String) req.get("operationName");
                    Map<String, Object> vars = req.get("variables") == null ? Map.of() : Json.obj(req.get("variables"));
                    synchronized (this) {
                        answer = answer(op, vars, team);
                    }
                } catch (RuntimeException e) {
                    answer = error(String.valueOf(e.getMessage()), "INVALID_INPUT");
                }
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(status, out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
            if (team[0] != null) {
                log.add(new Req(team[0], startMillis, startNanos, bodyNanos, System.nanoTime(), op, body));
            }
        }

        /** The answer to one operation; {@code team[0]} is set to the team the request concerned. */
        @SuppressWarnings("unchecked")
        String answer(String op, Map<String, Object> vars, String[] team) {
            switch (String.valueOf(op)) {
                case "FlightdeckIssues": {
                    Map<String, Object> filter = vars.get("filter") == null ? Map.of() : Json.obj(vars.get("filter"));
                    List<Map<String, Object>> matching = new ArrayList<>();
                    for (Map<String, Object> i : issues.values()) {
                        if (matches(i, filter)) {
                            matching.add(i);
                        }
                    }
                    int first = vars.get("first") == null ? 50 : ((Number) vars.get("first")).intValue();
                    int from = vars.get("after") == null ? 0 : Integer.parseInt((String) vars.get("after"));
                    int to = Math.min(matching.size(), from + first);
                    StringBuilder b = new StringBuilder("{\"data\":{\"issues\":{\"nodes\":[");
                    for (int k = from; k < to; k++) {
                        b.append(k > from ? "," : "");
                        node(b, matching.get(k));
                        team[0] = (String) matching.get(k).get("team");
                    }
                    return b.append("],\"pageInfo\":{\"hasNextPage\":").append(to < matching.size()).append(",\"endCursor\":")
                            .append(to > from ? Json.quote(String.valueOf(to)) : "null").append("}}}}").toString();
                }
                case "FlightdeckIssue": {
                    Map<String, Object> i = find((String) vars.get("id"));
                    if (i == null) {
                        return error("Entity not found: Issue", "INPUT_ERROR");
                    }
                    team[0] = (String) i.get("team");
                    StringBuilder b = new StringBuilder("{\"data\":{\"issue\":");
                    node(b, i);
                    return b.append("}}").toString();
                }
                case "FlightdeckIssueTeamStates": {
                    Map<String, Object> i = find((String) vars.get("id"));
                    if (i == null) {
                        return error("Entity not found: Issue", "INPUT_ERROR");
                    }
                    team[0] = (String) i.get("team");
                    Map<String, Object> t = teams.get(team[0]);
                    StringBuilder b = new StringBuilder("{\"data\":{\"issue\":{\"id\":").append(Json.quote((String) i.get("id")))
                            .append(",\"team\":{\"id\":").append(Json.quote((String) t.get("id"))).append(",\"states\":{\"nodes\":[");
                    List<Object> states = (List<Object>) t.get("states");
                    for (int k = 0; k < states.size(); k++) {
                        Map<String, Object> s = Json.obj(states.get(k));
                        b.append(k > 0 ? "," : "").append("{\"id\":").append(Json.quote((String) s.get("id"))).append(",\"name\":")
                                .append(Json.quote((String) s.get("name"))).append(",\"type\":").append(Json.quote((String) s.get("type")))
                                .append('}');
                    }
                    return b.append("]}}}}}").toString();
                }
                case "FlightdeckIssueUpdate": {
                    Map<String, Object> i = find((String) vars.get("id"));
                    if (i == null) {
                        return error("Entity not found: Issue", "INPUT_ERROR");
                    }
                    team[0] = (String) i.get("team");
                    Object stateId = Json.obj(vars.get("input")).get("stateId");
                    if (stateId != null) {
                        Map<String, Object> to = null;
                        for (Object s : (List<Object>) teams.get(team[0]).get("states")) {
                            if (stateId.equals(Json.obj(s).get("id"))) {
                                to = Json.obj(s);
                            }
                        }
                        if (to == null) {
                            return error("stateId is not a workflow state of the issue's team", "INVALID_INPUT");
                        }
                        i.put("state", to);
                    }
                    return "{\"data\":{\"issueUpdate\":{\"success\":true}}}";
                }
                case "FlightdeckCommentCreate": {
                    Map<String, Object> input = Json.obj(vars.get("input"));
                    Map<String, Object> i = find((String) input.get("issueId"));
                    if (i == null) {
                        return error("Entity not found: Issue", "INPUT_ERROR");
                    }
                    team[0] = (String) i.get("team");
                    return "{\"data\":{\"commentCreate\":{\"success\":true,\"comment\":{\"id\":\"comment-" + (++sequence)
                            + "\",\"body\":" + Json.quote(String.valueOf(input.get("body"))) + ",\"createdAt\":"
                            + Json.quote(Instant.now().toString()) + ",\"user\":{\"name\":\"Flightdeck\"}}}}}";
                }
                case "FlightdeckIssueComments":
                    return "{\"data\":{\"issue\":{\"comments\":{\"nodes\":[]}}}}";
                case "FlightdeckAttachmentCreate":
                    return "{\"data\":{\"attachmentCreate\":{\"success\":true}}}";
                default:
                    return error("the bench stub does not answer " + op, "INVALID_INPUT");
            }
        }

        Map<String, Object> find(String idOrIdentifier) {
            Map<String, Object> byId = issues.get(idOrIdentifier);
            if (byId != null) {
                return byId;
            }
            for (Map<String, Object> i : issues.values()) {
                if (idOrIdentifier.equals(i.get("identifier"))) {
                    return i;
                }
            }
            return null;
        }

        /** IssueFields: id identifier title description priority url createdAt state labels inverseRelations. */
        @SuppressWarnings("unchecked")
        static void node(StringBuilder b, Map<String, Object> i) {
            Map<String, Object> s = Json.obj(i.get("state"));
            b.append("{\"id\":").append(Json.quote((String) i.get("id")))
                    .append(",\"identifier\":").append(Json.quote((String) i.get("identifier")))
                    .append(",\"title\":").append(Json.quote((String) i.get("title")))
                    .append(",\"description\":").append(Json.quote((String) i.get("description")))
                    .append(",\"priority\":").append(i.get("priority"))
                    .append(",\"url\":").append(Json.quote((String) i.get("url")))
                    .append(",\"createdAt\":").append(Json.quote((String) i.get("createdAt")))
                    .append(",\"state\":{\"name\":").append(Json.quote((String) s.get("name"))).append(",\"type\":")
                    .append(Json.quote((String) s.get("type"))).append("},\"labels\":{\"nodes\":[");
            List<String> labels = (List<String>) i.get("labels");
            for (int k = 0; k < labels.size(); k++) {
                b.append(k > 0 ? "," : "").append("{\"name\":").append(Json.quote(labels.get(k))).append('}');
            }
            b.append("]},\"inverseRelations\":{\"nodes\":[]}}");
        }

        /** The IssueFilter parts LinearTracker sends: team.key.eq, state.name.in, labels.some.name.in, project.slugId.eq, id.in. */
        @SuppressWarnings("unchecked")
        static boolean matches(Map<String, Object> i, Map<String, Object> filter) {
            for (Map.Entry<String, Object> e : filter.entrySet()) {
                Map<String, Object> f = Json.obj(e.getValue());
                boolean ok;
                switch (e.getKey()) {
                    case "team":
                        ok = compare(i.get("team"), Json.obj(f.get("key")));
                        break;
                    case "state":
                        ok = compare(Json.obj(i.get("state")).get("name"), Json.obj(f.get("name")));
                        break;
                    case "labels":
                        Map<String, Object> byName = Json.obj(Json.obj(f.get("some")).get("name"));
                        ok = ((List<String>) i.get("labels")).stream().anyMatch(l -> compare(l, byName));
                        break;
                    case "id":
                        ok = compare(i.get("id"), f);
                        break;
                    case "project":
                        ok = false; // the bench's issues are in no project
                        break;
                    default:
                        throw new IllegalArgumentException("the bench stub does not filter on " + e.getKey());
                }
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        @SuppressWarnings("unchecked")
        static boolean compare(Object value, Map<String, Object> comparator) {
            if (comparator.containsKey("eq") && !comparator.get("eq").equals(value)) {
                return false;
            }
            return !comparator.containsKey("in") || ((List<Object>) comparator.get("in")).contains(value);
        }

        static String error(String message, String code) {
            return "{\"errors\":[{\"message\":" + Json.quote(message) + ",\"extensions\":{\"code\":\"" + code + "\"}}],\"data\":null}";
        }

        static Map<String, Object> obj(Object... kv) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int k = 0; k < kv.length; k += 2) {
                m.put((String) kv[k], kv[k + 1]);
            }
            return m;
        }
    }

    // ---------------------------------------------------------------- JSON, just enough

    /** A small JSON reader (objects as maps, arrays as lists, numbers as Long or Double) and string quoting. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.space();
            if (j.i != text.length()) {
                throw new IllegalArgumentException("trailing text at " + j.i);
            }
            return v;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> obj(Object o) {
            return (Map<String, Object>) o;
        }

        @SuppressWarnings("unchecked")
        static List<Object> array(String text) {
            return (List<Object>) parse(text);
        }

        static String quote(String v) {
            StringBuilder b = new StringBuilder("\"");
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                switch (c) {
                    case '"': b.append("\\\""); break;
                    case '\\': b.append("\\\\"); break;
                    case '\n': b.append("\\n"); break;
                    case '\r': b.append("\\r"); break;
                    case '\t': b.append("\\t"); break;
                    default:
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                }
            }
            return b.append('"').toString();
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                space();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    space();
                    String k = string();
                    space();
                    expect(':');
                    m.put(k, value());
                    space();
                    if (s.charAt(i++) == '}') {
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                space();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    space();
                    if (s.charAt(i++) == ']') {
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String num = s.substring(start, i);
            if (num.isEmpty()) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
            }
            return num.matches("-?\\d+") ? (Object) Long.parseLong(num) : (Object) Double.parseDouble(num);
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (i - 1));
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 't': b.append('\t'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'u':
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                        break;
                    default: b.append(e);
                }
            }
        }
    }
}
