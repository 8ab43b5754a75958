package dev.flightdeck.core.shell;

/** Shell messages and responses (contract §1.6, §2). */
public final class ShellWire {
    private ShellWire() {
    }

    public record Accepted(String requestId, boolean accepted) {
    }

    public record Started(String type, String sessionId, long revision, String requestId, String command) {
    }

    /**
     * Output as it arrives: while the command runs, each message carries the new output and no
     * outcome; the last one carries the outcome, exit code and duration.
     */
    public record Output(String type, String sessionId, long revision, String requestId, String stdout,
                         String stderr, Integer exitCode, long durationMs, String outcome, Boolean truncated) {
    }
}
