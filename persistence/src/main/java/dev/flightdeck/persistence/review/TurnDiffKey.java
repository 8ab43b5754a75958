package dev.flightdeck.persistence.review;

import java.io.Serializable;
import java.util.Objects;

public class TurnDiffKey implements Serializable {
    public String sessionId;
    public String turnId;

    public TurnDiffKey() {
    }

    public TurnDiffKey(String sessionId, String turnId) {
        this.sessionId = sessionId;
        this.turnId = turnId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TurnDiffKey k && Objects.equals(turnId, k.turnId) && Objects.equals(sessionId, k.sessionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, turnId);
    }
}
