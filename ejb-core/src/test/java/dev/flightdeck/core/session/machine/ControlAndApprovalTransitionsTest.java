package dev.flightdeck.core.session.machine;

import static dev.flightdeck.core.session.machine.States.NOW;
import static dev.flightdeck.core.session.machine.States.completed;
import static dev.flightdeck.core.session.machine.States.idle;
import static dev.flightdeck.core.session.machine.States.message;
import static dev.flightdeck.core.session.machine.States.passive;
import static dev.flightdeck.core.session.machine.States.refused;
import static dev.flightdeck.core.session.machine.States.run;
import static dev.flightdeck.core.session.machine.States.working;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.session.WorkStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlAndApprovalTransitionsTest {
    /** Two finished turns, with the agent's process running. */
    static SessionState twoTurns() {
        SessionState s = run(working(), completed(0), message("again"), completed(0)).state();
        s.providerSessionId = "abc";
        return s;
    }

    @Test
    void compactOpensATurn() {
        SessionState s = SessionMachine.apply(twoTurns(), new SessionInput.CompactStarted(), NOW).state();
        assertThat(s.currentTurnId).isEqualTo("turn-3");
        assertThat(s.workStatus).isEqualTo(WorkStatus.WORKING);
    }

    @Test
    void compactWaitsForTheRunningTurn() {
        refused(409, "turn_in_progress", () -> SessionMachine.apply(working(), new SessionInput.CompactStarted(), NOW));
    }

    @Test
    void controlsNeedADirectSession() {
        refused(409, "control_unavailable", () -> SessionMachine.apply(passive(), new SessionInput.CompactStarted(), NOW));
    }

    @Test
    void rollbackKeepsTheEarlierTurnsAndResumesAfterThem() {
        Transition t = SessionMachine.apply(twoTurns(),
                new SessionInput.RolledBack(1, List.of("turn-1", "turn-2"), "msg-1", false), NOW);
        assertThat(t.state().turnCount).isEqualTo(1);
        assertThat(t.state().resumeAt).isEqualTo("msg-1");
        assertThat(t.state().providerSessionId).isEqualTo("abc");
        assertThat(t.effects()).containsExactly(new SessionEffect.MarkTurns(List.of("turn-2"), 1, false));
    }

    @Test
    void undoingEveryTurnStartsTheAgentAfresh() {
        Transition t = SessionMachine.apply(twoTurns(),
                new SessionInput.RolledBack(2, List.of("turn-1", "turn-2"), null, true), NOW);
        assertThat(t.state().turnCount).isZero();
        assertThat(t.state().providerSessionId).isNull();
        assertThat(t.state().resumeAt).isNull();
        assertThat(t.effects()).containsExactly(new SessionEffect.MarkTurns(List.of("turn-1", "turn-2"), 2, true));
    }

    @Test
    void rollbackRefusesMoreTurnsThanThereAre() {
        refused(400, "invalid_argument", () -> SessionMachine.apply(twoTurns(),
                new SessionInput.RolledBack(3, List.of("turn-1", "turn-2"), null, false), NOW));
    }

    @Test
    void rollbackNeedsToKnowWhereTheKeptTurnEnded() {
        refused(422, "rollback_failed", () -> SessionMachine.apply(twoTurns(),
                new SessionInput.RolledBack(1, List.of("turn-1", "turn-2"), null, false), NOW));
    }

    @Test
    void rollbackWaitsForTheRunningTurn() {
        SessionState s = SessionMachine.apply(twoTurns(), message("third"), NOW).state();
        refused(409, "turn_in_progress", () -> SessionMachine.apply(s,
                new SessionInput.RolledBack(1, List.of("turn-1", "turn-2"), "m", false), NOW));
    }

    @Test
    void rollbackNeedsATurn() {
        refused(409, "control_unavailable", () -> SessionMachine.apply(idle(),
                new SessionInput.RolledBack(1, List.of(), null, false), NOW));
    }

    @Test
    void aQueuedApprovalMakesTheTurnWaitForAHuman() {
        SessionState s = working();
        SessionState asking = SessionMachine.apply(s, new SessionInput.ApprovalQueued(1, "exec"), NOW).state();
        assertThat(asking.workStatus).isEqualTo(WorkStatus.PERMISSION);
        assertThat(asking.approvalVersion).isEqualTo(s.approvalVersion + 1);
        SessionState question = SessionMachine.apply(s, new SessionInput.ApprovalQueued(1, "question"), NOW).state();
        assertThat(question.workStatus).isEqualTo(WorkStatus.QUESTION);
    }

    @Test
    void decidingTheLastRequestLetsTheTurnWorkAgain() {
        SessionState asking = SessionMachine.apply(working(), new SessionInput.ApprovalQueued(2, "exec"), NOW).state();
        SessionState one = SessionMachine.apply(asking, new SessionInput.ApprovalDecided(1, "exec"), NOW).state();
        assertThat(one.workStatus).isEqualTo(WorkStatus.PERMISSION);
        SessionState none = SessionMachine.apply(one, new SessionInput.ApprovalDecided(0, null), NOW).state();
        assertThat(none.workStatus).isEqualTo(WorkStatus.WORKING);
        assertThat(none.approvalVersion).isEqualTo(asking.approvalVersion + 2);
    }

    @Test
    void aDecisionAfterTheTurnLeavesTheSessionIdle() {
        SessionState idle = run(working(), completed(0)).state();
        SessionState s = SessionMachine.apply(idle, new SessionInput.ApprovalDecided(0, null), NOW).state();
        assertThat(s.workStatus).isEqualTo(WorkStatus.WAITING);
    }
}
