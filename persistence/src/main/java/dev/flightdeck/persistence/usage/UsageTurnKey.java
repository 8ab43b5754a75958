package dev.flightdeck.persistence.usage;

import java.io.Serializable;
import java.util.Objects;

public class UsageTurnKey implements Serializable {
    public String sessionId;
    public int turnSeq;

    public UsageTurnKey() {
    }

    public UsageTurnKey(String sessionId, int turnSeq) {
        this.sessionId = sessionId;
        this.turnSeq = turnSeq;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UsageTurnKey k && turnSeq == k.turnSeq && Objects.equals(sessionId, k.sessionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, turnSeq);
    }
}
