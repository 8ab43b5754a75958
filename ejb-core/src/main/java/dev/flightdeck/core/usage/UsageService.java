package dev.flightdeck.core.usage;

import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.time.Times;
import dev.flightdeck.persistence.session.SessionEntity;
import dev.flightdeck.persistence.usage.UsageTurnEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Per-turn usage: recorded from the connector's usage events, priced, and paged back. */
@Stateless
public class UsageService {
    public static final int LIMIT_DEFAULT = 100;
    public static final int LIMIT_MAX = 500;

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    /** Where the agent's conversation stood when this turn completed; null if it never reported it. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String resumeRef(String sessionId, String turnId) {
        List<String> refs = em.createQuery("SELECT t.resumeRef FROM UsageTurnEntity t WHERE t.sessionId = :s "
                + "AND t.turnId = :t", String.class).setParameter("s", sessionId).setParameter("t", turnId).getResultList();
        return refs.isEmpty() ? null : refs.get(0);
    }

    /** Records a completed turn's usage and adds it to the session's totals. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public UsageTurnEntity record(SessionEntity s, String turnId, AgentEvent.TurnUsage u, long now) {
        String model = u.model() != null ? u.model() : s.model;
        Pricing.Estimate estimate = Pricing.estimate(model, u.inputTokens(), u.outputTokens(), u.cacheReadTokens(),
                u.cacheCreationTokens());
        UsageTurnEntity t = new UsageTurnEntity();
        t.sessionId = s.id;
        t.turnSeq = s.turnSeq;
        t.turnId = turnId;
        t.provider = s.provider;
        t.model = model;
        t.inputTokens = u.inputTokens();
        t.outputTokens = u.outputTokens();
        t.cacheReadTokens = u.cacheReadTokens();
        t.cacheCreationTokens = u.cacheCreationTokens();
        t.contextWindow = u.contextWindow();
        t.estimatedCostUsd = estimate.costUsd();
        t.reportedCostUsd = u.reportedCostUsd();
        t.rawUsage = u.raw() == null ? null : u.raw().toString();
        t.observedAt = now;
        t.snapshotKind = u.snapshotKind() == null ? AgentEvent.TurnUsage.CONTEXT_TURN : u.snapshotKind();
        t.modelFamily = UsageModels.family(model);
        t.direct = s.missionId == null;
        Pricing.Rates r = estimate.rates();
        t.pricingSource = Pricing.SOURCE;
        t.pricingVersion = Pricing.VERSION;
        t.pricingModelKey = r.modelKey();
        t.inputPerMtok = r.input();
        t.outputPerMtok = r.output();
        t.cacheReadPerMtok = r.cacheRead();
        t.cacheWritePerMtok = r.cacheWrite();
        if (em.find(UsageTurnEntity.class, new dev.flightdeck.persistence.usage.UsageTurnKey(s.id, s.turnSeq)) != null) {
            // A turn reports once; a second result for the same turn (a resumed process) is not billed twice.
            return t;
        }
        em.persist(t);
        addToRollup(t);
        addToSessionTotal(t);
        s.inputTokens += u.inputTokens();
        s.outputTokens += u.outputTokens();
        s.cachedTokens += u.cacheReadTokens();
        s.contextWindow = Math.max(s.contextWindow, u.contextWindow());
        s.totalCostUsd += estimate.costUsd();
        // The session's figures are its turns' sums: lifetime totals, unless this turn compacted the context.
        s.usageSnapshotKind = AgentEvent.TurnUsage.COMPACTION_RESET.equals(t.snapshotKind)
                ? AgentEvent.TurnUsage.COMPACTION_RESET : AgentEvent.TurnUsage.LIFETIME_TOTALS;
        return t;
    }

    /**
     * Adds a recorded turn to its rollup row (V13), in the turn's transaction, so the usage routes' sums
     * over the rollup always equal the ledger's. Update first, insert when there was no row: the row's key
     * holds the session, and the caller holds the session's row lock (SessionService.lock) while it
     * records, so no other transaction can insert the same key between the two statements; a retry on a
     * duplicate key would also not work on PostgreSQL, where a failed statement aborts the transaction.
     */
    private void addToRollup(UsageTurnEntity t) {
        long bucket = UsageBuckets.bucketStart(t.observedAt);
        String reported = t.reportedCostUsd == null ? ""
                : ", reported_cost_usd = COALESCE(reported_cost_usd, 0) + ?6";
        jakarta.persistence.Query update = em.createNativeQuery("UPDATE usage_rollup SET turn_count = turn_count + 1, "
                        + "input_tokens = input_tokens + ?1, output_tokens = output_tokens + ?2, "
                        + "cache_read_tokens = cache_read_tokens + ?3, cache_creation_tokens = cache_creation_tokens + ?4, "
                        + "estimated_cost_usd = estimated_cost_usd + ?5" + reported
                        + ", last_observed_at = GREATEST(last_observed_at, ?7) WHERE bucket_start = ?8 AND session_id = ?9 "
                        + "AND provider = ?10 AND model_family = ?11 AND direct = ?12")
                .setParameter(1, t.inputTokens).setParameter(2, t.outputTokens).setParameter(3, t.cacheReadTokens)
                .setParameter(4, t.cacheCreationTokens).setParameter(5, t.estimatedCostUsd)
                .setParameter(7, t.observedAt).setParameter(8, bucket).setParameter(9, t.sessionId)
                .setParameter(10, t.provider).setParameter(11, t.modelFamily).setParameter(12, t.direct);
        if (t.reportedCostUsd != null) {
            update.setParameter(6, t.reportedCostUsd);
        }
        if (update.executeUpdate() > 0) {
            return;
        }
        jakarta.persistence.Query insert = em.createNativeQuery("INSERT INTO usage_rollup (bucket_start, session_id, "
                        + "provider, model_family, direct, turn_count, input_tokens, output_tokens, cache_read_tokens, "
                        + "cache_creation_tokens, estimated_cost_usd, reported_cost_usd, last_observed_at) VALUES "
                        + "(?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9, ?10, " + (t.reportedCostUsd == null ? "NULL" : "?11")
                        + ", ?12)")
                .setParameter(1, bucket).setParameter(2, t.sessionId).setParameter(3, t.provider)
                .setParameter(4, t.modelFamily).setParameter(5, t.direct).setParameter(6, t.inputTokens)
                .setParameter(7, t.outputTokens).setParameter(8, t.cacheReadTokens).setParameter(9, t.cacheCreationTokens)
                .setParameter(10, t.estimatedCostUsd).setParameter(12, t.observedAt);
        if (t.reportedCostUsd != null) {
            insert.setParameter(11, t.reportedCostUsd);
        }
        insert.executeUpdate();
    }

