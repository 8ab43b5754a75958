package dev.flightdeck.core.agent;

import dev.flightdeck.core.approval.ApprovalService;
import dev.flightdeck.core.approval.ApprovalWire;
import dev.flightdeck.core.approval.PermissionGrant;
import dev.flightdeck.core.approval.QuestionAnswers;
import dev.flightdeck.core.attachment.AttachmentStore;
import dev.flightdeck.core.connector.AgentHandle;
import dev.flightdeck.core.connector.ApprovalDecision;
import dev.flightdeck.core.connector.LaunchSpec;
import dev.flightdeck.core.conversation.ConversationWire;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.review.ReviewRules;
import dev.flightdeck.core.session.CreateSession;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionWire;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;

/**
 * What the session routes do when an agent is involved: commit the change first, then talk to the
 * process. Nothing here holds a transaction while waiting on an agent.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionActions {
    @Inject
    TurnService turns;

    @Inject
    AgentRuntime runtime;

    @Inject
    SessionService sessions;

    @Inject
    ApprovalService approvals;

    @Inject
    TurnControls controls;

    @Inject
    dev.flightdeck.core.conversation.ConversationService conversation;

    @Inject
    AttachmentStore attachments;

    @Inject
    dev.flightdeck.core.review.ReviewService review;

    /**
     * Creates a session, and when it names an {@code initial_prompt}, sends that as its first turn once
     * the session is committed. An agent that cannot start leaves the session with an error row, as a
     * first message would, and the session is still returned.
     */
    /** Creates the session, then sends its initial prompt, if any, as the first turn. */
    public SessionWire.Created create(CreateSession req) {
        SessionWire.Created created = sessions.create(req);
        if (req.initialPrompt() != null) {
            try {
                send(created.sessionId(), MessageInput.text(req.initialPrompt()), false);
            } catch (ApiException e) {
                // The session exists either way; the conversation shows why its first turn did not start.
                java.util.logging.Logger.getLogger(SessionActions.class.getName()).warning("the initial prompt of "
                        + created.sessionId() + " was not sent: " + e.getMessage());
            }
        }
        return created;
    }

    /** A message or steer body as the client sent it: its images are read from the session's attachments. */
    public ConversationWire.Accepted send(String sessionId, MessageRequest body, boolean steer) {
        return send(sessionId, body.resolve(id -> {
            try {
                AttachmentStore.Stored st = attachments.read(sessionId, id);
                return new AgentHandle.ImageInput(st.mimeType(), java.util.Base64.getEncoder().encodeToString(st.bytes()));
            } catch (ApiException missing) {
                return null;
            }
        }), steer);
    }

    public ConversationWire.Accepted send(String sessionId, MessageInput in, boolean steer) {
        String provider = sessions.detail(sessionId).session().provider();
        TurnService.Accepted accepted = turns.accept(sessionId, steer, in);
        AgentHandle h = start(sessionId, provider, accepted.launch());
        if (in.model() != null) {
            h.setModel(in.model());
        }
        if (in.effort() != null) {
            h.setEffort(in.claudeEffort());
        }
        h.sendMessage(in.content(), in.images(), in.refs(), accepted.messageId());
        return new ConversationWire.Accepted(true, accepted.row(), sessions.detail(sessionId));
    }

    /** Starts the agent for a turn just opened; if it cannot start, that turn ends at once. */
    private AgentHandle start(String sessionId, String provider, LaunchSpec launch) {
        try {
            return runtime.ensureRunning(sessionId, provider, launch);
        } catch (ApiException e) {
            turns.startFailed(sessionId, e.getMessage());
            throw e;
        }
    }

    public SessionWire.Accepted compact(String sessionId) {
        LaunchSpec launch = controls.beginCompact(sessionId);
        String provider = sessions.detail(sessionId).session().provider();
        start(sessionId, provider, launch).compact(java.util.UUID.randomUUID().toString());
        return new SessionWire.Accepted(true, sessions.detail(sessionId));
    }

    /**
     * Rolls back (or undoes) turns. The agent is stopped after the commit, so its next launch resumes
     * Claude's conversation where the kept turns end.
     */
    public SessionWire.Accepted rollback(String sessionId, int numTurns, boolean undo) {
        if (numTurns < 1) {
            throw ErrorCode.INVALID_ARGUMENT.error("num_turns: must be at least 1");
        }
        if (undo) {
            controls.undoStarted(sessionId);
            try {
                controls.rollback(sessionId, numTurns, true);
            } catch (ApiException e) {
                controls.undoFailed(sessionId, e.getMessage());
                throw e;
            }
        } else {
            controls.rollback(sessionId, numTurns, false);
        }
        runtime.stop(sessionId);
        return new SessionWire.Accepted(true, sessions.detail(sessionId));
    }

    /** Stops one background task of the running agent (Claude only). */
    public SessionWire.Accepted stopTarget(String sessionId, String targetId) {
        controls.check(sessionId, "stop_target");
        AgentHandle h = runtime.handle(sessionId);
        if (h == null) {
            throw ErrorCode.NOT_RUNNING.error("session " + sessionId + " has no running agent, so no task runs");
        }
        tasks(h, "stop_target").stopTask(targetId);
        return new SessionWire.Accepted(true, sessions.detail(sessionId));
    }

    /** Restores the files the agent changed since one of the session's user messages (Claude only). */
    public SessionWire.Accepted rewind(String sessionId, String messageId) {
        SessionWire.Detail d = controls.check(sessionId, "rewind_to_message");
        if (!conversation.isUserMessage(sessionId, messageId)) {
            throw ErrorCode.INVALID_ARGUMENT.error("message_id: " + messageId
                    + " is not a user message of session " + sessionId);
        }
        AgentHandle h = runtime.ensureRunning(sessionId, d.session().provider(), turns.launch(sessionId));
        tasks(h, "rewind_to_message").rewindFiles(messageId.substring(messageId.indexOf('-') + 1));
        return new SessionWire.Accepted(true, sessions.detail(sessionId));
    }

    /**
     * Sends review comments to the agent as one message quoting each (a steer while a turn runs and
     * the caller asked for one), and records the turn that carried them: they resolve when it ends.
     */
    public ConversationWire.Accepted sendReview(String sessionId, ReviewRules.Send req) {
        String content = ReviewRules.message(review.pick(sessionId, req.commentIds()));
        boolean steer = req.steer() && sessions.detail(sessionId).session().currentTurnId() != null;
        ConversationWire.Accepted accepted = send(sessionId, MessageRequest.text(content), steer);
        review.markSent(sessionId, req.commentIds(), accepted.row().turnId());
        return accepted;
    }

    /** A command Codex runs in its thread, unsandboxed (contract §1.5); other agents have none. */
    public SessionWire.Accepted shellCommand(String sessionId, String command) {
        SessionWire.Detail d = sessions.detail(sessionId);
        if (!"codex".equals(d.session().provider())) {
            throw unsupportedShell();
        }
        controls.check(sessionId, "shell_command");
        AgentHandle h = runtime.ensureRunning(sessionId, "codex", turns.launch(sessionId));
        if (!(h instanceof AgentHandle.ThreadShell shell)) {
            throw unsupportedShell();
        }
        shell.shellCommand(command);
        return new SessionWire.Accepted(true, sessions.detail(sessionId));
    }

    private static ApiException unsupportedShell() {
        return ErrorCode.UNSUPPORTED_SESSION_SHELL.error("shell-command runs in Codex sessions; "
                + "use conversation/shell/exec for a command of your own");
    }

    /** The agent's background tasks and checkpoints; the rules let only agents that have them get here. */
    private static AgentHandle.Tasks tasks(AgentHandle h, String control) {
        if (!(h instanceof AgentHandle.Tasks t)) {
            throw ErrorCode.UNSUPPORTED_CONTROL.error(control + " is not supported by this agent");
        }
        return t;
    }

    public SessionWire.Forked fork(String sessionId, ForkRequest req) {
        return controls.fork(sessionId, req);
    }

    public SessionWire.Accepted interrupt(String sessionId) {
        AgentHandle h = runtime.handle(sessionId);
        SessionWire.Detail d = sessions.detail(sessionId);
        if (h == null || d.session().currentTurnId() == null) {
            throw ErrorCode.NOT_INTERRUPTIBLE.error("session " + sessionId + " has no running turn");
        }
        runtime.interrupt(sessionId, h);
        return new SessionWire.Accepted(true, d);
    }

    public ApprovalWire.Outcome decide(String sessionId, String requestId, String expectedType,
                                       ApprovalDecision decision) {
        AgentHandle h = runtime.handle(sessionId);
        ApprovalService.Decided d = approvals.decide(sessionId, requestId, decision, expectedType, h != null,
                System.currentTimeMillis());
        if (d.applied()) {
            JsonObject input = d.approval().toolInput == null ? null : parse(d.approval().toolInput);
            h.decide(requestId, d.approval().toolName, decision, input);
            if (decision.stopsTurn()) {
                runtime.interrupt(sessionId, h);
            }
        }
        return new ApprovalWire.Outcome(sessionId, requestId, d.applied() ? "applied" : "stale", d.activeRequestId(),
                d.approvalVersion(), sessions.detail(sessionId));
    }

    /** Answers a pending question (Claude's AskUserQuestion): the tool goes on with the answers in its input. */
    public ApprovalWire.Outcome answer(String sessionId, String requestId, QuestionAnswers.Request body) {
        JsonObject toolInput = approvals.pendingRequests(sessionId).stream()
                .filter(r -> r.id().equals(requestId) && r.toolInput() != null).findFirst()
                .map(r -> parse(r.toolInput())).orElse(null);
        JsonObject updated = QuestionAnswers.updatedInput(toolInput, body);
        return decide(sessionId, requestId, "question", new ApprovalDecision("approved", null, false, updated));
    }

    /**
     * Grants a pending permission request for this turn, or for the rest of the session: what it asked
     * for, or the {@code permissions} the body names (then only a permissions request takes it).
     */
    public ApprovalWire.Outcome respondToPermission(String sessionId, String requestId, PermissionGrant grant) {
        return decide(sessionId, requestId, grant.permissions() != null ? "permissions" : null, grant.decision());
    }

    /** Ends the session and kills its agent's whole process tree. */
    public SessionWire.Accepted end(String sessionId) {
        SessionWire.Accepted a = sessions.end(sessionId);
        runtime.stop(sessionId);
        return a;
    }


    private static JsonObject parse(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
