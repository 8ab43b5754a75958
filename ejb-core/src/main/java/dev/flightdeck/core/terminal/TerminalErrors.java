package dev.flightdeck.core.terminal;

import dev.flightdeck.core.error.ApiException;

/**
 * The terminal refusals, with OrbitDock's codes where it has one ({@code terminal_not_found},
 * {@code terminal_create_failed}, {@code tool_pty_not_found}); over the WebSocket they travel as
 * {@code error} frames, the status only says what kind of refusal it is.
 */
public final class TerminalErrors {
    private TerminalErrors() {
    }

    public static ApiException notFound(String terminalId) {
        return new ApiException(404, "terminal_not_found", "Terminal " + terminalId + " not found");
    }

    public static ApiException createFailed(String message) {
        return new ApiException(409, "terminal_create_failed", message);
    }

    public static ApiException limitReached(String message) {
        return new ApiException(429, "terminal_limit_reached", message);
    }

    public static ApiException inputBlocked(String message) {
        return new ApiException(409, "terminal_input_blocked", message);
    }

    public static ApiException toolPtyNotFound(String message) {
        return new ApiException(404, "tool_pty_not_found", message);
    }
}