    /**
     * Adds a recorded turn to its session's running total (V14), in the turn's transaction, so the total
     * always equals the session's ledger rows. Update first, insert when there was no row, for the reason
     * {@link #addToRollup} gives: the caller holds the session's row lock.
     */
    private void addToSessionTotal(UsageTurnEntity t) {
        String reported = t.reportedCostUsd == null ? ""
                : ", reported_cost_usd = COALESCE(reported_cost_usd, 0) + ?6";
        jakarta.persistence.Query update = em.createNativeQuery("UPDATE usage_session_totals SET turn_count = "
                        + "turn_count + 1, input_tokens = input_tokens + ?1, output_tokens = output_tokens + ?2, "
                        + "cache_read_tokens = cache_read_tokens + ?3, cache_creation_tokens = cache_creation_tokens + ?4, "
                        + "estimated_cost_usd = estimated_cost_usd + ?5" + reported
                        + ", first_observed_at = LEAST(first_observed_at, ?7), "
                        + "last_observed_at = GREATEST(last_observed_at, ?7) WHERE session_id = ?8")
                .setParameter(1, t.inputTokens).setParameter(2, t.outputTokens).setParameter(3, t.cacheReadTokens)
                .setParameter(4, t.cacheCreationTokens).setParameter(5, t.estimatedCostUsd)
                .setParameter(7, t.observedAt).setParameter(8, t.sessionId);
        if (t.reportedCostUsd != null) {
            update.setParameter(6, t.reportedCostUsd);
        }
        if (update.executeUpdate() > 0) {
            return;
        }
        jakarta.persistence.Query insert = em.createNativeQuery("INSERT INTO usage_session_totals (session_id, "
                        + "provider, direct, turn_count, input_tokens, output_tokens, cache_read_tokens, "
                        + "cache_creation_tokens, estimated_cost_usd, reported_cost_usd, first_observed_at, "
                        + "last_observed_at) VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8, "
                        + (t.reportedCostUsd == null ? "NULL" : "?9") + ", ?10, ?10)")
                .setParameter(1, t.sessionId).setParameter(2, t.provider).setParameter(3, t.direct)
                .setParameter(4, t.inputTokens).setParameter(5, t.outputTokens).setParameter(6, t.cacheReadTokens)
                .setParameter(7, t.cacheCreationTokens).setParameter(8, t.estimatedCostUsd)
                .setParameter(10, t.observedAt);
        if (t.reportedCostUsd != null) {
            insert.setParameter(9, t.reportedCostUsd);
        }
        insert.executeUpdate();
    }

