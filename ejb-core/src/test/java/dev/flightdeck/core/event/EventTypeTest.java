package dev.flightdeck.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventTypeTest {
    @Test
    void everyTypeIsFoundByItsWireName() {
        Arrays.stream(EventType.values()).forEach(t -> assertThat(EventType.of(t.wire())).contains(t));
        assertThat(EventType.of("no_such_event")).isEmpty();
    }

    @Test
    void deltasGoRawToTheConversationAndInvalidateTheOthers() {
        assertThat(EventType.SESSION_DELTA.rawTo()).containsExactly(Surface.CONVERSATION);
        assertThat(EventType.SESSION_DELTA.invalidates()).containsExactlyInAnyOrder(Surface.DETAIL, Surface.COMPOSER);
        assertThat(Routing.deltaSurfaces("steer_outcome")).containsExactly(Surface.CONVERSATION);
        assertThat(Routing.deltaSurfaces("review_comment_created")).containsExactly(Surface.REVIEW);
    }
}
