package dev.flightdeck.core.event;

import dev.flightdeck.core.json.Json;
import dev.flightdeck.persistence.event.EventLogEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Durable revisions and the event log. A revision is taken by updating the scope's counter row, whose
 * lock is held until commit, so revisions of one scope are handed out in commit order on any node.
 */
@Stateless
public class EventLog {
    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    Event<Revisioned> committed;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_EVENTS_RETENTION_PER_SCOPE", defaultValue = "10000")
    long keepPerScope;

    /** Creates the counter of a new scope at revision 0. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void createScope(String scope) {
        em.createNativeQuery("INSERT INTO revision_counters (scope, revision) VALUES (?1, 0)")
                .setParameter(1, scope).executeUpdate();
    }

    /**
     * Takes the next revision of the scope, logs the event built for it, and fires it for broadcast
     * once the caller's transaction commits.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    /** Logs an event of this type, invalidating the surfaces the type names. */
    public long append(String scope, EventType type, LongFunction<Object> payloadAt) {
        return append(scope, type.wire(), type.invalidates(), payloadAt);
    }

    private long append(String scope, String eventType, Set<String> surfaces, LongFunction<Object> payloadAt) {
        int updated = em.createNativeQuery("UPDATE revision_counters SET revision = revision + 1 WHERE scope = ?1")
                .setParameter(1, scope).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("no revision counter for scope " + scope);
        }
        long revision = current(scope);
        String payload = Json.write(payloadAt.apply(revision));
        EventLogEntity row = new EventLogEntity();
        row.scope = scope;
        row.revision = revision;
        row.eventType = eventType;
        row.surfaces = String.join(",", surfaces);
        row.payload = payload;
        row.createdAt = System.currentTimeMillis();
        em.persist(row);
        if (revision > keepPerScope) {
            em.createNativeQuery("DELETE FROM event_log WHERE scope = ?1 AND revision <= ?2")
                    .setParameter(1, scope).setParameter(2, revision - keepPerScope).executeUpdate();
        }
        committed.fire(new Revisioned(scope, revision, eventType, Set.copyOf(surfaces), payload));
        return revision;
    }

    /** The scope's committed revision as this transaction sees it; 0 for an unknown scope. */
    public long current(String scope) {
        List<?> rows = em.createNativeQuery("SELECT revision FROM revision_counters WHERE scope = ?1")
                .setParameter(1, scope).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** Current revisions of many scopes in one round trip; unknown scopes are absent. */
    public java.util.Map<String, Long> currentMany(java.util.Collection<String> scopes) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        List<String> all = List.copyOf(scopes);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            StringBuilder sql = new StringBuilder("SELECT scope, revision FROM revision_counters WHERE scope IN (");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?").append(i + 1);
            }
            jakarta.persistence.Query q = em.createNativeQuery(sql.append(')').toString());
            for (int i = 0; i < chunk.size(); i++) {
                q.setParameter(i + 1, chunk.get(i));
            }
            for (Object row : q.getResultList()) {
                Object[] cols = (Object[]) row;
                out.put((String) cols[0], ((Number) cols[1]).longValue());
            }
        }
        return out;
    }

    public boolean exists(String scope) {
        return !em.createNativeQuery("SELECT revision FROM revision_counters WHERE scope = ?1")
                .setParameter(1, scope).getResultList().isEmpty();
    }

    /**
     * Every event logged at or after a time, whichever node wrote it; used to push other nodes'
     * changes to this node's sockets. The caller's sequencer drops what it has already sent.
     */
    public List<Revisioned> loggedSince(long epochMillis, int max) {
        List<EventLogEntity> rows = em.createNamedQuery("EventLog.loggedSince", EventLogEntity.class)
                .setParameter("since", epochMillis).setMaxResults(max).getResultList();
        return rows.stream().map(EventLog::toRevisioned).toList();
    }

    /** Logged events after {@code since}, oldest first. */
    public List<Revisioned> since(String scope, long since) {
        List<EventLogEntity> rows = em.createNamedQuery("EventLog.since", EventLogEntity.class)
                .setParameter("scope", scope).setParameter("since", since).getResultList();
        return rows.stream().map(EventLog::toRevisioned).toList();
    }

    private static Revisioned toRevisioned(EventLogEntity r) {
        Set<String> surfaces = r.surfaces.isEmpty() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(r.surfaces.split(",")));
        return new Revisioned(r.scope, r.revision, r.eventType, surfaces, r.payload);
    }

    /** What a subscriber of a session surface must be sent, read in one transaction. */
    public Replay.Decision replaySession(String sessionId, String surface, Long since) {
        String scope = Scope.session(sessionId);
        long current = current(scope);
        List<Revisioned> logged = since == null || since >= current ? List.of() : since(scope, since);
        return Replay.forSession(surface, since, current, logged);
    }

    /** A scope whose every event is its subscribers' frame (the missions): exact replay when the log has it. */
    public Replay.Decision replayScope(String scope, Long since) {
        long current = current(scope);
        List<Revisioned> logged = since == null || since >= current ? List.of() : since(scope, since);
        return Replay.forScope(since, current, logged);
    }

    public Replay.Decision replayList(Long since) {
        return Replay.forList(since, current(Scope.SESSIONS));
    }

    /** Drops events older than the retention window. */
    public int pruneOlderThan(long cutoffMillis) {
        return em.createNativeQuery("DELETE FROM event_log WHERE created_at < ?1")
                .setParameter(1, cutoffMillis).executeUpdate();
    }
}
