package dev.flightdeck.core.agent;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The agent CLIs a session, a mission or a default can name (the contract's {@code provider}). */
public enum Provider {
    CLAUDE("claude"),
    CODEX("codex");

    /** Every wire name, for validating a request field. */
    public static final Set<String> WIRES = Arrays.stream(values()).map(Provider::wire)
            .collect(Collectors.toUnmodifiableSet());

    private final String wire;

    Provider(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Provider> fromWire(String value) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(value)).findFirst();
    }

    /** The wire names in declaration order (claude first), for listings. */
    public static List<String> wires() {
        return Arrays.stream(values()).map(Provider::wire).toList();
    }
}
