package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import it.flightdeck.stub.StubLinear;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web console in a real browser (Debian's Chromium through playwright-core), against this
 * server, the real {@code claude} CLI and the scripted model. Each scenario is a script in
 * console/e2e; this class starts it, gives it the server and a token, and checks on the server's
 * side what the browser did (the file the approved command wrote, the text the model received).
 */
class ConsoleIT {
    @RegisterExtension
    static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();

    static final Path CONSOLE = Path.of(System.getProperty("it.console.dir", "../console"));
    static final Path SHOTS = Path.of(System.getProperty("it.screenshots.dir", "target/console-screenshots"));

    @Test
    void theConsoleIsServedWithTheRightCachingAndClientRoutesFallBackToTheIndex() throws Exception {
        Api.Resp index = Api.raw("/", null);
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("<div id=\"app\">");
        assertThat(index.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(index.header("Content-Security-Policy")).contains("default-src 'self'");
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index.body());
        assertThat(script.find()).as(index.body()).isTrue();
        Api.Resp asset = Api.raw(script.group(1), null);
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Cache-Control")).contains("immutable");
        assertThat(asset.header("Content-Type")).startsWith("text/javascript");
        Api.Resp again = Api.raw(script.group(1), null, "If-None-Match: " + asset.header("ETag"));
        assertThat(again.status()).isEqualTo(304);

        Api.Resp route = Api.raw("/sessions/od-anything/review", null);
        assertThat(route.status()).isEqualTo(200);
        assertThat(route.body()).isEqualTo(index.body());
        assertThat(Api.raw("/assets/missing-file.js", null).status()).isEqualTo(404);
        assertThat(Api.raw("/WEB-INF/web.xml", null).status()).isEqualTo(404);
        // The API keeps its own answers: no token is still a 401, an unknown route a 404 envelope.
        assertThat(Api.raw("/api/sessions/active", null).status()).isEqualTo(401);
        assertThat(Api.get("/api/nothing/here").json().getString("code")).isEqualTo("not_found");
    }

    /** The console's API types are generated from console/openapi.json: it must be the server's document. */
    @Test
    void theConsolesOpenApiSnapshotIsTheServersDocument() throws Exception {
        Api.Resp live = Api.get("/openapi?format=JSON");
        assertThat(live.status()).isEqualTo(200);
        JsonObject server = withoutServers(live.body());
        JsonObject snapshot = withoutServers(Files.readString(CONSOLE.resolve("openapi.json")));
        assertThat(snapshot).as("console/openapi.json differs from the server's /openapi: refresh it with "
                + "bash console/refresh-openapi.sh on a running server (docs/console.md)").isEqualTo(server);
    }

    @Test
    void signInRefusesABadTokenAndARevokedTokenReturnsToSignIn() throws Exception {
        run("signin.mjs", Map.of());
    }

    @Test
    void createASessionSendAMessageAndWatchTheReplyStream() throws Exception {
        // Inside the test server's browsable roots (FLIGHTDECK_FS_ROOTS), as the fs browser requires.
        Path dir = Files.createTempDirectory(Files.createDirectories(Api.DATA_DIR.resolve("fs-root")), "console-").toRealPath();
        run("session.mjs", Map.of("CONSOLE_CWD", dir.toString(), "CONSOLE_SUGGESTION", ScriptedModel.SUGGESTION));
        assertThat(MODEL.get().userTexts).anyMatch(t -> t.contains("hello from the console"));
    }

    @Test
    void approveABashRequestOnItsCardAndTheFileIsWritten() throws Exception {
        Agents.Session s = Agents.create();
        Path marker = s.dir().resolve("approved-in-browser.txt");
        run("approve.mjs", Map.of("SESSION_ID", s.id(), "COMMAND", "touch " + marker));
        assertThat(marker).exists();
        Agents.end(s);
    }

    @Test
    void anApprovalWorksOnAPhoneSizedScreen() throws Exception {
        Agents.Session s = Agents.create();
        Path marker = s.dir().resolve("approved-on-phone.txt");
        run("approve.mjs", Map.of("SESSION_ID", s.id(), "COMMAND", "touch " + marker, "PHONE", "1"));
        assertThat(marker).exists();
        Agents.end(s);
    }

    @Test
    void aLineCommentInTheReviewIsSentToTheAgent() throws Exception {
        Path repo = GitRepo.create("fd-console-review-", "README.md", "hello\nworld\nend\n");
        Files.writeString(repo.resolve("README.md"), "hello\nbrave new world\nend\n");
        Api.Resp created = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + repo + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().getString("session_id");
        String note = "say who is brave " + System.nanoTime();
        run("review.mjs", Map.of("SESSION_ID", id, "NOTE", note));
        assertThat(MODEL.get().userTexts).as("the comment reached the model").anyMatch(t -> t.contains(note) && t.contains("README.md"));
        Api.post("/api/sessions/" + id + "/lifecycle/end", "{}");
    }

    @Test
    void interruptStopsARunningTurn() throws Exception {
        Agents.Session s = Agents.create();
        run("interrupt.mjs", Map.of("SESSION_ID", s.id()));
        Agents.end(s);
    }

    @Test
    void afterTheSocketIsCutMidTurnTheScreenEqualsTheServersConversation() throws Exception {
        Agents.Session s = Agents.create();
        Path marker = s.dir().resolve("approved-while-cut.txt");
        run("reconnect.mjs", Map.of("SESSION_ID", s.id(), "COMMAND", "touch " + marker));
        assertThat(marker).exists();
        Agents.end(s);
    }

    @Test
    void theMissionsBoardMovesAnIssueWhenTheStubTrackerChanges() throws Exception {
        String key = "lin_api_console_" + System.nanoTime();
        try (StubLinear linear = StubLinear.forServer(key)) {
            linear.label("agent", null);
            linear.team("CON");
            String a = linear.issue("CON", "Finished elsewhere", "Todo", 2, List.of("agent"), null);
            String b = linear.issue("CON", "Needs a decision", "Todo", 1, List.of("agent"), null);
            // HANG keeps each run working until it is ended, so the board's moves are the tracker's and a person's.
            Path repo = GitRepo.create("console-mission-", "MISSION.md", MissionsIT.missionFile("CON", "", "HANG"), "README.md", "# app\n");
            // Front matter with no key Flightdeck knows: a parse error, shown on the mission's page.
            Path brokenRepo = GitRepo.create("console-mission-broken-", "MISSION.md", "---\nnonsense: [1\n---\nbody\n");
            Api.Resp broken = Api.post("/api/missions", Json.createObjectBuilder().add("name", "Broken mission")
                    .add("repo_root", brokenRepo.toString()).build().toString());
            assertThat(broken.status()).as(broken.body()).isEqualTo(200);
            try {
                run("missions.mjs", Map.of("REPO", repo.toString(), "KEY", key, "ISSUE_A", a, "ISSUE_B", b,
                        "BROKEN_MISSION", broken.json().getString("id")), Map.of("tracker-done", () -> linear.setState(a, "Done")));
                assertThat(linear.stateOf(a)).isEqualTo("Done");
                assertThat(Files.readString(repo.resolve("MISSION.md"))).contains("max_retries: 4");
            } finally {
                // Deleting the mission ends its runs' sessions.
                for (jakarta.json.JsonValue m : Api.get("/api/missions").json().getJsonArray("missions")) {
                    String root = m.asJsonObject().getString("repo_root");
                    if (repo.toString().equals(root) || brokenRepo.toString().equals(root)) {
                        Api.call("DELETE", "/api/missions/" + m.asJsonObject().getString("id"), null, Api.token());
                    }
                }
            }
        }
    }

    @Test
    void worktreesAreCreatedDeletedWithTheirSnapshotRestoredAndDiscovered() throws Exception {
        Path repo = GitRepo.create("console-wt-", "README.md", "# worktrees\n");
        GitRepo.git(repo, "worktree", "add", "-b", "made-outside", repo.resolveSibling(repo.getFileName() + "-outside").toString());
        run("worktrees.mjs", Map.of("REPO", repo.toString(), "OUTSIDE", "made-outside"));
    }

    @Test
    void theKeyboardMovesBetweenSessions() throws Exception {
        Agents.Session a = Agents.create();
        Agents.Session b = Agents.create();
        run("keys.mjs", Map.of("SESSION_A", a.id(), "SESSION_B", b.id()));
        Agents.end(a);
        Agents.end(b);
    }

    @Test
    void aTerminalInTheSessionRunsAShellThatFollowsTheWindowAndEndsWithThePanel() throws Exception {
        Agents.Session s = Agents.create();
        run("terminal.mjs", Map.of("SESSION_ID", s.id()));
        Agents.end(s);
    }

    @Test
    void settingsCreateAndRevokeATokenAndSetATrackerKeyNeverShown() throws Exception {
        String github = "ghp_console_it_" + System.nanoTime();
        String linear = "lin_api_console_it_" + System.nanoTime();
        boolean primary = Api.get("/api/server/meta").json().getBoolean("is_primary");
        run("settings.mjs", Map.of("GITHUB_KEY", github, "LINEAR_KEY", linear));
        JsonObject keys = Api.get("/api/server/tracker-keys").json();
        assertThat(keys.getJsonObject("github").getBoolean("configured")).as("cleared in the browser").isFalse();
        assertThat(Api.get("/api/server/meta").json().getBoolean("is_primary")).as("the role put back").isEqualTo(primary);
        Path log = Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"), "usr", "servers",
                System.getProperty("it.server", "flightdeck-it"), "logs", "messages.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).doesNotContain(github).doesNotContain(linear);
    }

    @Test
    void usageChartsShowTheLedgersFigures() throws Exception {
        // A Claude turn and a Codex turn (through the scripted model, which also reports Codex's
        // rate-limit windows) so the page has figures of both providers to agree with.
        Agents.configureCodex(MODEL.get().port());
        Agents.Session claude = Agents.create();
        turn(claude, "a turn for the usage page");
        Path dir = Files.createTempDirectory("fd-console-codex-");
        Api.Resp created = Api.post("/api/sessions", "{\"provider\":\"codex\",\"cwd\":\"" + dir + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Agents.Session codex = new Agents.Session(created.json().getString("session_id"), dir);
        turn(codex, "a codex turn for the usage page");
        assertThat(Api.get("/api/usage/codex").json().containsKey("usage")).isTrue();
        run("usage.mjs", Map.of("SESSION_ID", claude.id()));
        Agents.end(claude);
        Agents.end(codex);
    }

    private static void turn(Agents.Session s, String text) throws Exception {
        try (Ws ws = Agents.subscribe(s.id())) {
            assertThat(Agents.send(s.id(), text).status()).isEqualTo(202);
            Agents.awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")) && r.getString("content", "").contains(text), 90);
            Agents.awaitDetail(s.id(), Agents::idle, 30);
        }
    }

    private static JsonObject withoutServers(String json) {
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        return Json.createObjectBuilder(o).remove("servers").build();
    }

    /** A change a scenario asks the test to make where the browser cannot reach (a stub tracker). */
    interface Step {
        void run() throws Exception;
    }

    static void run(String script, Map<String, String> extra) throws Exception {
        run(script, extra, Map.of());
    }

    /**
     * Runs one scenario script with node; its output is the failure message. A line "@@step name"
     * from the script runs that step here and answers "ok" on its stdin, so the script goes on only
     * once the change is made.
     */
    static void run(String script, Map<String, String> extra, Map<String, Step> steps) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of("node", "e2e/" + script)).directory(CONSOLE.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = new LinkedHashMap<>(extra);
        env.put("FLIGHTDECK_URL", Api.BASE);
        env.put("FLIGHTDECK_TOKEN", Api.token());
        env.put("FLIGHTDECK_SCREENSHOTS", SHOTS.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        StringBuffer out = new StringBuffer();
        BlockingQueue<String> asked = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.append(line).append('\n');
                    if (line.startsWith("@@step ")) {
                        asked.add(line.substring("@@step ".length()).trim());
                    }
                }
            } catch (IOException e) {
                out.append("(reading the script's output failed: ").append(e).append(")\n");
            }
        }, "console-" + script);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        boolean timedOut = false;
        try {
            while (p.isAlive() && System.nanoTime() < deadline) {
                String name = asked.poll(200, TimeUnit.MILLISECONDS);
                if (name == null) {
                    continue;
                }
                Step step = steps.get(name);
                assertThat(step).as("%s asked for an unknown step %s:%n%s", script, name, out).isNotNull();
                step.run();
                p.getOutputStream().write("ok\n".getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().flush();
            }
        } finally {
            if (p.isAlive()) {
                timedOut = true;
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        p.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);
        assertThat(timedOut).as("%s did not finish in 4 minutes:%n%s", script, out).isFalse();
        assertThat(p.exitValue()).as("%s failed:%n%s", script, out).isZero();
    }
}
