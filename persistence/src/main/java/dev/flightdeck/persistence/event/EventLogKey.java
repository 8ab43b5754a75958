package dev.flightdeck.persistence.event;

import java.io.Serializable;
import java.util.Objects;

public class EventLogKey implements Serializable {
    public String scope;
    public long revision;

    public EventLogKey() {
    }

    public EventLogKey(String scope, long revision) {
        this.scope = scope;
        this.revision = revision;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventLogKey k && k.revision == revision && Objects.equals(k.scope, scope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, revision);
    }
}
