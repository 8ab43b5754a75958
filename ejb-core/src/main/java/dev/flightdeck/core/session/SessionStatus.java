package dev.flightdeck.core.session;

public final class SessionStatus {
    public static final String ACTIVE = "active";
    public static final String ENDED = "ended";

    private SessionStatus() {
    }
}
