package dev.flightdeck.core.mission.tracker;

import java.util.Arrays;
import java.util.Optional;

/** The issue trackers a mission can read (contract §1.15 {@code tracker_kind}). */
public enum TrackerKind {
    LINEAR("linear"),
    GITHUB("github");

    private final String wire;

    TrackerKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<TrackerKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(value)).findFirst();
    }
}
