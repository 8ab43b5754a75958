package dev.flightdeck.core.connector;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds an agent's executable: a configured path, or a name looked up on PATH. */
public final class Executables {
    private Executables() {
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
