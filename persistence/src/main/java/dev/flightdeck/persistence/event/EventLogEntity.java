package dev.flightdeck.persistence.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One revisioned event of a scope, stored pre-serialized so replay sends exactly what was broadcast. */
@Entity
@Table(name = "event_log")
@IdClass(EventLogKey.class)
@NamedQuery(name = "EventLog.loggedSince",
        query = "SELECT e FROM EventLogEntity e WHERE e.createdAt >= :since ORDER BY e.scope, e.revision")
@NamedQuery(name = "EventLog.since",
        query = "SELECT e FROM EventLogEntity e WHERE e.scope = :scope AND e.revision > :since ORDER BY e.revision")
public class EventLogEntity {
    @Id
    public String scope;
    @Id
    public long revision;
    @Column(name = "event_type")
    public String eventType;
    /** Comma-separated surfaces the event touches. */
    public String surfaces;
    public String payload;
    @Column(name = "created_at")
    public long createdAt;
}
