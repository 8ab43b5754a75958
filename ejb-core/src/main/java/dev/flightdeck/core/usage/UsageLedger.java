package dev.flightdeck.core.usage;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.session.SessionRules;
import dev.flightdeck.core.time.Times;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The usage routes (contract §1.11), read from the ledger's rollup (usage_rollup, V13) for the whole
 * quarter hours of a range and from the per-turn ledger (usage_turns) for the partial quarter hours at its
 * edges ({@link UsageBuckets}), so the sums are the ledger's exactly while a year's range reads tens of
 * thousands of rollup rows instead of every turn. Direct sessions only: a mission's sessions are the
 * mission's spend and are left out, as in OrbitDock.
 */
@Stateless
public class UsageLedger {
    public static final Set<String> GROUP_BY = Set.of("provider", "model", "session", "day");
    public static final int SESSIONS_LIMIT_DEFAULT = 50;
    public static final int SESSIONS_LIMIT_MAX = 500;
    /** One source row: a turn of the ledger or a rollup row, with the columns every route sums. */
    static final String LEDGER_PART = "SELECT observed_at AS at_ms, provider, model_family, session_id, "
            + "CAST(1 AS BIGINT) AS turns, input_tokens, output_tokens, cache_read_tokens, cache_creation_tokens, "
            + "estimated_cost_usd, reported_cost_usd, observed_at AS last_at FROM usage_turns WHERE direct = TRUE";
    static final String ROLLUP_PART = "SELECT bucket_start * 1000 AS at_ms, provider, model_family, session_id, "
            + "turn_count AS turns, input_tokens, output_tokens, cache_read_tokens, cache_creation_tokens, "
            + "estimated_cost_usd, reported_cost_usd, last_observed_at AS last_at FROM usage_rollup WHERE direct = TRUE";
    static final String SUMS = "COALESCE(SUM(turns), 0), COUNT(DISTINCT session_id), COALESCE(SUM(input_tokens), 0), "
            + "COALESCE(SUM(output_tokens), 0), COALESCE(SUM(cache_read_tokens), 0), "
            + "COALESCE(SUM(cache_creation_tokens), 0), COALESCE(SUM(estimated_cost_usd), 0), SUM(reported_cost_usd)";
    /** Days since 100,000 days before the anchor: positive for any turn, so integer division floors. */
    static final long DAY_BIAS = 100_000;

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    public UsageWire.UsageSummary summary(long todayStart) {
        return new UsageWire.UsageSummary(bucket(UsageRange.day(todayStart)), bucket(UsageRange.Millis.ALL));
    }

    public UsageWire.Breakdown breakdown(String groupBy, Long startUnix, Long endUnix, long dayAnchor) {
        if (!GROUP_BY.contains(groupBy)) {
            throw ApiException.invalidField("group_by", "must be provider, model, session or day");
        }
        UsageRange.Millis range = UsageRange.between("start_unix", startUnix, "end_unix", endUnix);
        List<UsageTally.GroupRow> rows = grouped(groupBy, range, dayAnchor);
        return new UsageWire.Breakdown(groupBy, startUnix, endUnix, UsageTally.totals(rows, distinct(range)),
                UsageTally.groups(groupBy, rows));
    }

    public UsageWire.Overview overview(long todayStart, Long rangeStart, Long rangeEnd) {
        UsageRange.Millis days = UsageRange.overviewDays(todayStart, rangeStart, rangeEnd);
        UsageRange.Millis today = UsageRange.day(todayStart);
        return new UsageWire.Overview(todayStart, summary(todayStart),
                UsageTally.groups("provider", grouped("provider", today, todayStart)),
                UsageTally.groups("model", grouped("model", today, todayStart)),
                UsageTally.groups("day", grouped("day", days, todayStart)));
    }

