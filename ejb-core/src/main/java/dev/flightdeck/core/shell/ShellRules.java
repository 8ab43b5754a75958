package dev.flightdeck.core.shell;

import java.nio.file.Path;

/** Decisions about shell commands, free of I/O. */
public final class ShellRules {
    public static final int DEFAULT_TIMEOUT_SECS = 120;
    public static final int MAX_TIMEOUT_SECS = 24 * 3600;
    public static final int MAX_COMMAND = 64 * 1024;

    private ShellRules() {
    }

    /** completed on exit 0, failed otherwise; a kill we asked for says why it happened. */
    public static String outcome(int exitCode, boolean canceled, boolean timedOut) {
        if (timedOut) {
            return "timed_out";
        }
        if (canceled) {
            return "canceled";
        }
        return exitCode == 0 ? "completed" : "failed";
    }

    /** Whether a resolved (real) directory lies inside the resolved project root. */
    public static boolean inside(Path realRoot, Path realDir) {
        return realDir.normalize().startsWith(realRoot.normalize());
    }
}
