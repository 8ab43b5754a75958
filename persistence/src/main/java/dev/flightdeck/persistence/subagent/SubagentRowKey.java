package dev.flightdeck.persistence.subagent;

import java.io.Serializable;
import java.util.Objects;

public class SubagentRowKey implements Serializable {
    public String sessionId;
    public String subagentId;
    public long sequence;

    public SubagentRowKey() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubagentRowKey k && sequence == k.sequence && Objects.equals(sessionId, k.sessionId)
                && Objects.equals(subagentId, k.subagentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, subagentId, sequence);
    }
}
