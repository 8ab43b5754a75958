package dev.flightdeck.core.session.machine;

import static dev.flightdeck.core.session.machine.States.NOW;
import static dev.flightdeck.core.session.machine.States.idle;
import static dev.flightdeck.core.session.machine.States.passive;
import static dev.flightdeck.core.session.machine.States.refused;
import static dev.flightdeck.core.session.machine.States.row;
import static dev.flightdeck.core.session.machine.States.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.session.ControlMode;
import dev.flightdeck.core.session.SessionStatus;
import dev.flightdeck.core.session.WorkStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Passive sessions go through the same machine; the first tests pin the delta drift bugs of the old code. */
class HookTransitionsTest {
    static final SessionInput PROMPT = new SessionInput.HookPromptSubmitted("add tests", "user-1");

    @Test
    void stopClearsTheTurnAndTheDeltaSaysSo() {
        SessionState turn = SessionMachine.apply(passive(), PROMPT, NOW).state();
        SessionState stopped = SessionMachine.apply(turn, new SessionInput.HookStopped(), NOW).state();
        assertThat(stopped.currentTurnId).isNull();
        JsonObject delta = SessionDelta.between(turn, stopped);
        assertThat(delta.get("current_turn_id")).isEqualTo(JsonValue.NULL);
        assertThat(delta.getString("work_status")).isEqualTo(WorkStatus.WAITING);
    }

    @Test
    void aSubmittedPromptOpensATurnAndTheDeltaAnnouncesIt() {
        SessionState before = passive();
        Transition t = SessionMachine.apply(before, PROMPT, NOW);
        JsonObject delta = SessionDelta.between(before, t.state());
        assertThat(delta.getString("current_turn_id")).isEqualTo("turn-1");
        assertThat(delta.getInt("turn_count")).isEqualTo(1);
        assertThat(delta.getString("first_prompt")).isEqualTo("add tests");
        assertThat(delta.getString("display_title")).isNotBlank();
        assertThat(t.effects()).singleElement().isInstanceOf(SessionEffect.AppendRows.class);
    }

    @Test
    void takeoverOfAnEndedPassiveSessionClearsItsEnd() {
        SessionState ended = run(passive(), new SessionInput.HookSessionEnded("exit")).state();
        assertThat(ended.endReason).isEqualTo("exit");
        SessionState taken = SessionMachine.apply(ended, new SessionInput.TakenOver(), NOW).state();
        assertThat(taken.endReason).isNull();
        assertThat(taken.endedAt).isNull();
        assertThat(taken.status).isEqualTo(SessionStatus.ACTIVE);
        assertThat(taken.controlMode).isEqualTo(ControlMode.DIRECT);
        JsonObject delta = SessionDelta.between(ended, taken);
        assertThat(delta.get("end_reason")).isEqualTo(JsonValue.NULL);
        assertThat(delta.get("ended_at")).isEqualTo(JsonValue.NULL);
        assertThat(delta.getString("control_mode")).isEqualTo("direct");
        assertThat(delta.getBoolean("accepts_user_input")).isTrue();
    }

    @Test
    void takeoverClearsARunningTurn() {
        SessionState turn = SessionMachine.apply(passive(), PROMPT, NOW).state();
        SessionState taken = SessionMachine.apply(turn, new SessionInput.TakenOver(), NOW).state();
        assertThat(taken.currentTurnId).isNull();
        assertThat(SessionDelta.between(turn, taken).get("current_turn_id")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void onlyAPassiveSessionCanBeTakenOver() {
        refused(409, "not_passive", () -> SessionMachine.apply(idle(), new SessionInput.TakenOver(), NOW));
    }

    @Test
    void resumeReopensAnEndedSession() {
        SessionState ended = run(passive(), new SessionInput.HookSessionEnded(null)).state();
        assertThat(ended.endReason).isEqualTo("hook_session_end");
        SessionState resumed = SessionMachine.apply(ended, new SessionInput.Resumed(), NOW).state();
        assertThat(resumed.status).isEqualTo(SessionStatus.ACTIVE);
        assertThat(resumed.endReason).isNull();
    }

    @Test
    void resumeRefusesAnOpenSessionAndAClaudeSessionWithNothingToResume() {
        refused(409, "already_active", () -> SessionMachine.apply(idle(), new SessionInput.Resumed(), NOW));
        SessionState ended = run(idle(), new SessionInput.Ended("user_requested", 0)).state();
        refused(422, "missing_claude_resume_id", () -> SessionMachine.apply(ended, new SessionInput.Resumed(), NOW));
    }

    @Test
    void aSessionStartBringsAnEndedTerminalSessionBack() {
        SessionState ended = run(passive(), new SessionInput.HookSessionEnded("x")).state();
        SessionState back = SessionMachine.apply(ended, new SessionInput.HookSessionStarted("opus"), NOW).state();
        assertThat(back.status).isEqualTo(SessionStatus.ACTIVE);
        assertThat(back.endReason).isNull();
        assertThat(back.model).isEqualTo("opus");
    }

    @Test
    void aSessionEndIsAnnouncedAndEndsTheTurn() {
        SessionState turn = SessionMachine.apply(passive(), PROMPT, NOW).state();
        Transition t = SessionMachine.apply(turn, new SessionInput.HookSessionEnded("logout"), NOW);
        assertThat(t.state().currentTurnId).isNull();
        assertThat(t.state().workStatus).isEqualTo(WorkStatus.ENDED);
        assertThat(t.effects()).anySatisfy(e -> assertThat(e).isEqualTo(new SessionEffect.AnnounceEnded("logout")));
    }

    @Test
    void aPermissionNotificationAsksForAttentionAndAToolStartAnswersIt() {
        SessionState asking = SessionMachine.apply(passive(),
                new SessionInput.HookNotification("Claude needs your permission to use Bash"), NOW).state();
        assertThat(asking.workStatus).isEqualTo(WorkStatus.PERMISSION);
        assertThat(asking.attentionReason).isEqualTo("permission");
        SessionState running = SessionMachine.apply(asking, new SessionInput.HookTool(row("tool", "running", "Bash"),
                true), NOW).state();
        assertThat(running.workStatus).isEqualTo(WorkStatus.WORKING);
        assertThat(running.attentionReason).isNull();
        assertThat(running.toolCount).isEqualTo(1);
    }

    @Test
    void aFinishedToolWritesItsRowWithoutCountingAgain() {
        Transition t = SessionMachine.apply(passive(), new SessionInput.HookTool(row("tool", "completed", "Bash"),
                false), NOW);
        assertThat(t.state().toolCount).isZero();
        assertThat(t.effects()).singleElement().isInstanceOf(SessionEffect.AppendRows.class);
    }

    @Test
    void everyHookCountsAsActivity() {
        Transition t = SessionMachine.apply(passive(), new SessionInput.HookActivity(), NOW);
        assertThat(t.state().lastActivityAt).isEqualTo(NOW);
        assertThat(SessionDelta.between(passive(), t.state()).containsKey("last_activity_at")).isTrue();
    }

    @Test
    void aBlankPromptOpensATurnWithoutARow() {
        Transition t = SessionMachine.apply(passive(), new SessionInput.HookPromptSubmitted(" ", "user-2"), NOW);
        assertThat(t.state().currentTurnId).isEqualTo("turn-1");
        assertThat(t.effects()).isEmpty();
    }
}
