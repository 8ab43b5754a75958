package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stops, kills and starts the black-box test server (the Liberty server the build started), for the
 * tests that check what survives a restart or a crash. Only those tests' failsafe execution uses it,
 * because it runs after every other black-box test.
 */
final class TestServer {
    private static final Path WLP = Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"));
    private static final String SERVER = System.getProperty("it.server", "flightdeck-it");

    private TestServer() {
    }

    /** {@code server stop}: a clean shutdown. */
    static void stop() throws Exception {
        run(new ProcessBuilder(bin(), "stop", SERVER));
    }

    /**
     * The server's JVM: the pid {@code server start} recorded, checked against the process's command
     * line so that a stale pid file can never make a test kill something else.
     */
    static ProcessHandle jvm() throws IOException {
        long pid = Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + SERVER + ".pid")).strip());
        ProcessHandle jvm = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        assertThat(cmdline).as("pid %d is the Liberty JVM of %s", pid, SERVER).contains("ws-server.jar").contains(SERVER);
        return jvm;
    }

    /**
     * {@code kill -9}: SIGKILL, which is what {@link ProcessHandle#destroyForcibly()} sends on Linux.
     * No shutdown hook runs and nothing is flushed; whatever the database had not handed to the
     * operating system is gone. Sent from here rather than by a {@code kill} child process so that it
     * lands right after the caller's last answer.
     */
    static void kill(ProcessHandle jvm) throws Exception {
        assertThat(jvm.destroyForcibly()).as("SIGKILL sent to %d", jvm.pid()).isTrue();
        assertThat(jvm.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    /** {@code server start} with extra environment, then waits until the app answers. */
    static void start(Map<String, String> env) throws Exception {
        ProcessBuilder start = new ProcessBuilder(bin(), "start", SERVER);
        start.environment().putAll(env);
        run(start);
        Await.until("the server to come back", TestServer::answers, up -> up, Duration.ofSeconds(120));
    }

    private static boolean answers() {
        try {
            return Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build()).status() == 200
                    && Api.get("/api/server/ping").status() == 200;
        } catch (UncheckedIOException notYet) {
            // connection refused while the server starts
            return false;
        }
    }

    private static String bin() {
        return WLP.resolve("bin/server").toString();
    }

    /** Liberty's script exits 0 when the server did what was asked, so anything else is a failure. */
    private static void run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.inheritIO().start();
        assertThat(p.waitFor()).as(String.join(" ", pb.command())).isZero();
    }
}
