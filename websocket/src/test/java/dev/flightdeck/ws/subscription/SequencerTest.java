package dev.flightdeck.ws.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.event.Revisioned;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SequencerTest {
    final Sequencer sequencer = new Sequencer();
    final List<Long> out = new ArrayList<>();

    void accept(String scope, long rev) {
        sequencer.accept(new Revisioned(scope, rev, "t", Set.of(), "{}"), e -> out.add(e.revision()));
    }

    @Test
    void outOfOrderArrivalsLeaveInRevisionOrder() {
        accept("s", 1);
        accept("s", 3);
        accept("s", 4);
        assertThat(out).containsExactly(1L);
        accept("s", 2);
        assertThat(out).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void duplicatesAreDropped() {
        accept("s", 5);
        accept("s", 5);
        accept("s", 4);
        assertThat(out).containsExactly(5L);
    }

    @Test
    void scopesAreIndependent() {
        accept("a", 1);
        accept("b", 10);
        accept("a", 3);
        assertThat(out).containsExactly(1L, 10L);
    }

    @Test
    void aGapFilledElsewhereIsReleasedAfterTheWait() throws Exception {
        accept("s", 1);
        accept("s", 3);
        accept("s", 5);
        sequencer.releaseStale(System.currentTimeMillis(), 60_000, e -> out.add(e.revision()));
        assertThat(out).containsExactly(1L);
        sequencer.releaseStale(System.currentTimeMillis() + 120_000, 60_000, e -> out.add(e.revision()));
        assertThat(out).containsExactly(1L, 3L, 5L);
        accept("s", 6);
        assertThat(out).containsExactly(1L, 3L, 5L, 6L);
    }
}
