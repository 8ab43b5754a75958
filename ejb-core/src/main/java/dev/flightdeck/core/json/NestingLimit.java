package dev.flightdeck.core.json;

/**
 * Tracks how deeply a JSON text nests as its bytes go by, without parsing it: brackets outside
 * strings open and close levels. Building a tree from a deeper document would overflow the stack,
 * so bodies are stopped here first. Malformed text is left for the real parser to refuse. Pure.
 */
public final class NestingLimit {
    public static final int MAX_DEPTH = 128;

    private final int max;
    private int depth;
    private boolean inString;
    private boolean escaped;

    public NestingLimit(int max) {
        this.max = max;
    }

    /** Takes the next bytes; false once the text has nested deeper than the limit. */
    public boolean accept(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (!accept(buf[i])) {
                return false;
            }
        }
        return true;
    }

    /** Takes text; false once it has nested deeper than the limit. */
    public boolean accept(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!accept(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public boolean accept(int b) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
            return true;
        }
        switch (b) {
            case '"' -> inString = true;
            case '[', '{' -> depth++;
            case ']', '}' -> depth = Math.max(0, depth - 1);
            default -> {
            }
        }
        return depth <= max;
    }
}
