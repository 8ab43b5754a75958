package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        run("session.mjs", Map.of("CONSOLE_CWD", dir.toString()));
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

    private static JsonObject withoutServers(String json) {
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        return Json.createObjectBuilder(o).remove("servers").build();
    }

    /** Runs one scenario script with node; its output is the failure message. */
    static void run(String script, Map<String, String> extra) throws Exception {
        Path log = Files.createTempFile("fd-console-", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of("node", "e2e/" + script)).directory(CONSOLE.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = new LinkedHashMap<>(extra);
        env.put("FLIGHTDECK_URL", Api.BASE);
        env.put("FLIGHTDECK_TOKEN", Api.token());
        env.put("FLIGHTDECK_SCREENSHOTS", SHOTS.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean done = p.waitFor(4, TimeUnit.MINUTES);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        Files.deleteIfExists(log);
        assertThat(done).as("%s did not finish in 4 minutes:%n%s", script, out).isTrue();
        assertThat(p.exitValue()).as("%s failed:%n%s", script, out).isZero();
    }
}
