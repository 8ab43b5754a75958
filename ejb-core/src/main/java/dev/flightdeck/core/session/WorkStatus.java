package dev.flightdeck.core.session;

public final class WorkStatus {
    public static final String WORKING = "working";
    public static final String WAITING = "waiting";
    public static final String PERMISSION = "permission";
    public static final String QUESTION = "question";
    public static final String REPLY = "reply";
    public static final String ENDED = "ended";

    private WorkStatus() {
    }
}
