package dev.flightdeck.core.connector;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds an agent's executable, and where its stderr goes. The order (docs/agents.md): what the
 * operator configured, else the CLI on PATH, else the one the build installed at the pinned version.
 */
public final class Executables {
    private Executables() {
    }

    /** An agent's stderr, appended to {@code <data dir>/logs/agents/<session id>.log}. */
    public static ProcessBuilder.Redirect stderrLog(Path dataDir, String sessionId) throws java.io.IOException {
        Path logs = dataDir.resolve("logs").resolve("agents");
        Files.createDirectories(logs);
        return ProcessBuilder.Redirect.appendTo(logs.resolve(sessionId + ".log").toFile());
    }

    /** Where an agent's executable was found ({@code path} null when it was not), and how. */
    public record Located(Path path, Source source) {
        public boolean found() {
            return path != null;
        }
    }

    public enum Source {
        CONFIGURED, PATH, BUNDLED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Pure but for the file checks. A configured value (a path, or a name looked up on {@code pathEnv})
     * wins and is not second-guessed when it is missing; otherwise {@code name} on {@code pathEnv};
     * otherwise {@code bundledRelative} under the build's agents directory.
     */
    public static Located locate(java.util.Optional<String> configured, String name, String pathEnv,
                                 java.util.Optional<String> bundledDir, String bundledRelative) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return new Located(find(configured.get(), pathEnv), Source.CONFIGURED);
        }
        Path onPath = find(name, pathEnv);
        if (onPath != null) {
            return new Located(onPath, Source.PATH);
        }
        if (bundledDir.isPresent() && !bundledDir.get().isBlank()) {
            Path bundled = Path.of(bundledDir.get()).resolve(bundledRelative);
            if (runnable(bundled)) {
                return new Located(bundled, Source.BUNDLED);
            }
        }
        return new Located(null, Source.BUNDLED);
    }

    /** The executable, or null when it is not there. */
    public static Path find(String configured) {
        return find(configured, System.getenv().getOrDefault("PATH", ""));
    }

    static Path find(String configured, String pathEnv) {
        if (configured.contains("/")) {
            Path p = Path.of(configured);
            return runnable(p) ? p : null;
        }
        for (String dir : pathEnv.split(File.pathSeparator)) {
            // An empty entry would mean the server's own working directory; that is never where a CLI should come from.
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, configured);
            if (runnable(p)) {
                return p;
            }
        }
        return null;
    }

    private static boolean runnable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
