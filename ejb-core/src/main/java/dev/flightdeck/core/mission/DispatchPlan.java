package dev.flightdeck.core.mission;

import dev.flightdeck.core.mission.config.MissionConfig;
import dev.flightdeck.core.mission.machine.IssueState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which issues a poll dispatches, in what order, with which provider. Pure.
 *
 * <p>Order (contract §4): this poll's tracker candidates by priority (none last), creation and
 * identifier; then issues queued by hand, oldest first; then retries that are due. Only queued and
 * due retry_queued issues are ever picked: failed, blocked and completed ones wait for a person.
 * An issue is held back while a blocker is open, its tracker state is terminal, or a cap is full:
 * max_concurrent, and Flightdeck's caps by tracker state and by label.
 */
public final class DispatchPlan {
    private DispatchPlan() {
    }

    /** One tracked issue as the planner sees it. */
    public record Row(String id, IssueState state, String provider, Integer priority, long trackerCreatedAt,
                      long createdAt, String identifier, String trackerState, boolean trackerTerminal,
                      List<String> labels, List<String> openBlockers, Long retryDueAt, boolean candidate) {
    }

    public record Pick(String id, String provider) {
    }

    static final Comparator<Row> TRACKER_ORDER = Comparator
            .comparing((Row r) -> r.priority() == null || r.priority() <= 0 ? Integer.MAX_VALUE : r.priority())
            .thenComparingLong(Row::trackerCreatedAt).thenComparing(Row::identifier);

    public static List<Pick> pick(List<Row> rows, MissionConfig c, long now) {
        List<Row> candidates = rows.stream().filter(r -> r.state() == IssueState.QUEUED && r.candidate())
                .sorted(TRACKER_ORDER).toList();
        List<Row> manual = rows.stream().filter(r -> r.state() == IssueState.QUEUED && !r.candidate())
                .sorted(Comparator.comparingLong(Row::createdAt).thenComparing(Row::identifier)).toList();
        List<Row> retries = rows.stream().filter(r -> r.state() == IssueState.RETRY_QUEUED && r.retryDueAt() != null
                        && r.retryDueAt() <= now)
                .sorted(Comparator.comparingLong(Row::retryDueAt).thenComparing(Row::identifier)).toList();
        List<Row> active = new ArrayList<>(rows.stream().filter(r -> r.state().active()).toList());
        List<Pick> picks = new ArrayList<>();
        for (List<Row> group : List.of(candidates, manual, retries)) {
            for (Row r : group) {
                if (!eligible(r) || !roomFor(r, active, c)) {
                    continue;
                }
                String provider = provider(c.provider(), active);
                picks.add(new Pick(r.id(), provider));
                active.add(new Row(r.id(), IssueState.CLAIMED, provider, r.priority(), r.trackerCreatedAt(),
                        r.createdAt(), r.identifier(), r.trackerState(), false, r.labels(), List.of(), null, false));
            }
        }
        return picks;
    }

    static boolean eligible(Row r) {
        return !r.trackerTerminal() && r.openBlockers().isEmpty();
    }

    static boolean roomFor(Row r, List<Row> active, MissionConfig c) {
        if (active.size() >= c.provider().maxConcurrent()) {
            return false;
        }
        for (Map.Entry<String, Integer> cap : c.concurrency().byState().entrySet()) {
            if (cap.getKey().equalsIgnoreCase(r.trackerState())
                    && active.stream().filter(a -> cap.getKey().equalsIgnoreCase(a.trackerState())).count() >= cap.getValue()) {
                return false;
            }
        }
        Set<String> labels = lower(r.labels());
        for (Map.Entry<String, Integer> cap : c.concurrency().byLabel().entrySet()) {
            String label = cap.getKey().toLowerCase(Locale.ROOT);
            if (labels.contains(label)
                    && active.stream().filter(a -> lower(a.labels()).contains(label)).count() >= cap.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * single: the primary. priority: the secondary once the primary runs max_concurrent_primary issues.
     * round_robin: whichever provider runs fewer issues now, the primary on a tie.
     */
    static String provider(MissionConfig.Provider p, List<Row> active) {
        String secondary = p.secondary() == null || p.secondary().isBlank() ? null : p.secondary();
        if (secondary == null || "single".equals(p.strategy())) {
            return p.primary();
        }
        long primaryActive = active.stream().filter(a -> p.primary().equals(a.provider())).count();
        if ("priority".equals(p.strategy())) {
            Integer cap = p.maxConcurrentPrimary();
            return cap != null && primaryActive >= cap ? secondary : p.primary();
        }
        if ("round_robin".equals(p.strategy())) {
            long secondaryActive = active.stream().filter(a -> secondary.equals(a.provider())).count();
            return secondaryActive < primaryActive ? secondary : p.primary();
        }
        return p.primary();
    }

    private static Set<String> lower(List<String> values) {
        return Set.copyOf(values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
    }
}