    public UsageWire.Turns turns(String sessionId, int limit, Integer beforeTurnSeq) {
        SessionEntity s = em.find(SessionEntity.class, sessionId);
        if (s == null) {
            throw ErrorCode.NOT_FOUND.error("no session " + sessionId);
        }
        int before = beforeTurnSeq == null ? Integer.MAX_VALUE : beforeTurnSeq;
        List<UsageTurnEntity> page = em.createQuery("SELECT t FROM UsageTurnEntity t WHERE t.sessionId = :s AND t.turnSeq < :b "
                        + "ORDER BY t.turnSeq DESC", UsageTurnEntity.class)
                .setParameter("s", sessionId).setParameter("b", before).setMaxResults(limit + 1).getResultList();
        boolean more = page.size() > limit;
        List<UsageTurnEntity> rows = new ArrayList<>(more ? page.subList(0, limit) : page);
        Collections.reverse(rows);
        Object[] sums = em.createQuery("SELECT COUNT(t), SUM(t.inputTokens), SUM(t.outputTokens), SUM(t.cacheReadTokens), "
                        + "SUM(t.cacheCreationTokens), SUM(t.estimatedCostUsd) FROM UsageTurnEntity t WHERE t.sessionId = :s",
                        Object[].class)
                .setParameter("s", sessionId).getSingleResult();
        UsageWire.Summary summary = new UsageWire.Summary(num(sums[1]), num(sums[2]), num(sums[3]), num(sums[4]),
                sums[5] == null ? 0 : ((Number) sums[5]).doubleValue());
        return new UsageWire.Turns(sessionId, num(sums[0]), more, rows.isEmpty() ? null : rows.get(0).turnSeq,
                rows.isEmpty() ? null : rows.get(rows.size() - 1).turnSeq, summary,
                rows.stream().map(UsageService::row).toList());
    }

    static UsageWire.TurnRow row(UsageTurnEntity t) {
        // Rows priced before the ledger kept its rates (V8) are shown with today's table.
        Pricing.Rates r = t.pricingVersion == null ? Pricing.ratesFor(t.model)
                : new Pricing.Rates(t.pricingModelKey, nz(t.inputPerMtok), nz(t.outputPerMtok),
                        nz(t.cacheReadPerMtok), nz(t.cacheWritePerMtok));
        jakarta.json.JsonObject raw = null;
        if (t.rawUsage != null) {
            try (var reader = jakarta.json.Json.createReader(new StringReader(t.rawUsage))) {
                raw = reader.readObject();
            }
        }
        return new UsageWire.TurnRow(t.turnId, t.turnSeq, t.provider, t.model, Times.iso(t.observedAt),
                t.snapshotKind == null ? AgentEvent.TurnUsage.CONTEXT_TURN : t.snapshotKind,
                raw, t.inputTokens, t.outputTokens, t.cacheReadTokens, t.cacheCreationTokens,
                t.inputTokens + t.cacheReadTokens + t.cacheCreationTokens, t.contextWindow, t.estimatedCostUsd,
                t.reportedCostUsd, new UsageWire.PricingInfo(
                t.pricingSource == null ? Pricing.SOURCE : t.pricingSource,
                t.pricingVersion == null ? Pricing.VERSION : t.pricingVersion, r.modelKey(), r.input(),
                r.output(), r.cacheRead(), r.cacheWrite()));
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
