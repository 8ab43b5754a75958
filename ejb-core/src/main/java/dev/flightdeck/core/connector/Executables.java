package dev.flightdeck.core.connector;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds an agent's executable (a configured path, or a name looked up on PATH), and where its stderr goes. */
public final class Executables {
    private Executables() {
    }

    /** An agent's stderr, appended to {@code <data dir>/logs/agents/<session id>.log}. */
    public static ProcessBuilder.Redirect stderrLog(Path dataDir, String sessionId) throws java.io.IOException {
        Path logs = dataDir.resolve("logs").resolve("agents");
        Files.createDirectories(logs);
        return ProcessBuilder.Redirect.appendTo(logs.resolve(sessionId + ".log").toFile());
    }

    /** The executable, or null when it is not there. */
    public static Path find(String configured) {
        if (configured.contains("/")) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? p : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, configured);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
