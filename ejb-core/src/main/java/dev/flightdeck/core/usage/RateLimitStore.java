package dev.flightdeck.core.usage;

import dev.flightdeck.persistence.usage.RateLimitEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;

/**
 * The newest rate-limit windows per provider, kept in the database so every node of a cluster answers
 * what any node's CLI reported, and a restart does not forget them.
 */
@Stateless
public class RateLimitStore {
    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    /**
     * Merges one report into the provider's windows. Its own short transaction: the caller holds a
     * session's lock, and the provider's row is shared by every session of that provider.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String provider, JsonObject report, long now) {
        RateLimitEntity e = em.find(RateLimitEntity.class, provider, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            return;
        }
        e.windowsJson = RateLimitReports.merge(provider, parse(e.windowsJson), report, now).toString();
        e.fetchedAt = now;
    }

    public UsageWire.RateLimitUsage read(String provider) {
        RateLimitEntity e = em.find(RateLimitEntity.class, provider);
        JsonObject usage = e == null ? null : parse(e.windowsJson);
        if (usage == null) {
            String cli = "codex".equals(provider) ? "Codex" : "Claude Code";
            return new UsageWire.RateLimitUsage(null, new UsageWire.ErrorInfo("rate_limits_not_reported",
                    cli + " has not reported rate limits yet: it reports them with a model response of a session"
                            + " this server runs"));
        }
        return new UsageWire.RateLimitUsage(usage, null);
    }

    private static JsonObject parse(String json) {
        if (json == null) {
            return null;
        }
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }
}
