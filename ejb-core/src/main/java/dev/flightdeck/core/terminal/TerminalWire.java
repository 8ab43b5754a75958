package dev.flightdeck.core.terminal;

/** The JSON frames of terminals and tool PTYs (contract §2.2). */
public final class TerminalWire {
    private TerminalWire() {
    }

    public record Created(String type, String terminalId, String sessionId) {
        public Created(String terminalId, String sessionId) {
            this("terminal_created", terminalId, sessionId);
        }
    }

    /** {@code exit_code} is absent when the process could not be reaped in time. */
    public record Exited(String type, String terminalId, Integer exitCode) {
        public Exited(String terminalId, Integer exitCode) {
            this("terminal_exited", terminalId, exitCode);
        }
    }

    public record ToolPtyDetached(String type, String toolId) {
        public ToolPtyDetached(String toolId) {
            this("tool_pty_detached", toolId);
        }
    }

    /** An {@code error} frame about a terminal that is not a refusal of a request: it was closed, or slowed. */
    public record Error(String type, String code, String message, String sessionId) {
        public Error(String code, String message, String sessionId) {
            this("error", code, message, sessionId);
        }
    }
}
