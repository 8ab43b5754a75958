package dev.flightdeck.core.session.machine;

import java.util.List;

/** The state after an input, and what the caller must do to make it so. */
public record Transition(SessionState state, List<SessionEffect> effects) {
    public Transition {
        effects = List.copyOf(effects);
    }

    static Transition of(SessionState state, SessionEffect... effects) {
        return new Transition(state, List.of(effects));
    }
}
