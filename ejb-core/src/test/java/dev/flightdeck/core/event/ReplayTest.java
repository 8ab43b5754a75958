package dev.flightdeck.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayTest {
    static Revisioned delta(long rev) {
        return new Revisioned("session:od-1", rev, "session_delta", Set.of(Surface.DETAIL, Surface.COMPOSER), "{}");
    }

    static Revisioned rows(long rev) {
        return new Revisioned("session:od-1", rev, "conversation_rows_changed", Set.of(), "{}");
    }

    static List<Revisioned> range(long from, long to) {
        List<Revisioned> out = new ArrayList<>();
        for (long r = from; r <= to; r++) {
            out.add(r % 2 == 0 ? delta(r) : rows(r));
        }
        return out;
    }

    @Test
    void listsWithoutACursorOrBehindGetOneInvalidation() {
        assertThat(Replay.forList(null, 7).kind()).isEqualTo(Replay.Kind.INVALIDATE);
        assertThat(Replay.forList(3L, 7)).isEqualTo(new Replay.Decision(Replay.Kind.INVALIDATE, 7, List.of()));
        assertThat(Replay.forList(7L, 7).kind()).isEqualTo(Replay.Kind.NOTHING);
        assertThat(Replay.forList(9L, 7).kind()).isEqualTo(Replay.Kind.INVALIDATE);
    }

    @Test
    void upToDateGetsNothing() {
        assertThat(Replay.forSession(Surface.CONVERSATION, 5L, 5, List.of()).kind()).isEqualTo(Replay.Kind.NOTHING);
    }

    @Test
    void noCursorOrACursorFromTheFutureRefetches() {
        assertThat(Replay.forSession(Surface.CONVERSATION, null, 5, range(1, 5)).kind()).isEqualTo(Replay.Kind.INVALIDATE);
        assertThat(Replay.forSession(Surface.CONVERSATION, 9L, 5, List.of()).kind()).isEqualTo(Replay.Kind.INVALIDATE);
    }

    @Test
    void conversationReplaysTheMissedEventsInOrder() {
        Replay.Decision d = Replay.forSession(Surface.CONVERSATION, 2L, 6, range(3, 6));
        assertThat(d.kind()).isEqualTo(Replay.Kind.EVENTS);
        assertThat(d.revision()).isEqualTo(6);
        // session deltas and row changes both reach the conversation surface
        assertThat(d.events()).extracting(Revisioned::revision).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void aPrunedOrMissingRevisionMeansRefetch() {
        assertThat(Replay.forSession(Surface.CONVERSATION, 2L, 6, range(4, 6)).kind()).isEqualTo(Replay.Kind.INVALIDATE);
        List<Revisioned> holey = new ArrayList<>(range(3, 6));
        holey.remove(1);
        holey.add(delta(7));
        assertThat(Replay.forSession(Surface.CONVERSATION, 2L, 6, holey).kind()).isEqualTo(Replay.Kind.INVALIDATE);
    }

    @Test
    void otherSurfacesGetOneInvalidationOnlyWhenTheyMissedSomething() {
        assertThat(Replay.forSession(Surface.DETAIL, 2L, 6, range(3, 6)))
                .isEqualTo(new Replay.Decision(Replay.Kind.INVALIDATE, 6, List.of()));
        // only row changes were missed: the review surface is untouched
        assertThat(Replay.forSession(Surface.REVIEW, 2L, 3, List.of(rows(3))).kind()).isEqualTo(Replay.Kind.NOTHING);
    }

    @Test
    void aMissionScopeReplaysEveryMissedEventWhenTheLogHasThemAll() {
        List<Revisioned> missed = range(4, 7);
        assertThat(Replay.forScope(3L, 7, missed)).isEqualTo(new Replay.Decision(Replay.Kind.EVENTS, 7, missed));
        assertThat(Replay.forScope(7L, 7, List.of()).kind()).isEqualTo(Replay.Kind.NOTHING);
        // Pruned, no cursor, or a cursor from another database: one invalidation at the current revision.
        assertThat(Replay.forScope(3L, 7, range(5, 7))).isEqualTo(new Replay.Decision(Replay.Kind.INVALIDATE, 7, List.of()));
        assertThat(Replay.forScope(null, 7, List.of()).kind()).isEqualTo(Replay.Kind.INVALIDATE);
        assertThat(Replay.forScope(9L, 7, List.of()).kind()).isEqualTo(Replay.Kind.INVALIDATE);
    }
}
