package dev.flightdeck.core.session.machine;

import static dev.flightdeck.core.session.machine.States.NOW;
import static dev.flightdeck.core.session.machine.States.idle;
import static dev.flightdeck.core.session.machine.States.working;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.session.SessionStatus;
import dev.flightdeck.core.session.WorkStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class LifecycleAndDeltaTest {
    @Test
    void endingASessionEndsItsTurnAndAbandonsWhatIsPending() {
        SessionState s = working();
        Transition t = SessionMachine.apply(s, new SessionInput.Ended("user_requested", 1), NOW);
        assertThat(t.state().status).isEqualTo(SessionStatus.ENDED);
        assertThat(t.state().workStatus).isEqualTo(WorkStatus.ENDED);
        assertThat(t.state().endedAt).isEqualTo(NOW);
        assertThat(t.state().currentTurnId).isNull();
        assertThat(t.state().approvalVersion).isEqualTo(s.approvalVersion + 1);
        assertThat(t.effects()).containsExactly(new SessionEffect.AnnounceEnded("user_requested"),
                new SessionEffect.AbandonApprovals(), new SessionEffect.WorktreeSessionEnded());
    }

    @Test
    void endingAnEndedSessionChangesNothing() {
        SessionState ended = SessionMachine.apply(idle(), new SessionInput.Ended("a", 0), NOW).state();
        Transition again = SessionMachine.apply(ended, new SessionInput.Ended("b", 0), NOW + 5);
        assertThat(again.effects()).isEmpty();
        assertThat(SessionDelta.between(ended, again.state())).isEmpty();
    }

    @Test
    void anExitAfterTheEndKeepsTheSessionEnded() {
        SessionState ended = SessionMachine.apply(working(), new SessionInput.Ended("user_requested", 0), NOW).state();
        Transition t = SessionMachine.apply(ended, new SessionInput.AgentExited(143, "stopped", 0), NOW);
        assertThat(t.state().workStatus).isEqualTo(WorkStatus.ENDED);
        assertThat(t.effects()).isEmpty();
    }

    @Test
    void aRenameChangesTheTitleAndABlankNameClearsIt() {
        SessionState s = idle();
        SessionState named = SessionMachine.apply(s, new SessionInput.Renamed("  Release  "), NOW).state();
        JsonObject delta = SessionDelta.between(s, named);
        assertThat(delta.getString("custom_name")).isEqualTo("Release");
        assertThat(delta.getString("display_title")).isEqualTo("Release");
        SessionState cleared = SessionMachine.apply(named, new SessionInput.Renamed(" "), NOW).state();
        assertThat(SessionDelta.between(named, cleared).get("custom_name")).isEqualTo(JsonValue.NULL);
    }

    @Test
    void theSameNameTwiceTakesNoDelta() {
        SessionState named = SessionMachine.apply(idle(), new SessionInput.Renamed("x"), NOW).state();
        assertThat(SessionDelta.between(named, SessionMachine.apply(named, new SessionInput.Renamed("x"), NOW).state()))
                .isEmpty();
    }

    @Test
    void aSummaryFeedsTheTitleAndContextLine() {
        SessionState s = idle();
        SessionState summed = SessionMachine.apply(s, new SessionInput.SummarySet("Fix login"), NOW).state();
        JsonObject delta = SessionDelta.between(s, summed);
        assertThat(delta.getString("summary")).isEqualTo("Fix login");
        assertThat(delta.containsKey("display_title")).isTrue();
    }

    @Test
    void readingClearsTheUnreadCount() {
        SessionState s = idle();
        s.unreadCount = 4;
        SessionState read = SessionMachine.apply(s, new SessionInput.MarkedRead(), NOW).state();
        assertThat(SessionDelta.between(s, read).getInt("unread_count")).isZero();
        assertThat(SessionDelta.between(read, SessionMachine.apply(read, new SessionInput.MarkedRead(), NOW).state()))
                .isEmpty();
    }

    @Test
    void theDeltaNamesOnlyWhatChanged() {
        SessionState s = idle();
        assertThat(SessionDelta.between(s, s.copy())).isEmpty();
        SessionState t = s.copy();
        t.model = "opus";
        assertThat(SessionDelta.between(s, t).keySet()).containsExactly("model");
    }

    @Test
    void theProviderIdGoesOutUnderTheProvidersName() {
        SessionState claude = idle();
        SessionState bound = claude.copy();
        bound.providerSessionId = "c1";
        assertThat(SessionDelta.between(claude, bound).getString("claude_session_id")).isEqualTo("c1");
        SessionState codex = idle();
        codex.provider = "codex";
        SessionState thread = codex.copy();
        thread.providerSessionId = "t1";
        assertThat(SessionDelta.between(codex, thread).getString("codex_thread_id")).isEqualTo("t1");
    }

    @Test
    void aTurnStartDeltaCarriesEveryDerivedFlag() {
        SessionState s = working();
        SessionState idle = SessionMachine.apply(s, States.completed(0), NOW).state();
        JsonObject delta = SessionDelta.between(s, idle);
        assertThat(delta.get("current_turn_id")).isEqualTo(JsonValue.NULL);
        assertThat(delta.getBoolean("steerable")).isFalse();
        assertThat(delta.getBoolean("can_interrupt")).isFalse();
        assertThat(delta.getString("list_status")).isEqualTo(WorkStatus.REPLY);
    }

    @Test
    void aNewSessionsDeltaHasItsFields() {
        JsonObject created = SessionDelta.created(idle());
        assertThat(created.getString("status")).isEqualTo("active");
        assertThat(created.getString("work_status")).isEqualTo("waiting");
        assertThat(created.getString("control_mode")).isEqualTo("direct");
    }

    @Test
    void effectOwnedFieldsComeFromTheRow() {
        SessionState s = idle();
        dev.flightdeck.persistence.session.SessionEntity e = new dev.flightdeck.persistence.session.SessionEntity();
        e.totalCostUsd = 1.5;
        e.hasTurnDiff = true;
        JsonObject delta = SessionDelta.between(s, s.withEffectsOf(e));
        assertThat(delta.getJsonNumber("total_cost_usd").doubleValue()).isEqualTo(1.5);
        assertThat(delta.getBoolean("has_turn_diff")).isTrue();
    }
}
