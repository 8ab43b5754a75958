package dev.flightdeck.core.shell;

import java.nio.charset.StandardCharsets;

/**
 * One output stream of a command: everything is counted, but only the first {@code keep} bytes are
 * kept, so a command printing gigabytes costs a bounded amount of memory. Thread-safe; chunks are
 * taken by whoever streams them.
 */
public final class OutputBuffer {
    private final int keep;
    private final byte[] kept;
    private int size;
    private int streamed;
    private long total;

    public OutputBuffer(int keep) {
        this.keep = keep;
        this.kept = new byte[keep];
    }

    public synchronized void append(byte[] b, int off, int len) {
        total += len;
        int room = Math.min(len, keep - size);
        if (room > 0) {
            System.arraycopy(b, off, kept, size, room);
            size += room;
        }
    }

    /** What arrived (and was kept) since the last call. */
    public synchronized String takeChunk() {
        String chunk = decode(streamed, size - streamed);
        streamed = size;
        return chunk;
    }

    public synchronized String text() {
        return decode(0, size);
    }

    public synchronized boolean truncated() {
        return total > size;
    }

    public synchronized long totalBytes() {
        return total;
    }

    private String decode(int from, int len) {
        // A chunk may end inside a multi-byte character; the replacement character marks it rather than failing.
        return new String(kept, from, len, StandardCharsets.UTF_8);
    }
}
