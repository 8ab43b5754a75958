package dev.flightdeck.persistence.conversation;

import java.io.Serializable;
import java.util.Objects;

public class ConversationRowKey implements Serializable {
    public String sessionId;
    public long sequence;

    public ConversationRowKey() {
    }

    public ConversationRowKey(String sessionId, long sequence) {
        this.sessionId = sessionId;
        this.sequence = sequence;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConversationRowKey k && sequence == k.sequence && Objects.equals(sessionId, k.sessionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, sequence);
    }
}
