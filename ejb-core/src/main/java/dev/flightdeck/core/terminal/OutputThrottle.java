package dev.flightdeck.core.terminal;

/**
 * A token bucket for one terminal's output: the bytes a second it may send, with up to a second's
 * worth in a burst. A terminal over its rate is paused, not cut: the reader waits, the PTY's buffer
 * fills and the program blocks on write, so nothing is lost and a runaway {@code yes} costs the
 * server only the rate. Pure: the caller passes the clock. Not thread-safe (one reader per terminal).
 */
public final class OutputThrottle {
    private final long bytesPerSecond;
    private double tokens;
    private long lastMs;

    /** {@code bytesPerSecond} of 0 or less: no limit. */
    public OutputThrottle(long bytesPerSecond, long nowMs) {
        this.bytesPerSecond = bytesPerSecond;
        this.tokens = bytesPerSecond;
        this.lastMs = nowMs;
    }

    /**
     * Accounts for {@code bytes} just sent and says how long to wait before reading more.
     *
     * @return milliseconds to pause; 0 while under the rate
     */
    public long pauseAfter(int bytes, long nowMs) {
        if (bytesPerSecond <= 0) {
            return 0;
        }
        long elapsed = Math.max(0, nowMs - lastMs);
        lastMs = nowMs;
        tokens = Math.min(bytesPerSecond, tokens + elapsed * (bytesPerSecond / 1000.0));
        tokens -= bytes;
        if (tokens >= 0) {
            return 0;
        }
        return (long) Math.ceil(-tokens * 1000.0 / bytesPerSecond);
    }
}
