package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Runs in the failsafe execution that may restart the server: writers rename sessions in a loop
 * over real HTTP, the server's JVM is killed with {@code kill -9} the moment one of them has an
 * answer, while the others are mid-request, and after a restart every write that got its 200 is
 * still there and revisions go on from where they were.
 */
class CrashIT {
    static final int WRITERS = 8;
    /** Acknowledged writes each writer makes before the kill is armed. */
    static final int WARM_UP = 40;

    /** One writer: the last name the server acknowledged, its revision, and the write in flight. */
    static final class Writer extends Thread {
        final String session;
        final int index;
        final Crash crash;
        volatile String acked;
        volatile long ackedRevision = -1;
        volatile String inFlight;
        volatile int acks;
        volatile String failure;

        Writer(String session, int index, Crash crash) {
            super("crash-writer-" + index);
            this.session = session;
            this.index = index;
            this.crash = crash;
        }

        @Override
        public void run() {
            try {
                for (int k = 1; write("writer " + index + " write " + k); k++) {
                    if (acks == WARM_UP) {
                        crash.warmedUp.countDown();
                    }
                    crash.afterAnswer();
                }
            } finally {
                if (acks < WARM_UP) {
                    crash.warmedUp.countDown();
                }
            }
        }

        /** One rename; true when the server acknowledged it. */
        boolean write(String name) {
            inFlight = name;
            try {
                Api.Resp r = Api.patch("/api/sessions/" + session + "/detail/name", "{\"name\":\"" + name + "\"}");
                if (r.status() != 200) {
                    failure = "\"" + name + "\" answered " + r.status() + ": " + r.body();
                    return false;
                }
                ackedRevision = r.json().getJsonObject("session_detail_snapshot").getJsonNumber("revision").longValue();
                acked = name;
                inFlight = null;
                acks++;
                return true;
            } catch (UncheckedIOException e) {
                if (!crash.fired.get()) {
                    failure = "\"" + name + "\" failed: " + e;
                }
                return false;
            }
        }
    }

    /**
     * The kill, armed once every writer is warm and fired by the first answer after that, from the
     * thread that got it: its write was committed a moment ago, as were the other writers' latest.
     */
    static final class Crash {
        final CountDownLatch warmedUp = new CountDownLatch(WRITERS);
        final AtomicBoolean armed = new AtomicBoolean();
        final AtomicBoolean fired = new AtomicBoolean();
        final CompletableFuture<Void> killed = new CompletableFuture<>();
        volatile ProcessHandle jvm;

        void afterAnswer() {
            if (armed.get() && fired.compareAndSet(false, true)) {
                try {
                    TestServer.kill(jvm);
                    killed.complete(null);
                } catch (Throwable t) {
                    killed.completeExceptionally(t);
                }
            }
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Crash crash = new Crash();
        crash.jvm = TestServer.jvm();
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(new Writer(Api.createSession(), i, crash));
        }
        long started = System.nanoTime();
        writers.forEach(Thread::start);
        assertThat(crash.warmedUp.await(180, TimeUnit.SECONDS)).as("the writers got going").isTrue();
        assertThat(writers).extracting(w -> w.failure).as("every write before the kill answered 200").containsOnlyNulls();
        long listRevision = Api.get("/api/sessions/summary").json().getJsonNumber("revision").longValue();
        crash.armed.set(true);
        crash.killed.get(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Writer w : writers) {
            w.join(60_000);
            assertThat(w.isAlive()).as(w.getName() + " stopped with the server").isFalse();
        }
        assertThat(writers).extracting(w -> w.failure).as("every write before the kill answered 200").containsOnlyNulls();
        int total = writers.stream().mapToInt(w -> w.acks).sum();
        System.out.printf("CrashIT: %d writers, %d acknowledged renames in %.1f s: %.0f/s%n",
                WRITERS, total, seconds, total / seconds);

        TestServer.start(Map.of());

        for (Writer w : writers) {
            JsonObject detail = Api.get("/api/sessions/" + w.session + "/detail").json();
            String name = detail.getJsonObject("session").getString("custom_name");
            long revision = detail.getJsonNumber("revision").longValue();
            // The last acknowledged name, or the write in flight when the server died: it may have
            // committed without its answer getting out.
            List<String> allowed = w.inFlight == null ? List.of(w.acked) : List.of(w.acked, w.inFlight);
            assertThat(name).as("%s after %d acknowledged renames", w.session, w.acks).isIn(allowed);
            assertThat(revision).as(w.session + " revision after the restart").isGreaterThanOrEqualTo(w.ackedRevision);
            if (name.equals(w.inFlight)) {
                assertThat(revision).isGreaterThan(w.ackedRevision);
            }
        }
        assertThat(Api.get("/api/sessions/summary").json().getJsonNumber("revision").longValue())
                .as("the list revision after the restart").isGreaterThan(listRevision);

        // And they go on from there: a new write takes a revision above every acknowledged one.
        for (Writer w : writers) {
            long before = w.ackedRevision;
            assertThat(w.write("after the crash")).as(w.failure).isTrue();
            assertThat(w.ackedRevision).isGreaterThan(before);
        }
    }
}
