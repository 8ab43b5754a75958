package dev.flightdeck.core.session.machine;

import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.RowDraft;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.session.ControlMode;
import dev.flightdeck.core.session.SessionStatus;
import dev.flightdeck.core.session.WorkStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.assertj.core.api.ThrowableAssert;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test states and inputs for the machine's tests. */
final class States {
    static final long NOW = 1_800_000_000_000L;

    private States() {
    }

    /** An open, idle, direct Claude session whose CLI is installed. */
    static SessionState idle() {
        SessionState s = new SessionState();
        s.id = "od-1";
        s.provider = "claude";
        s.projectName = "app";
        s.projectPath = "/src/app";
        s.connectorInstalled = true;
        s.status = SessionStatus.ACTIVE;
        s.workStatus = WorkStatus.WAITING;
        s.controlMode = ControlMode.DIRECT;
        s.lastActivityAt = NOW - 60_000;
        return s;
    }

    static SessionState passive() {
        SessionState s = idle();
        s.controlMode = ControlMode.PASSIVE;
        s.providerSessionId = "claude-abc";
        return s;
    }

    /** A session whose agent runs turn-1. */
    static SessionState working() {
        return run(idle(), message("hello"), new SessionInput.AgentStarted(42, "n1")).state();
    }

    static SessionInput.MessageAccepted message(String text) {
        return new SessionInput.MessageAccepted(false, text, null, null, "m-" + text.hashCode(), null);
    }

    static SessionInput.MessageAccepted steer(String text, String expectedTurn) {
        return new SessionInput.MessageAccepted(true, text, null, expectedTurn, "s-" + text.hashCode(), null);
    }

    static SessionInput.TurnCompleted completed(int pending) {
        return new SessionInput.TurnCompleted(new AgentEvent.TurnUsage("m", 10, 5, 0, 0, 1000, null, null), "ref-1",
                false, pending);
    }

    static RowDraft row(String type, String status, String title) {
        JsonObject row = Json.createObjectBuilder().add("row_type", type).add("id", type + title)
                .add("title", title).add("content", "said " + title).build();
        return new RowDraft(type + title, type, null, status, null, null, title, row, null);
    }

    /** Applies inputs in order; the last transition. */
    static Transition run(SessionState s, SessionInput... inputs) {
        Transition t = null;
        SessionState at = s;
        for (SessionInput in : inputs) {
            t = SessionMachine.apply(at, in, NOW);
            at = t.state();
        }
        return t;
    }

    static void refused(int status, String code, ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(status);
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
        });
    }
}
