package dev.flightdeck.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingTest {
    final Revisioned delta = new Revisioned("session:od-1", 4, "session_delta", Set.of(Surface.DETAIL),
            "{\"type\":\"session_delta\"}");

    @Test
    void deltasGoRawToTheConversationAndAsInvalidationsToTheirSurfaces() {
        assertThat(Routing.framesFor(delta, Surface.CONVERSATION)).containsExactly("{\"type\":\"session_delta\"}");
        assertThat(Routing.framesFor(delta, Surface.DETAIL)).containsExactly(
                "{\"revision\":4,\"session_id\":\"od-1\",\"surface\":\"detail\",\"type\":\"session_surface_invalidated\"}");
        assertThat(Routing.framesFor(delta, Surface.REVIEW)).isEmpty();
    }

    @Test
    void reach() {
        assertThat(Routing.reaches(delta, Surface.CONVERSATION)).isTrue();
        assertThat(Routing.reaches(delta, Surface.DETAIL)).isTrue();
        assertThat(Routing.reaches(delta, Surface.CAPABILITIES)).isFalse();
    }

    @Test
    void listInvalidation() {
        assertThat(Routing.listInvalidation("active_sessions_invalidated", 9))
                .isEqualTo("{\"revision\":9,\"type\":\"active_sessions_invalidated\"}");
    }
}
