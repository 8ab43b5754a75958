package dev.flightdeck.core.terminal;

import dev.flightdeck.core.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** What a terminal request may ask for, and when a terminal must go. Pure. */
public final class TerminalRules {
    /** A window larger than this is a typo or an attack on the reader's buffers, not a screen. */
    public static final int MAX_DIMENSION = 1000;

    private TerminalRules() {
    }

    /** Limits from the settings; see the README's settings table. */
    public record Limits(int maxPerSession, long outputBytesPerSecond, long idleTimeoutMs) {
    }

    public static String terminalId(String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.invalidField("terminal_id", "is required");
        }
        if (id.getBytes(StandardCharsets.UTF_8).length > TerminalFrames.MAX_ID_BYTES) {
            throw ApiException.invalidField("terminal_id", "may have at most " + TerminalFrames.MAX_ID_BYTES
                    + " bytes, because binary frames carry its length in one byte");
        }
        return id;
    }

    public static int dimension(String field, Integer value) {
        if (value == null) {
            throw ApiException.invalidField(field, "is required");
        }
        if (value < 1 || value > MAX_DIMENSION) {
            throw ApiException.invalidField(field, "must be between 1 and " + MAX_DIMENSION);
        }
        return value;
    }

    /**
     * The program a terminal runs: the configured shell unless the client names another, which must
     * be one of the machine's login shells (an absolute path listed in /etc/shells), so a client
     * cannot start an arbitrary binary under the name of a shell.
     */
    public static String shell(String requested, String configured, Set<String> loginShells) {
        if (requested == null || requested.isBlank() || requested.equals(configured)) {
            return configured;
        }
        if (!requested.startsWith("/") || !loginShells.contains(requested)) {
            throw ApiException.invalidField("shell", "must be one of the login shells in /etc/shells "
                    + new java.util.TreeSet<>(loginShells) + " or left out for " + configured);
        }
        return requested;
    }

    /** Lines of /etc/shells that name a shell. */
    public static Set<String> loginShells(java.util.List<String> etcShells) {
        Set<String> out = new java.util.HashSet<>();
        for (String line : etcShells) {
            String s = line.strip();
            if (s.startsWith("/")) {
                out.add(s);
            }
        }
        return out;
    }

    /** @throws ApiException 429 {@code terminal_limit_reached} when the owner already has the most it may */
    public static void admit(int open, Limits limits, String sessionId) {
        if (open >= limits.maxPerSession()) {
            String owner = sessionId == null ? "this connection (terminals without a session)" : "session " + sessionId;
            throw TerminalErrors.limitReached(owner + " already has " + open + " terminal" + (open == 1 ? "" : "s")
                    + ", the most FLIGHTDECK_TERMINAL_MAX_PER_SESSION (" + limits.maxPerSession()
                    + ") allows; destroy one first");
        }
    }

    /** Whose terminals count together against the limit: the session's, else the connection's own. */
    public static String owner(String sessionId, String connectionId) {
        return sessionId != null ? "session:" + sessionId : "connection:" + connectionId;
    }

    /** Idle: neither input nor output for the timeout (0 or less: never). */
    public static boolean idle(long nowMs, long lastActivityMs, long timeoutMs) {
        return timeoutMs > 0 && nowMs - lastActivityMs >= timeoutMs;
    }

    /**
     * The session id in a line of {@code /proc/<pid>/stat}: the 6th field, counted after the command
     * name's closing parenthesis because the name itself may hold spaces and parentheses.
     *
     * @return the session id, or -1 when the line is not a stat line
     */
    public static long sessionOf(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] f = statLine.substring(close + 1).trim().split(" ");
        // After the name: state, ppid, pgrp, session.
        if (f.length < 4) {
            return -1;
        }
        try {
            return Long.parseLong(f[3]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
