package dev.flightdeck.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The real thing: a libc pseudo-terminal and bash on it, started the way the service starts it. */
class PtyTest {
    private final StringBuilder seen = new StringBuilder();

    private String readUntil(Pty pty, Pattern p) {
        byte[] buf = new byte[4096];
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = p.matcher(seen);
            if (m.find()) {
                return m.group(1);
            }
            int n = pty.read(buf, 200);
            if (n < 0) {
                break;
            }
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        throw new AssertionError("no " + p + " in " + seen);
    }

    @Test
    void bashRunsOnTheSlaveSeesResizesAndDiesWithItsTree() throws Exception {
        try (Pty pty = Pty.open(100, 30)) {
            Process p = TerminalProcess.start("/bin/bash", Path.of("/tmp"),
                    Map.of("PATH", "/usr/bin:/bin", "TERM", "xterm", "HOME", "/tmp"), pty.slavePath());
            pty.write("sleep 300 & echo \"pid=$$ bg=$! tty=$(tty) dir=$PWD size=$(stty size)\"\n"
                    .getBytes(StandardCharsets.UTF_8));
            String pid = readUntil(pty, Pattern.compile("pid=(\\d+) bg="));
            assertThat(Long.parseLong(pid)).as("setsid execs the shell in place").isEqualTo(p.pid());
            long bg = Long.parseLong(readUntil(pty, Pattern.compile("bg=(\\d+) ")));
            assertThat(readUntil(pty, Pattern.compile("tty=(/\\S+) "))).isEqualTo(pty.slavePath());
            assertThat(readUntil(pty, Pattern.compile("dir=(/\\S+) "))).isEqualTo("/tmp");
            assertThat(readUntil(pty, Pattern.compile("size=(\\d+ \\d+)"))).isEqualTo("30 100");
            assertThat(TerminalProcess.sessionMembers(p.pid())).extracting(ProcessHandle::pid).contains(p.pid(), bg);

            pty.resize(120, 40);
            pty.write("echo \"now=$(stty size)\"\n".getBytes(StandardCharsets.UTF_8));
            assertThat(readUntil(pty, Pattern.compile("now=(\\d+ \\d+)"))).isEqualTo("40 120");

            TerminalProcess.kill(p);
            byte[] buf = new byte[4096];
            int n;
            long deadline = System.currentTimeMillis() + 10_000;
            while ((n = pty.read(buf, 200)) >= 0 && System.currentTimeMillis() < deadline) {
                // drain until every slave is closed
            }
            assertThat(n).as("the master reads end-of-terminal once the tree is gone").isEqualTo(-1);
            assertThat(p.isAlive()).isFalse();
            // SIGKILL is delivered, and the orphan reaped, asynchronously: wait for the exit, then check.
            ProcessHandle.of(bg).ifPresent(h -> {
                try {
                    h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    // checked below
                }
            });
            assertThat(ProcessHandle.of(bg).map(ProcessHandle::isAlive).orElse(false)).as("background job").isFalse();
        }
    }

    @Test
    void typingIntoAProgramThatDoesNotReadGivesUpInsteadOfBlocking() throws Exception {
        try (Pty pty = Pty.open(80, 24)) {
            Process p = TerminalProcess.start("/bin/sh", Path.of("/tmp"), Map.of("PATH", "/usr/bin:/bin"), pty.slavePath());
            try {
                pty.write("stty -icanon -echo; echo \"sleeping=$((1+1))\"; sleep 60\n".getBytes(StandardCharsets.UTF_8));
                readUntil(pty, Pattern.compile("(sleeping=2)"));
                long started = System.nanoTime();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> pty.write(new byte[4 * 1024 * 1024]))
                        .isInstanceOf(Pty.InputBlocked.class).hasMessageContaining("the rest was not");
                assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(Pty.WRITE_WAIT_MS);
            } finally {
                TerminalProcess.kill(p);
            }
        }
    }
}
