package it.flightdeck;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a real read until it shows what the test waits for, or fails naming what it last saw. */
public final class Await {
    private static final long POLL_MS = 100;

    private Await() {
    }

    public static <T> T until(String what, Supplier<T> read, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout.toSeconds() + " s; last seen: " + last);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            last = read.get();
        }
        return last;
    }
}
