package dev.flightdeck.core.session;

/** Who drives a session: Flightdeck's own agent process (direct), or a terminal seen through hooks (passive). */
public final class ControlMode {
    public static final String DIRECT = "direct";
    public static final String PASSIVE = "passive";

    private ControlMode() {
    }
}
