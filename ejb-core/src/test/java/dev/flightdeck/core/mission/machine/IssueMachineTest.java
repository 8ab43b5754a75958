package dev.flightdeck.core.mission.machine;

import static dev.flightdeck.core.mission.machine.IssueState.BLOCKED;
import static dev.flightdeck.core.mission.machine.IssueState.CLAIMED;
import static dev.flightdeck.core.mission.machine.IssueState.COMPLETED;
import static dev.flightdeck.core.mission.machine.IssueState.FAILED;
import static dev.flightdeck.core.mission.machine.IssueState.PROVISIONING;
import static dev.flightdeck.core.mission.machine.IssueState.QUEUED;
import static dev.flightdeck.core.mission.machine.IssueState.RETRY_QUEUED;
import static dev.flightdeck.core.mission.machine.IssueState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IssueMachineTest {
    static final long NOW = 1_000_000L;
    static final IssuePolicy POLICY = new IssuePolicy(3, 2, 10_000, 300_000, "In Progress", "In Review");

    static IssueFacts in(IssueState state) {
        IssueFacts f = new IssueFacts();
        f.state = state;
        f.seed = 42;
        if (state.active()) {
            f.sessionId = state == CLAIMED ? null : "od-s";
            f.attempt = 1;
            f.attemptsTotal = 1;
            f.startedAt = NOW - 5_000;
        }
        return f;
    }

    static IssueDecision apply(IssueFacts f, IssueEvent e) {
        return IssueMachine.decide(f, e, POLICY, NOW);
    }

    /** Every event, by name, so the table below reads as a table. */
    static final Map<String, Supplier<IssueEvent>> EVENTS = Map.ofEntries(
            Map.entry("claimed", () -> new IssueEvent.Claimed("claude")),
            Map.entry("launched", () -> new IssueEvent.Launched("od-new")),
            Map.entry("dispatch_failed", () -> new IssueEvent.DispatchFailed("git worktree add failed")),
            Map.entry("run_crashed", () -> new IssueEvent.RunEnded(false, "agent exited 1")),
            Map.entry("run_clean", () -> new IssueEvent.RunEnded(true, null)),
            Map.entry("stalled", () -> new IssueEvent.Stalled(700)),
            Map.entry("budget", () -> new IssueEvent.BudgetExceeded("tokens 120000 > 100000")),
            Map.entry("tracker_done", () -> new IssueEvent.TrackerSeen("Done", true)),
            Map.entry("tracker_active", () -> new IssueEvent.TrackerSeen("In Progress", false)),
            Map.entry("status_review", () -> new IssueEvent.StatusSet("In Review", false)),
            Map.entry("status_other", () -> new IssueEvent.StatusSet("Needs QA", false)),
            Map.entry("pr", () -> new IssueEvent.PrLinked("https://example.test/pr/1")),
            Map.entry("agent_blocked", () -> new IssueEvent.ReportedBlocked("needs credentials")),
            Map.entry("retry", IssueEvent.ManualRetry::new),
            Map.entry("complete", () -> new IssueEvent.ManualComplete(null)),
            Map.entry("block", () -> new IssueEvent.ManualBlocked("waiting on design")),
            Map.entry("manual_pr", () -> new IssueEvent.ManualPr("https://example.test/pr/2")));

    static final List<String> COLUMNS = List.of("claimed", "launched", "dispatch_failed", "run_crashed", "run_clean",
            "stalled", "budget", "tracker_done", "tracker_active", "status_review", "status_other", "pr",
            "agent_blocked", "retry", "complete", "block", "manual_pr");

    /** state × event → the state after, or null for a refusal. Each row lists all 17 events. */
    static final Map<IssueState, Map<String, IssueState>> TABLE = Map.of(
            QUEUED, row(CLAIMED, null, null, QUEUED, QUEUED, QUEUED, BLOCKED, COMPLETED, QUEUED, QUEUED, QUEUED,
                    QUEUED, QUEUED, QUEUED, COMPLETED, BLOCKED, QUEUED),
            CLAIMED, row(null, RUNNING, RETRY_QUEUED, CLAIMED, CLAIMED, CLAIMED, BLOCKED, COMPLETED, CLAIMED,
                    COMPLETED, CLAIMED, CLAIMED, BLOCKED, QUEUED, COMPLETED, BLOCKED, CLAIMED),
            PROVISIONING, row(null, RUNNING, RETRY_QUEUED, PROVISIONING, PROVISIONING, PROVISIONING, BLOCKED,
                    COMPLETED, PROVISIONING, COMPLETED, PROVISIONING, PROVISIONING, BLOCKED, QUEUED, COMPLETED, BLOCKED,
                    PROVISIONING),
            RUNNING, row(null, null, null, RETRY_QUEUED, RUNNING, RETRY_QUEUED, BLOCKED, COMPLETED, RUNNING, COMPLETED,
                    RUNNING, RUNNING, BLOCKED, QUEUED, COMPLETED, BLOCKED, RUNNING),
            RETRY_QUEUED, row(CLAIMED, null, null, RETRY_QUEUED, RETRY_QUEUED, RETRY_QUEUED, BLOCKED, COMPLETED,
                    RETRY_QUEUED, RETRY_QUEUED, RETRY_QUEUED, RETRY_QUEUED, RETRY_QUEUED, QUEUED, COMPLETED, BLOCKED,
                    RETRY_QUEUED),
            COMPLETED, row(null, null, null, COMPLETED, COMPLETED, COMPLETED, COMPLETED, COMPLETED, COMPLETED,
                    COMPLETED, COMPLETED, COMPLETED, COMPLETED, QUEUED, COMPLETED, BLOCKED, COMPLETED),
            FAILED, row(null, null, null, FAILED, FAILED, FAILED, FAILED, COMPLETED, FAILED, FAILED, FAILED, FAILED,
                    FAILED, QUEUED, COMPLETED, BLOCKED, FAILED),
            BLOCKED, row(null, null, null, BLOCKED, BLOCKED, BLOCKED, BLOCKED, COMPLETED, BLOCKED, BLOCKED, BLOCKED,
                    BLOCKED, BLOCKED, QUEUED, COMPLETED, BLOCKED, BLOCKED));

    static Map<String, IssueState> row(IssueState... after) {
        assertThat(after).hasSize(COLUMNS.size());
        java.util.HashMap<String, IssueState> m = new java.util.HashMap<>();
        for (int i = 0; i < after.length; i++) {
            m.put(COLUMNS.get(i), after[i]);
        }
        return m;
    }

    static Stream<Arguments> everyStateAndEvent() {
        assertThat(EVENTS.keySet()).containsExactlyInAnyOrderElementsOf(COLUMNS);
        assertThat(TABLE.keySet()).containsExactlyInAnyOrder(IssueState.values());
        return Stream.of(IssueState.values()).flatMap(s -> COLUMNS.stream().map(e -> Arguments.of(s, e)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndEvent")
    void everyStateAndEventGoesWhereTheTableSays(IssueState state, String event) {
        IssueState expected = TABLE.get(state).get(event);
        IssueFacts before = in(state);
        if (expected == null) {
            assertThatThrownBy(() -> apply(before, EVENTS.get(event).get())).isInstanceOf(ApiException.class)
                    .hasMessageContaining(state.wire());
            return;
        }
        IssueDecision d = apply(before, EVENTS.get(event).get());
        assertThat(d.facts().state).as(state + " + " + event).isEqualTo(expected);
        // The input is a copy: deciding never changes what was loaded.
        assertThat(before.state).isEqualTo(state);
    }

    static Stream<Arguments> everyManualTransition() {
        return Stream.of(IssueState.values()).flatMap(s -> Stream.of(IssueState.values()).map(t -> Arguments.of(s, t)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyManualTransition")
    void manualTransitionsFollowTheContractTable(IssueState from, IssueState to) {
        Map<IssueState, Set<IssueState>> contract = Map.of(
                QUEUED, EnumSet.of(COMPLETED, BLOCKED),
                CLAIMED, EnumSet.of(QUEUED, PROVISIONING, COMPLETED, BLOCKED, FAILED),
                PROVISIONING, EnumSet.of(QUEUED, RUNNING, COMPLETED, BLOCKED, FAILED),
                RUNNING, EnumSet.of(QUEUED, COMPLETED, BLOCKED, FAILED),
                RETRY_QUEUED, EnumSet.of(QUEUED, COMPLETED, BLOCKED),
                FAILED, EnumSet.of(QUEUED, COMPLETED),
                BLOCKED, EnumSet.of(QUEUED, COMPLETED),
                COMPLETED, EnumSet.of(QUEUED));
        IssueEvent e = new IssueEvent.ManualTransition(to, null);
        if (contract.get(from).contains(to)) {
            assertThat(apply(in(from), e).facts().state).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> apply(in(from), e)).isInstanceOf(ApiException.class)
                    .satisfies(x -> assertThat(((ApiException) x).code()).isEqualTo("invalid_transition"));
        }
    }

    @Test
    void leavingAnActiveStateByHandEndsTheSession() {
        for (IssueState target : List.of(QUEUED, FAILED, BLOCKED, COMPLETED)) {
            IssueDecision d = apply(in(RUNNING), new IssueEvent.ManualTransition(target, null));
            assertThat(d.effects()).as(target.wire()).contains(new IssueEffect.EndSession("od-s",
                    target == COMPLETED ? "canceled" : "canceled"));
        }
    }

    @Test
    void manualStopsStoreTheReasonOrTheContractsDefault() {
        assertThat(apply(in(RUNNING), new IssueEvent.ManualTransition(FAILED, null)).facts().lastError)
                .isEqualTo("Manually stopped");
        assertThat(apply(in(RUNNING), new IssueEvent.ManualTransition(BLOCKED, " ")).facts().lastError)
                .isEqualTo("Manually blocked");
        assertThat(apply(in(RUNNING), new IssueEvent.ManualTransition(FAILED, "wrong repo")).facts().lastError)
                .isEqualTo("wrong repo");
    }

    @Test
    void retryResetsTheIssueAndAsksForAPoll() {
        IssueFacts f = in(FAILED);
        f.attempt = 4;
        f.consecutiveFailures = 4;
        f.lastError = "boom";
        f.startedAt = 1L;
        f.completedAt = 2L;
        IssueDecision d = apply(f, new IssueEvent.ManualRetry());
        assertThat(d.facts().state).isEqualTo(QUEUED);
        assertThat(d.facts().attempt).isZero();
        assertThat(d.facts().consecutiveFailures).isZero();
        assertThat(d.facts().lastError).isNull();
        assertThat(d.facts().startedAt).isNull();
        assertThat(d.facts().completedAt).isNull();
        assertThat(d.effects()).containsExactly(new IssueEffect.PollSoon());
    }

    @Test
    void aClaimCountsTheRealAttemptAndMovesTheTracker() {
        IssueFacts f = in(RETRY_QUEUED);
        f.attempt = 2;
        f.attemptsTotal = 5;
        IssueDecision d = apply(f, new IssueEvent.Claimed("codex"));
        assertThat(d.facts().attempt).isEqualTo(3);
        assertThat(d.facts().attemptsTotal).isEqualTo(6);
        assertThat(d.facts().provider).isEqualTo("codex");
        assertThat(d.facts().startedAt).isEqualTo(NOW);
        assertThat(d.effects()).containsExactly(new IssueEffect.MoveTracker("In Progress"));
    }

    @Test
    void settledIssuesAreNeverClaimedAutomatically() {
        for (IssueState s : List.of(COMPLETED, FAILED, BLOCKED, CLAIMED, RUNNING, PROVISIONING)) {
            assertThatThrownBy(() -> apply(in(s), new IssueEvent.Claimed("claude"))).as(s.wire())
                    .isInstanceOf(ApiException.class);
        }
    }

    @Test
    void aCrashIsAFailureRetriedWithBackoffNeverASuccess() {
        IssueDecision d = apply(in(RUNNING), new IssueEvent.RunEnded(false, "agent exited 137"));
        assertThat(d.facts().state).isEqualTo(RETRY_QUEUED);
        assertThat(d.facts().retryKind).isEqualTo("failure");
        assertThat(d.facts().lastError).isEqualTo("agent exited 137");
        assertThat(d.facts().consecutiveFailures).isEqualTo(1);
        assertThat(d.facts().retryDueAt).isEqualTo(NOW + Backoff.delay(1, 10_000, 300_000, 42));
        assertThat(d.facts().retryDueAt - NOW).isBetween(5_000L, 10_000L);
        assertThat(d.effects()).contains(new IssueEffect.CloseRun("failed", "agent exited 137"))
                .noneMatch(e -> e instanceof IssueEffect.Comment c && c.body().contains("finished"));
    }

    @Test
    void retriesStopAtMaxRetries() {
        IssueFacts f = in(RUNNING);
        for (int failure = 1; failure <= POLICY.maxRetries(); failure++) {
            IssueDecision d = apply(f, new IssueEvent.Stalled(601));
            assertThat(d.facts().state).as("failure " + failure).isEqualTo(RETRY_QUEUED);
            assertThat(d.facts().retryKind).isEqualTo("stall");
            f = d.facts();
            f = apply(f, new IssueEvent.Claimed("claude")).facts();
            f = apply(f, new IssueEvent.Launched("od-" + failure)).facts();
        }
        IssueDecision last = apply(f, new IssueEvent.Stalled(601));
        assertThat(last.facts().state).isEqualTo(FAILED);
        assertThat(last.facts().lastError).contains("Session stalled after 601s").contains("gave up after 4");
        assertThat(last.facts().retryDueAt).isNull();
        assertThat(last.effects()).contains(new IssueEffect.EndSession("od-3", "stalled"));
    }

    @Test
    void aCleanStopWithoutEvidenceIsNudgedThenFailed() {
        IssueFacts f = in(RUNNING);
        for (int i = 1; i <= POLICY.maxContinuations(); i++) {
            IssueDecision d = apply(f, new IssueEvent.RunEnded(true, null));
            assertThat(d.facts().state).isEqualTo(RUNNING);
            assertThat(d.facts().continuations).isEqualTo(i);
            assertThat(d.effects()).containsExactly(new IssueEffect.Nudge("od-s", IssueMachine.NUDGE));
            f = d.facts();
        }
        IssueDecision d = apply(f, new IssueEvent.RunEnded(true, null));
        assertThat(d.facts().state).isEqualTo(FAILED);
        assertThat(d.facts().lastError).contains("without linking a PR");
        assertThat(d.effects()).contains(new IssueEffect.EndSession("od-s", "failed"));
    }

    @Test
    void aCleanStopAfterAPrCompletesAndMovesTheTrackerToStateOnComplete() {
        IssueFacts f = apply(in(RUNNING), new IssueEvent.PrLinked("https://example.test/pr/9")).facts();
        assertThat(f.state).isEqualTo(RUNNING);
        IssueDecision d = apply(f, new IssueEvent.RunEnded(true, null));
        assertThat(d.facts().state).isEqualTo(COMPLETED);
        assertThat(d.facts().prUrl).isEqualTo("https://example.test/pr/9");
        assertThat(d.facts().evidence).isEqualTo("pr_linked");
        assertThat(d.effects()).contains(new IssueEffect.MoveTracker("In Review"),
                new IssueEffect.EndSession("od-s", "succeeded"));
    }

    @Test
    void settingStateOnCompleteEndsTheRunWithoutMovingTheTrackerAgain() {
        IssueDecision d = apply(in(RUNNING), new IssueEvent.StatusSet("in review", false));
        assertThat(d.facts().state).isEqualTo(COMPLETED);
        assertThat(d.facts().evidence).isEqualTo("set_status");
        assertThat(d.effects()).contains(new IssueEffect.EndSession("od-s", "succeeded"))
                .noneMatch(e -> e instanceof IssueEffect.MoveTracker);
    }

    @Test
    void anIntermediateStatusIsEvidenceButTheRunGoesOn() {
        IssueDecision d = apply(in(RUNNING), new IssueEvent.StatusSet("Needs QA", false));
        assertThat(d.facts().state).isEqualTo(RUNNING);
        assertThat(d.facts().issueState).isEqualTo("Needs QA");
        assertThat(apply(d.facts(), new IssueEvent.RunEnded(true, null)).facts().state).isEqualTo(COMPLETED);
    }

    @Test
    void theTrackerReachingATerminalStateEndsTheRun() {
        IssueDecision d = apply(in(RUNNING), new IssueEvent.TrackerSeen("Canceled", true));
        assertThat(d.facts().state).isEqualTo(COMPLETED);
        assertThat(d.facts().trackerTerminal).isTrue();
        assertThat(d.effects()).contains(new IssueEffect.EndSession("od-s", "canceled"));
    }

    @Test
    void aBudgetHitBlocksWithTheReasonVisible() {
        IssueDecision d = apply(in(RUNNING), new IssueEvent.BudgetExceeded("tokens 120000 > 100000"));
        assertThat(d.facts().state).isEqualTo(BLOCKED);
        assertThat(d.facts().holdReason).isEqualTo("budget");
        assertThat(d.facts().lastError).isEqualTo("tokens 120000 > 100000");
        assertThat(d.effects()).contains(new IssueEffect.EndSession("od-s", "budget"));
    }

    @Test
    void theAgentReportingABlockerBlocksForGood() {
        IssueDecision d = apply(in(RUNNING), new IssueEvent.ReportedBlocked("needs credentials"));
        assertThat(d.facts().state).isEqualTo(BLOCKED);
        assertThat(d.facts().holdReason).isEqualTo("agent");
        assertThatThrownBy(() -> apply(d.facts(), new IssueEvent.Claimed("claude"))).isInstanceOf(ApiException.class);
    }

    @Test
    void aDispatchFailureIsRetriedLikeAnyOtherFailure() {
        IssueFacts f = in(CLAIMED);
        IssueDecision d = apply(f, new IssueEvent.DispatchFailed("fatal: invalid reference"));
        assertThat(d.facts().state).isEqualTo(RETRY_QUEUED);
        assertThat(d.effects()).contains(new IssueEffect.CloseRun("failed", "fatal: invalid reference"));
    }

    @Test
    void decidingTwiceGivesTheSameAnswer() {
        IssueFacts f = in(RUNNING);
        IssueDecision a = apply(f, new IssueEvent.RunEnded(false, "x"));
        IssueDecision b = apply(f, new IssueEvent.RunEnded(false, "x"));
        assertThat(a.facts().retryDueAt).isEqualTo(b.facts().retryDueAt);
        assertThat(a.effects()).isEqualTo(b.effects());
    }

    @Test
    void theStatesWireNamesAreTheContracts() {
        assertThat(Stream.of(IssueState.values()).map(IssueState::wire).collect(Collectors.toList()))
                .containsExactly("queued", "claimed", "provisioning", "running", "retry_queued", "completed", "failed",
                        "blocked");
    }
}
