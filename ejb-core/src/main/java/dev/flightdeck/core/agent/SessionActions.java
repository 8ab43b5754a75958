package dev.flightdeck.core.agent;

import dev.flightdeck.core.approval.ApprovalService;
import dev.flightdeck.core.approval.ApprovalWire;
import dev.flightdeck.core.connector.AgentHandle;
import dev.flightdeck.core.connector.ApprovalDecision;
import dev.flightdeck.core.conversation.ConversationWire;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * What the session routes do when an agent is involved: commit the change first, then talk to the
 * process. Nothing here holds a transaction while waiting on an agent.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionActions {
    static final int MAX_CONTENT = 1_000_000;

    @Inject
    TurnService turns;

    @Inject
    AgentRuntime runtime;

    @Inject
    SessionService sessions;

    @Inject
    ApprovalService approvals;

    public ConversationWire.Accepted send(String sessionId, JsonObject body, boolean steer) {
        String content = content(body);
        String expected = body.get("expected_turn_id") instanceof JsonString s ? s.getString() : null;
        String provider = sessions.detail(sessionId).session().provider();
        TurnService.Accepted accepted = turns.accept(sessionId, steer, content, null, expected);
        AgentHandle h;
        try {
            h = runtime.ensureRunning(sessionId, provider, accepted.launch());
        } catch (ApiException e) {
            turns.startFailed(sessionId, e.getMessage());
            throw e;
        }
        h.sendMessage(content, List.of());
        return new ConversationWire.Accepted(true, accepted.row(), sessions.detail(sessionId));
    }

    public SessionWire.Accepted interrupt(String sessionId) {
        AgentHandle h = runtime.handle(sessionId);
        SessionWire.Detail d = sessions.detail(sessionId);
        if (h == null || d.session().currentTurnId() == null) {
            throw ApiException.conflict("not_interruptible", "session " + sessionId + " has no running turn");
        }
        runtime.interrupt(sessionId, h);
        return new SessionWire.Accepted(true, d);
    }

    public ApprovalWire.Outcome decide(String sessionId, String requestId, JsonObject body, String expectedType,
                                       ApprovalDecision decision) {
        AgentHandle h = runtime.handle(sessionId);
        ApprovalService.Decided d = approvals.decide(sessionId, requestId, decision, expectedType, h != null,
                System.currentTimeMillis());
        if (d.applied()) {
            JsonObject input = null;
            if (d.approval().toolInput != null) {
                try (var r = jakarta.json.Json.createReader(new StringReader(d.approval().toolInput))) {
                    input = r.readObject();
                }
            }
            h.decide(requestId, decision, input);
            if (decision.stopsTurn()) {
                runtime.interrupt(sessionId, h);
            }
        }
        return new ApprovalWire.Outcome(sessionId, requestId, d.applied() ? "applied" : "stale", d.activeRequestId(),
                d.approvalVersion(), sessions.detail(sessionId));
    }

    /** Ends the session and kills its agent's whole process tree. */
    public SessionWire.Accepted end(String sessionId) {
        SessionWire.Accepted a = sessions.end(sessionId);
        runtime.stop(sessionId);
        return a;
    }

    private static String content(JsonObject body) {
        JsonValue v = body.get("content");
        if (!(v instanceof JsonString s) || s.getString().isBlank()) {
            throw ApiException.invalidField("content", "must be a non-empty string");
        }
        if (s.getString().length() > MAX_CONTENT) {
            throw ApiException.invalidField("content", "must be at most " + MAX_CONTENT + " characters");
        }
        return s.getString();
    }
}
