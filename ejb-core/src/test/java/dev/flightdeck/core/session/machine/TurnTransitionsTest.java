package dev.flightdeck.core.session.machine;

import static dev.flightdeck.core.session.machine.States.NOW;
import static dev.flightdeck.core.session.machine.States.completed;
import static dev.flightdeck.core.session.machine.States.idle;
import static dev.flightdeck.core.session.machine.States.message;
import static dev.flightdeck.core.session.machine.States.passive;
import static dev.flightdeck.core.session.machine.States.refused;
import static dev.flightdeck.core.session.machine.States.row;
import static dev.flightdeck.core.session.machine.States.run;
import static dev.flightdeck.core.session.machine.States.steer;
import static dev.flightdeck.core.session.machine.States.working;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.session.SessionStatus;
import dev.flightdeck.core.session.WorkStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnTransitionsTest {
    @Test
    void aMessageOpensTheFirstTurnAndWritesTheUserRow() {
        Transition t = SessionMachine.apply(idle(), message("fix the bug"), NOW);
        assertThat(t.state().currentTurnId).isEqualTo("turn-1");
        assertThat(t.state().turnCount).isEqualTo(1);
        assertThat(t.state().workStatus).isEqualTo(WorkStatus.WORKING);
        assertThat(t.state().firstPrompt).isEqualTo("fix the bug");
        assertThat(t.state().lastMessage).isEqualTo("fix the bug");
        assertThat(t.state().promptCount).isEqualTo(1);
        assertThat(t.effects()).singleElement().isInstanceOfSatisfying(SessionEffect.AppendRows.class, a -> {
            assertThat(a.rows()).singleElement().satisfies(r -> {
                assertThat(r.rowType()).isEqualTo("user");
                assertThat(r.rowId()).isEqualTo("user-" + message("fix the bug").messageId());
                assertThat(r.row().getString("content")).isEqualTo("fix the bug");
            });
        });
    }

    @Test
    void theInputStateIsNeverChanged() {
        SessionState before = idle();
        SessionMachine.apply(before, message("x"), NOW);
        assertThat(before.currentTurnId).isNull();
        assertThat(before.workStatus).isEqualTo(WorkStatus.WAITING);
        assertThat(before.promptCount).isZero();
    }

    @Test
    void aMessageDuringATurnJoinsItAndKeepsTheFirstPrompt() {
        Transition t = SessionMachine.apply(working(), message("and also this"), NOW);
        assertThat(t.state().currentTurnId).isEqualTo("turn-1");
        assertThat(t.state().turnCount).isEqualTo(1);
        assertThat(t.state().firstPrompt).isEqualTo("hello");
        assertThat(t.state().lastMessage).isEqualTo("and also this");
    }

    @Test
    void aMessageSetsTheModelItRunsWith() {
        Transition t = SessionMachine.apply(idle(),
                new SessionInput.MessageAccepted(false, "x", "claude-opus-4", null, "m", null), NOW);
        assertThat(t.state().model).isEqualTo("claude-opus-4");
    }

    @Test
    void longMessagesAreClippedInTheSessionButNotInTheRow() {
        String text = "a".repeat(SessionState.MAX_TEXT + 5);
        Transition t = SessionMachine.apply(idle(), message(text), NOW);
        assertThat(t.state().lastMessage).hasSize(SessionState.MAX_TEXT);
        SessionEffect.AppendRows rows = (SessionEffect.AppendRows) t.effects().get(0);
        assertThat(rows.rows().get(0).row().getString("content")).hasSize(text.length());
    }

    @Test
    void anEndedOrPassiveSessionRefusesMessages() {
        SessionState ended = idle();
        ended.status = SessionStatus.ENDED;
        refused(503, "connector_unavailable", () -> SessionMachine.apply(ended, message("x"), NOW));
        refused(503, "connector_unavailable", () -> SessionMachine.apply(passive(), message("x"), NOW));
    }

    @Test
    void aSteerNeedsARunningTurn() {
        refused(409, "not_steerable", () -> SessionMachine.apply(idle(), steer("faster", null), NOW));
    }

    @Test
    void aSteerNamingAnotherTurnIsRefused() {
        refused(409, "active_turn_mismatch", () -> SessionMachine.apply(working(), steer("faster", "turn-9"), NOW));
    }

    @Test
    void aSteerGoesIntoTheRunningTurnAsASteerRow() {
        Transition t = SessionMachine.apply(working(), steer("faster", "turn-1"), NOW);
        assertThat(t.state().currentTurnId).isEqualTo("turn-1");
        assertThat(((SessionEffect.AppendRows) t.effects().get(0)).rows().get(0).rowType()).isEqualTo("steer");
        assertThat(t.effects().get(1)).isEqualTo(new SessionEffect.AnnounceSteer(steer("faster", "turn-1").messageId()));
    }

    @Test
    void aStartedAgentMakesTheTurnSteerable() {
        SessionState s = SessionMachine.apply(idle(), message("x"), NOW).state();
        assertThat(s.facts().running()).isFalse();
        SessionState started = SessionMachine.apply(s, new SessionInput.AgentStarted(7, "n1"), NOW).state();
        assertThat(started.providerPid).isEqualTo(7L);
        assertThat(started.connectorNode).isEqualTo("n1");
        assertThat(SessionDelta.between(s, started).getBoolean("steerable")).isTrue();
    }

    @Test
    void aFailedStartEndsTheWaitingTurnWithANotice() {
        SessionState s = SessionMachine.apply(idle(), message("x"), NOW).state();
        Transition t = SessionMachine.apply(s, new SessionInput.StartFailed("no CLI"), NOW);
        assertThat(t.state().currentTurnId).isNull();
        assertThat(t.state().workStatus).isEqualTo(WorkStatus.WAITING);
        SessionEffect.AppendRows notice = (SessionEffect.AppendRows) t.effects().get(0);
        assertThat(notice.rows().get(0).rowId()).isEqualTo("start-failed-turn-1");
        assertThat(notice.rows().get(0).row().getString("content")).isEqualTo("no CLI");
    }

    @Test
    void bindingRecordsTheProviderIdOnceAndTheModelIfUnknown() {
        SessionState s = SessionMachine.apply(idle(), new SessionInput.AgentBound("abc", "sonnet"), NOW).state();
        assertThat(s.providerSessionId).isEqualTo("abc");
        assertThat(s.model).isEqualTo("sonnet");
        SessionState again = SessionMachine.apply(s, new SessionInput.AgentBound("other", "opus"), NOW).state();
        assertThat(again.providerSessionId).isEqualTo("abc");
        assertThat(again.model).isEqualTo("sonnet");
    }

    @Test
    void bindingAfterARollbackTakesTheNewIdAndClearsTheResumePoint() {
        SessionState s = idle();
        s.providerSessionId = "old";
        s.resumeAt = "msg-3";
        SessionState bound = SessionMachine.apply(s, new SessionInput.AgentBound("new", null), NOW).state();
        assertThat(bound.providerSessionId).isEqualTo("new");
        assertThat(bound.resumeAt).isNull();
        assertThat(bound.forkFromProviderId).isNull();
    }

    @Test
    void rowsCountStartedToolsAndTakeTheAssistantsWords() {
        Transition t = SessionMachine.apply(working(), new SessionInput.RowsReceived(List.of(
                row("tool", "running", "Bash"), row("tool", "completed", "Bash"), row("assistant", null, "done"))), NOW);
        assertThat(t.state().toolCount).isEqualTo(1);
        assertThat(t.state().lastTool).isEqualTo("Bash");
        assertThat(t.state().lastMessage).isEqualTo("said done");
        assertThat(t.state().lastProgressAt).isEqualTo(NOW);
        assertThat(t.effects()).singleElement().isInstanceOf(SessionEffect.AppendRows.class);
    }

    @Test
    void aCompletedTurnRecordsUsageResolvesCommentsAndIdles() {
        Transition t = SessionMachine.apply(working(), completed(0), NOW);
        assertThat(t.state().currentTurnId).isNull();
        assertThat(t.state().workStatus).isEqualTo(WorkStatus.WAITING);
        assertThat(t.effects()).extracting(e -> (Class) e.getClass()).containsExactly(SessionEffect.RecordTurn.class,
                SessionEffect.ResolveReviewComments.class, SessionEffect.AnnounceTokens.class);
        assertThat(((SessionEffect.RecordTurn) t.effects().get(0)).turnId()).isEqualTo("turn-1");
    }

    @Test
    void aCompletedTurnAbandonsPendingApprovalsAndBumpsTheVersion() {
        SessionState s = working();
        Transition t = SessionMachine.apply(s, completed(2), NOW);
        assertThat(t.state().approvalVersion).isEqualTo(s.approvalVersion + 1);
        assertThat(t.effects()).anyMatch(e -> e instanceof SessionEffect.AbandonApprovals);
    }

    @Test
    void anInterruptedTurnGetsANotice() {
        Transition t = SessionMachine.apply(working(), new SessionInput.TurnCompleted(null, null, true, 0), NOW);
        assertThat(t.effects()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SessionEffect.AppendRows.class,
                a -> assertThat(a.rows().get(0).rowId()).isEqualTo("aborted-turn-1")));
    }

    @Test
    void aTurnNobodyStartedCountsAsItsOwnTurn() {
        Transition t = SessionMachine.apply(idle(), completed(0), NOW);
        assertThat(t.state().turnCount).isEqualTo(1);
        assertThat(t.state().turnSeq).isEqualTo(1);
        assertThat(((SessionEffect.RecordTurn) t.effects().get(0)).turnId()).isEqualTo("turn-1");
    }

    @Test
    void turnIdsNeverRepeat() {
        SessionState s = run(idle(), message("a"), completed(0), message("b")).state();
        assertThat(s.currentTurnId).isEqualTo("turn-2");
    }

    @Test
    void anExitDuringATurnEndsItWithANotice() {
        Transition t = SessionMachine.apply(working(), new SessionInput.AgentExited(1, "crashed", 1), NOW);
        assertThat(t.state().currentTurnId).isNull();
        assertThat(t.state().providerPid).isNull();
        assertThat(t.state().connectorNode).isNull();
        assertThat(t.effects()).hasSize(2).anyMatch(e -> e instanceof SessionEffect.AbandonApprovals);
    }

    @Test
    void aStoppedAgentExitsWithoutANotice() {
        Transition t = SessionMachine.apply(working(), new SessionInput.AgentExited(143, "stopped", 0), NOW);
        assertThat(t.effects()).isEmpty();
        assertThat(t.state().workStatus).isEqualTo(WorkStatus.WAITING);
    }

    @Test
    void anExitBetweenTurnsOnlyDetachesTheProcess() {
        SessionState s = run(working(), completed(0)).state();
        Transition t = SessionMachine.apply(s, new SessionInput.AgentExited(0, null, 0), NOW);
        assertThat(t.effects()).isEmpty();
        assertThat(t.state().providerPid).isNull();
    }

    @Test
    void aTurnStallsOnlyAfterTheLimitWithoutProgress() {
        SessionState s = working();
        s.lastProgressAt = NOW - 10_000;
        assertThat(SessionMachine.apply(s, new SessionInput.Stalled(20_000), NOW).state().attentionReason).isNull();
        assertThat(SessionMachine.apply(s, new SessionInput.Stalled(5_000), NOW).state().attentionReason)
                .isEqualTo("stalled");
    }

    @Test
    void progressAfterAStallClearsItWhenTheTurnEnds() {
        SessionState s = working();
        s.lastProgressAt = NOW - 10_000;
        SessionState stalled = SessionMachine.apply(s, new SessionInput.Stalled(5_000), NOW).state();
        assertThat(SessionMachine.apply(stalled, completed(0), NOW).state().attentionReason).isNull();
    }
}
