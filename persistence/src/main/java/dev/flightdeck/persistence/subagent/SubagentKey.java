package dev.flightdeck.persistence.subagent;

import java.io.Serializable;
import java.util.Objects;

public class SubagentKey implements Serializable {
    public String sessionId;
    public String id;

    public SubagentKey() {
    }

    public SubagentKey(String sessionId, String id) {
        this.sessionId = sessionId;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubagentKey k && Objects.equals(id, k.id) && Objects.equals(sessionId, k.sessionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, id);
    }
}
