package dev.flightdeck.core.auth;

import java.util.Arrays;
import java.util.Optional;

public enum TokenKind {
    /** Opens every application route. */
    APP("app"),
    /** Only for a remote workspace's sync channel; application routes refuse it. */
    WORKSPACE_SYNC("workspace_sync"),
    /** Minted for one mission run; opens only the mission tools at /mcp, for that run's issue. */
    MISSION_TOOLS("mission_tools");

    private final String wire;

    TokenKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<TokenKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(value)).findFirst();
    }
}
