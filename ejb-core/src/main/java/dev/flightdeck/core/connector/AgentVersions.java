package dev.flightdeck.core.connector;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version an agent CLI reports ({@code --version}), asked once per executable and file change, so
 * {@code /api/server/meta} can say which CLI each provider will use without starting one per request.
 */
@ApplicationScoped
public class AgentVersions {
    static final long TIMEOUT_SECONDS = 15;
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*)");

    private record Key(Path path, long modified) {
    }

    private final Map<Key, String> known = new ConcurrentHashMap<>();

    /** The version, or null when the executable did not say one in time. */
    public String of(Path executable) {
        long modified;
        try {
            modified = Files.getLastModifiedTime(executable).toMillis();
        } catch (IOException e) {
            return null;
        }
        Key key = new Key(executable, modified);
        String v = known.get(key);
        if (v == null) {
            v = ask(executable);
            if (v != null) {
                known.put(key, v);
            }
        }
        return v;
    }

    /** The first version-looking word of a CLI's --version line: "2.1.330 (Claude Code)", "codex-cli 0.169.0". */
    static String parse(String output) {
        Matcher m = VERSION.matcher(output == null ? "" : output);
        return m.find() ? m.group(1) : null;
    }

    private static String ask(Path executable) {
        ProcessBuilder pb = new ProcessBuilder(List.of(executable.toString(), "--version"))
                .redirectErrorStream(true);
        // Only what a CLI needs to print its version (codex is a node script found through PATH); none of the server's settings.
        Map<String, String> env = pb.environment();
        Map<String, String> own = System.getenv();
        env.clear();
        for (String name : List.of("PATH", "HOME", "LANG")) {
            if (own.containsKey(name)) {
                env.put(name, own.get(name));
            }
        }
        Path out = null;
        try {
            // To a file, not a pipe: a CLI that hangs with its output open cannot hold the wait past the timeout.
            out = Files.createTempFile("fd-version-", ".txt");
            Process p = pb.redirectOutput(out.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? parse(Files.readString(out, StandardCharsets.UTF_8)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a leftover temp file of a few bytes
                }
            }
        }
    }
}
