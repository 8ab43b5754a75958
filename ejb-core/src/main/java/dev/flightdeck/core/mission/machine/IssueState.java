package dev.flightdeck.core.mission.machine;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The contract's eight orchestration states, with the manual transitions it allows from each. */
public enum IssueState {
    QUEUED("queued"),
    CLAIMED("claimed"),
    PROVISIONING("provisioning"),
    RUNNING("running"),
    RETRY_QUEUED("retry_queued"),
    COMPLETED("completed"),
    FAILED("failed"),
    BLOCKED("blocked");

    private final String wire;

    IssueState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<IssueState> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }

    /** A run is under way: a slot is taken and a session may exist. */
    public boolean active() {
        return this == CLAIMED || this == PROVISIONING || this == RUNNING;
    }

    /** Settled by the operator or by evidence; the orchestrator never dispatches these again on its own. */
    public boolean settled() {
        return this == COMPLETED || this == FAILED || this == BLOCKED;
    }

    /** The contract's allowed_transitions table (§4 API shapes). */
    public Set<IssueState> allowedTargets() {
        switch (this) {
            case QUEUED:
                return EnumSet.of(COMPLETED, BLOCKED);
            case CLAIMED:
                return EnumSet.of(QUEUED, PROVISIONING, COMPLETED, BLOCKED, FAILED);
            case PROVISIONING:
                return EnumSet.of(QUEUED, RUNNING, COMPLETED, BLOCKED, FAILED);
            case RUNNING:
                return EnumSet.of(QUEUED, COMPLETED, BLOCKED, FAILED);
            case RETRY_QUEUED:
                return EnumSet.of(QUEUED, COMPLETED, BLOCKED);
            case FAILED:
            case BLOCKED:
                return EnumSet.of(QUEUED, COMPLETED);
            default:
                return EnumSet.of(QUEUED);
        }
    }
}
