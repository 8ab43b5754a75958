package dev.flightdeck.ws.subscription;

import java.util.Arrays;
import java.util.Optional;

/** The list surfaces; all three share the 'sessions' revision scope. */
public enum ListKind {
    SUMMARY("sessions_summary"),
    ACTIVE("active_sessions"),
    ARCHIVED("archived_sessions");

    private final String wire;

    ListKind(String wire) {
        this.wire = wire;
    }

    public String invalidatedType() {
        return wire + "_invalidated";
    }

    /** Maps {@code subscribe_<wire>} / {@code unsubscribe_<wire>} suffixes. */
    public static Optional<ListKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }
}
