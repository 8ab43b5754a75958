package dev.flightdeck.core.session.machine;

/**
 * The session state machine: {@code apply(state, input, now) -> (state, effects)}. Pure: no I/O, no
 * clock, no randomness; a refusal is an {@link dev.flightdeck.core.error.ApiException} and changes
 * nothing. Each input family has its own transitions over the one shared state; the wire delta comes
 * from {@link SessionDelta#between}, never from the transitions.
 */
public final class SessionMachine {
    private SessionMachine() {
    }

    public static Transition apply(SessionState state, SessionInput input, long now) {
        SessionState next = state.copy();
        if (input instanceof SessionInput.Turn t) {
            return TurnTransitions.apply(next, t, now);
        }
        if (input instanceof SessionInput.Approval a) {
            return ApprovalTransitions.apply(next, a);
        }
        if (input instanceof SessionInput.Control c) {
            return ControlTransitions.apply(next, c, now);
        }
        if (input instanceof SessionInput.Lifecycle l) {
            return LifecycleTransitions.apply(next, l, now);
        }
        return HookTransitions.apply(next, (SessionInput.Hook) input, now);
    }
}
