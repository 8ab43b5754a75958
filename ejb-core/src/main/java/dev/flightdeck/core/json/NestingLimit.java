package dev.flightdeck.core.json;

/**
 * Watches a JSON text as its bytes go by, without parsing it, for two things no request may carry:
 * nesting deeper than a limit (building a tree from it would overflow the stack), and a NUL in a
 * string ({@code \u0000}), which no path, command line or PostgreSQL text column can hold.
 * Malformed text is left for the real parser to refuse. Pure.
 */
public final class NestingLimit {
    public static final int MAX_DEPTH = 128;

    /** Why a text was stopped. */
    public enum Problem { TOO_DEEP, NUL }

    private final int max;
    private int depth;
    private boolean inString;
    private boolean escaped;
    /** Inside a {@code \\u} escape: how many hex digits have been seen, and whether all were 0. */
    private int unicodeDigits = -1;
    private boolean allZero;
    private Problem problem;

    public NestingLimit(int max) {
        this.max = max;
    }

    /** The problem found so far, or null. */
    public Problem problem() {
        return problem;
    }

    /** Takes the next bytes; false once a problem is found. */
    public boolean accept(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (!accept(buf[i])) {
                return false;
            }
        }
        return true;
    }

    /** Takes text; false once a problem is found. */
    public boolean accept(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!accept(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public boolean accept(int b) {
        if (problem != null) {
            return false;
        }
        if (inString) {
            string(b);
        } else {
            switch (b) {
                case '"' -> inString = true;
                case '[', '{' -> depth++;
                case ']', '}' -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
            if (depth > max) {
                problem = Problem.TOO_DEEP;
            }
        }
        return problem == null;
    }

    private void string(int b) {
        if (unicodeDigits >= 0) {
            allZero &= b == '0';
            if (++unicodeDigits == 4) {
                if (allZero) {
                    problem = Problem.NUL;
                }
                unicodeDigits = -1;
            }
        } else if (escaped) {
            escaped = false;
            if (b == 'u') {
                unicodeDigits = 0;
                allZero = true;
            }
        } else if (b == '\\') {
            escaped = true;
        } else if (b == '"') {
            inString = false;
        } else if (b == 0) {
            problem = Problem.NUL;
        }
    }
}