    /**
     * Direct sessions with turns in the range, newest use first. A session wholly inside the range is its
     * running total (usage_session_totals, V14), read in index order a page at a time; only the sessions
     * with turns on both sides of a bound are summed over the range from the rollup and the ledger, and
     * {@link SessionPage} merges the two.
     */
    public UsageWire.Sessions sessions(Long startUnix, Long endUnix, int limit, int offset) {
        UsageRange.Millis range = UsageRange.between("start_unix", startUnix, "end_unix", endUnix);
        List<SessionPage.Ranked> straddlers = straddlers(range);
        List<Long> bounds = new ArrayList<>();
        StringBuilder inside = new StringBuilder(" WHERE direct = TRUE");
        if (range.from() != null) {
            bounds.add(range.from());
            inside.append(" AND first_observed_at >= ?").append(bounds.size());
        }
        if (range.to() != null) {
            bounds.add(range.to());
            inside.append(" AND last_observed_at < ?").append(bounds.size());
        }
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM usage_session_totals" + inside);
        long total = num(bindAll(count, bounds).getSingleResult()) + straddlers.size();
        int windowStart = SessionPage.windowStart(offset, straddlers.size());
        Query q = em.createNativeQuery("SELECT session_id, provider, turn_count, 1, input_tokens, output_tokens, "
                + "cache_read_tokens, cache_creation_tokens, estimated_cost_usd, reported_cost_usd, last_observed_at "
                + "FROM usage_session_totals" + inside + " ORDER BY last_observed_at DESC, session_id");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bindAll(q, bounds).setFirstResult(windowStart)
                .setMaxResults(SessionPage.windowLength(offset, limit, straddlers.size())).getResultList();
        List<SessionPage.Ranked> window = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            window.add(new SessionPage.Ranked(row(r, 2, (String) r[1], null, (String) r[0], null), num(r[10])));
        }
        List<SessionPage.Ranked> page = SessionPage.page(offset, limit, windowStart, window, straddlers);
        List<String> ids = page.stream().map(r -> r.row().sessionId()).toList();
        Map<String, SessionEntity> byId = ids.isEmpty() ? Map.of()
                : em.createQuery("SELECT s FROM SessionEntity s WHERE s.id IN :ids", SessionEntity.class)
                        .setParameter("ids", ids).getResultList().stream()
                        .collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<UsageWire.SessionUsage> out = new ArrayList<>();
        for (SessionPage.Ranked ranked : page) {
            UsageTally.GroupRow g = ranked.row();
            SessionEntity s = byId.get(g.sessionId());
            UsageWire.Tokens tokens = UsageWire.Tokens.of(g.inputTokens(), g.outputTokens(), g.cacheReadTokens(),
                    g.cacheCreationTokens());
            double cost = UsageTally.round(g.costUsd());
            Double reported = UsageTally.roundOrNull(g.reportedCostUsd());
            if (s == null) {
                out.add(new UsageWire.SessionUsage(g.sessionId(), g.provider(), g.sessionId(), null, null, null, null,
                        null, Times.iso(ranked.lastAt()), cost, reported, tokens, g.turnCount()));
            } else {
                out.add(new UsageWire.SessionUsage(s.id, s.provider, SessionRules.displayTitle(s.customName, s.summary,
                        s.firstPrompt, s.projectName, s.projectPath), SessionRules.contextLine(s.summary, s.firstPrompt,
                        s.lastMessage), s.projectName, s.projectPath, s.model, Times.iso(s.startedAt),
                        Times.iso(s.lastActivityAt), cost, reported, tokens, g.turnCount()));
            }
        }
        Integer next = offset + page.size() < total ? offset + page.size() : null;
        return new UsageWire.Sessions(next, total, out);
    }

    /** Ids per query when summing straddlers, well under any driver's parameter limit. */
    static final int STRADDLER_CHUNK = 500;

    /**
     * The direct sessions with turns both inside the range and outside it (across either bound), summed
     * over the range only; a straddler whose turns in the range are none (a gap over the whole range) is
     * left out, as a GROUP BY over the range would.
     */
    private List<SessionPage.Ranked> straddlers(UsageRange.Millis range) {
        Long from = range.from();
        Long to = range.to();
        if (from == null && to == null) {
            return List.of();
        }
        String cond;
        List<Long> bounds = new ArrayList<>();
        if (from != null && to != null) {
            bounds.add(to);
            bounds.add(from);
            cond = "first_observed_at < ?1 AND last_observed_at >= ?2 AND (first_observed_at < ?2 OR last_observed_at >= ?1)";
        } else if (from != null) {
            bounds.add(from);
            cond = "first_observed_at < ?1 AND last_observed_at >= ?1";
        } else {
            bounds.add(to);
            cond = "first_observed_at < ?1 AND last_observed_at >= ?1";
        }
        @SuppressWarnings("unchecked")
        List<String> ids = bindAll(em.createNativeQuery("SELECT session_id FROM usage_session_totals WHERE direct = TRUE "
                + "AND " + cond), bounds).getResultList();
        List<SessionPage.Ranked> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i += STRADDLER_CHUNK) {
            Source src = Source.of(UsageBuckets.split(range), ids.subList(i, Math.min(ids.size(), i + STRADDLER_CHUNK)));
            @SuppressWarnings("unchecked")
            List<Object[]> rows = src.bind(em.createNativeQuery("SELECT session_id, provider, " + SUMS + ", MAX(last_at) "
                    + "FROM " + src.sql() + " GROUP BY session_id, provider")).getResultList();
            for (Object[] r : rows) {
                out.add(new SessionPage.Ranked(row(r, 2, (String) r[1], null, (String) r[0], null), num(r[10])));
            }
        }
        return out;
    }

    private static Query bindAll(Query q, List<Long> params) {
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q;
    }

    private UsageWire.Bucket bucket(UsageRange.Millis range) {
        return UsageTally.bucket(grouped("model", range, 0), distinct(range));
    }

    private long distinct(UsageRange.Millis range) {
        Source src = Source.of(UsageBuckets.split(range));
        return num(src.bind(em.createNativeQuery("SELECT COUNT(DISTINCT session_id) FROM " + src.sql()))
                .getSingleResult());
    }

    /** One GROUP BY over the range; the day expression is built from a parsed long, never from text. */
    private List<UsageTally.GroupRow> grouped(String groupBy, UsageRange.Millis range, long dayAnchor) {
        long anchorMs = dayAnchor * 1000;
        String day = "((at_ms - " + anchorMs + ") + " + DAY_BIAS * UsageRange.DAY_SECONDS * 1000 + ") / "
                + UsageRange.DAY_SECONDS * 1000;
        String keys = switch (groupBy) {
            case "provider" -> "provider";
            case "model" -> "model_family";
            case "session" -> "session_id, provider";
            default -> day;
        };
        int width = "session".equals(groupBy) ? 2 : 1;
        @SuppressWarnings("unchecked")
        // A rollup row sits wholly in one day only when days start on bucket edges; other anchors read turns.
        Source src = Source.of("day".equals(groupBy) && !UsageBuckets.dayAligned(dayAnchor)
                ? UsageBuckets.ledgerOnly(range) : UsageBuckets.split(range));
        List<Object[]> rows = src.bind(em.createNativeQuery("SELECT " + keys + ", " + SUMS + " FROM " + src.sql()
                + " GROUP BY " + keys)).getResultList();
        List<UsageTally.GroupRow> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(switch (groupBy) {
                case "provider" -> row(r, width, (String) r[0], null, null, null);
                case "model" -> row(r, width, null, (String) r[0], null, null);
                case "session" -> row(r, width, (String) r[1], null, (String) r[0], null);
                default -> row(r, width, null, null, null,
                        dayAnchor + (num(r[0]) - DAY_BIAS) * UsageRange.DAY_SECONDS);
            });
        }
        return out;
    }

    private static UsageTally.GroupRow row(Object[] r, int at, String provider, String model, String sessionId,
                                           Long day) {
        return new UsageTally.GroupRow(provider, model, sessionId, day, num(r[at]), num(r[at + 1]), num(r[at + 2]),
                num(r[at + 3]), num(r[at + 4]), num(r[at + 5]), ((Number) r[at + 6]).doubleValue(),
                r[at + 7] == null ? null : ((Number) r[at + 7]).doubleValue());
    }

    /**
     * The derived table a query sums over: the rollup's whole buckets and the ledger's edges, UNION ALL,
     * with their bounds as positional parameters (numbers only, never text in the SQL).
     */
    record Source(String sql, List<Object> params) {
        static Source of(UsageBuckets.Parts parts) {
            return of(parts, List.of());
        }

        /** Only the given sessions' rows when {@code sessions} is not empty (each id a parameter). */
        static Source of(UsageBuckets.Parts parts, List<String> sessions) {
            List<String> sql = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            for (UsageRange.Millis m : parts.ledger()) {
                sql.add(LEDGER_PART + bounds("observed_at", m.from(), m.to(), 1, params) + only(sessions, params));
            }
            if (parts.rollup() != null) {
                UsageRange.Millis r = parts.rollup();
                sql.add(ROLLUP_PART + bounds("bucket_start", r.from(), r.to(), 1000, params) + only(sessions, params));
            }
            return new Source("(" + String.join(" UNION ALL ", sql) + ") u", params);
        }

        private static String only(List<String> sessions, List<Object> params) {
            if (sessions.isEmpty()) {
                return "";
            }
            StringBuilder b = new StringBuilder(" AND session_id IN (");
            for (int i = 0; i < sessions.size(); i++) {
                params.add(sessions.get(i));
                b.append(i == 0 ? "?" : ", ?").append(params.size());
            }
            return b.append(')').toString();
        }

        private static String bounds(String column, Long from, Long to, long perUnit, List<Object> params) {
            StringBuilder b = new StringBuilder();
            if (from != null) {
                params.add(from / perUnit);
                b.append(" AND ").append(column).append(" >= ?").append(params.size());
            }
            if (to != null) {
                params.add(to / perUnit);
                b.append(" AND ").append(column).append(" < ?").append(params.size());
            }
            return b.toString();
        }

        Query bind(Query q) {
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
            return q;
        }
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
