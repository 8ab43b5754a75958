package dev.flightdeck.core.mission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.mission.config.MissionConfig;
import dev.flightdeck.core.mission.machine.IssueState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchPlanTest {
    static final long NOW = 1_000_000;

    static DispatchPlan.Row row(String id, IssueState state, Integer priority, long trackerCreated, boolean candidate) {
        return new DispatchPlan.Row(id, state, state.active() ? "claude" : null, priority, trackerCreated, trackerCreated, id,
                "Todo", false, List.of(), List.of(), null, candidate);
    }

    static MissionConfig config(int maxConcurrent) {
        return new MissionConfig("linear", new MissionConfig.Provider("single", "claude", null, maxConcurrent, null),
                null, null, null, null, null, null);
    }

    static List<String> ids(List<DispatchPlan.Pick> picks) {
        return picks.stream().map(DispatchPlan.Pick::id).toList();
    }

    @Test
    void priorityOrdersCandidatesAndNoPrioritySortsLast() {
        List<DispatchPlan.Row> rows = List.of(row("none", IssueState.QUEUED, null, 1, true),
                row("zero", IssueState.QUEUED, 0, 2, true), row("low", IssueState.QUEUED, 4, 3, true),
                row("urgent", IssueState.QUEUED, 1, 9, true), row("urgent-older", IssueState.QUEUED, 1, 5, true));
        assertThat(ids(DispatchPlan.pick(rows, config(10), NOW)))
                .containsExactly("urgent-older", "urgent", "low", "none", "zero");
    }

    @Test
    void candidatesThenHandQueuedThenDueRetriesWhileThereIsRoom() {
        List<DispatchPlan.Row> rows = new ArrayList<>(List.of(row("running", IssueState.RUNNING, 1, 1, true),
                row("by-hand", IssueState.QUEUED, 1, 2, false), row("candidate", IssueState.QUEUED, 3, 3, true)));
        rows.add(new DispatchPlan.Row("due", IssueState.RETRY_QUEUED, null, 1, 1, 1, "due", "Todo", false, List.of(),
                List.of(), NOW - 1, true));
        rows.add(new DispatchPlan.Row("later", IssueState.RETRY_QUEUED, null, 1, 1, 1, "later", "Todo", false, List.of(),
                List.of(), NOW + 1, true));
        assertThat(ids(DispatchPlan.pick(rows, config(10), NOW))).containsExactly("candidate", "by-hand", "due");
        assertThat(ids(DispatchPlan.pick(rows, config(3), NOW))).containsExactly("candidate", "by-hand");
        assertThat(DispatchPlan.pick(rows, config(1), NOW)).isEmpty();
    }

    @Test
    void settledIssuesAndHeldIssuesAreNeverPicked() {
        List<DispatchPlan.Row> rows = new ArrayList<>();
        for (IssueState s : List.of(IssueState.COMPLETED, IssueState.FAILED, IssueState.BLOCKED)) {
            rows.add(row(s.wire(), s, 1, 1, true));
        }
        rows.add(new DispatchPlan.Row("blocked-by", IssueState.QUEUED, null, 1, 1, 1, "blocked-by", "Todo", false, List.of(),
                List.of("ENG-1"), null, true));
        rows.add(new DispatchPlan.Row("done", IssueState.QUEUED, null, 1, 1, 1, "done", "Done", true, List.of(), List.of(),
                null, true));
        assertThat(DispatchPlan.pick(rows, config(10), NOW)).isEmpty();
    }

    @Test
    void capsByStateAndLabelHold() {
        MissionConfig c = new MissionConfig("linear", new MissionConfig.Provider("single", "claude", null, 10, null), null,
                null, null, null, null, new MissionConfig.Concurrency(Map.of("todo", 1), Map.of("Big", 1)));
        List<DispatchPlan.Row> rows = List.of(
                new DispatchPlan.Row("a", IssueState.QUEUED, null, 1, 1, 1, "a", "Todo", false, List.of(), List.of(), null, true),
                new DispatchPlan.Row("b", IssueState.QUEUED, null, 1, 2, 2, "b", "Todo", false, List.of(), List.of(), null, true),
                new DispatchPlan.Row("c", IssueState.QUEUED, null, 1, 3, 3, "c", "Doing", false, List.of("big"), List.of(), null, true),
                new DispatchPlan.Row("d", IssueState.QUEUED, null, 1, 4, 4, "d", "Doing", false, List.of("BIG"), List.of(), null, true));
        assertThat(ids(DispatchPlan.pick(rows, c, NOW))).containsExactly("a", "c");
    }

    @Test
    void providersFollowTheStrategy() {
        List<DispatchPlan.Row> active = List.of(row("x", IssueState.RUNNING, 1, 1, true));
        assertThat(DispatchPlan.provider(new MissionConfig.Provider("single", "claude", "codex", 3, null), active))
                .isEqualTo("claude");
        assertThat(DispatchPlan.provider(new MissionConfig.Provider("priority", "claude", "codex", 3, 1), active))
                .isEqualTo("codex");
        assertThat(DispatchPlan.provider(new MissionConfig.Provider("priority", "claude", "codex", 3, 2), active))
                .isEqualTo("claude");
        assertThat(DispatchPlan.provider(new MissionConfig.Provider("round_robin", "claude", "codex", 3, null), active))
                .isEqualTo("codex");
        assertThat(DispatchPlan.provider(new MissionConfig.Provider("round_robin", "claude", "codex", 3, null), List.of()))
                .isEqualTo("claude");
        List<DispatchPlan.Row> four = List.of(row("1", IssueState.QUEUED, 1, 1, true), row("2", IssueState.QUEUED, 1, 2, true),
                row("3", IssueState.QUEUED, 1, 3, true), row("4", IssueState.QUEUED, 1, 4, true));
        MissionConfig rr = new MissionConfig("linear", new MissionConfig.Provider("round_robin", "claude", "codex", 4, null),
                null, null, null, null, null, null);
        assertThat(DispatchPlan.pick(four, rr, NOW)).extracting(DispatchPlan.Pick::provider)
                .containsExactly("claude", "codex", "claude", "codex");
    }
}
