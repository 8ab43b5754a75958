package dev.flightdeck.core.agent;

import dev.flightdeck.core.connector.Connectors;
import dev.flightdeck.core.connector.LaunchSpec;
import dev.flightdeck.core.conversation.ConversationService;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.session.CreateSession;
import dev.flightdeck.core.session.SessionConfig;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionViews;
import dev.flightdeck.core.session.SessionWire;
import dev.flightdeck.core.session.machine.ControlTransitions;
import dev.flightdeck.core.session.machine.SessionInput;
import dev.flightdeck.core.session.machine.SessionState;
import dev.flightdeck.core.session.machine.SessionTransitions;
import dev.flightdeck.core.usage.UsageService;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.util.List;

/**
 * The transactional half of the turn controls that reshape a conversation: rollback and undo, compact,
 * and fork. Claude keeps its conversation in its own transcript, so a rollback or fork does not edit
 * it: it records the message the next launch resumes at, and the runtime relaunches there.
 */
@Stateless
public class TurnControls {

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    ConversationService conversation;

    @Inject
    UsageService usage;

    @Inject
    EventLog log;

    @Inject
    Connectors connectors;

    @Inject
    SessionTransitions transitions;

    public record RolledBack(int numTurns, int turnCount) {
    }

    /** 422 unsupported_control, or 409 control_unavailable, unless the rules of §1.5 allow the control now. */
    public void require(SessionEntity s, String control) {
        ControlTransitions.require(SessionState.of(s, connectors.installed(s.provider)), control);
    }

    /** The session's detail, once the control is allowed for it now. */
    public SessionWire.Detail check(String sessionId, String control) {
        require(sessions.find(sessionId), control);
        return sessions.detail(sessionId);
    }

    /**
     * Takes the newest {@code numTurns} turns out of the conversation: their rows stay, marked
     * rolled_back (or undone), and the agent's next launch resumes after the last kept turn.
     */
    public RolledBack rollback(String sessionId, int numTurns, boolean undo) {
        SessionEntity s = sessions.lock(sessionId);
        List<String> live = conversation.liveTurns(s.id);
        int keep = live.size() - numTurns;
        String lastKeptResume = keep > 0 && numTurns >= 1 ? usage.resumeRef(s.id, live.get(keep - 1)) : null;
        transitions.apply(s, new SessionInput.RolledBack(numTurns, live, lastKeptResume, undo),
                System.currentTimeMillis(), null);
        return new RolledBack(numTurns, s.turnCount);
    }

    /**
     * Announces undo_started once the undo is allowed now (else the 4xx it would get), in a transaction
     * of its own, so subscribers hear of the undo before the rollback's undo_completed.
     */
    public void undoStarted(String sessionId) {
        require(sessions.find(sessionId), "undo_last_turn");
        log.append(Scope.session(sessionId), EventType.UNDO_STARTED,
                rev -> new AgentWire.UndoStarted(EventType.UNDO_STARTED.wire(), sessionId, rev));
    }

    /** An undo announced as started could not be done: its undo_completed says so. */
    public void undoFailed(String sessionId, String message) {
        log.append(Scope.session(sessionId), EventType.UNDO_COMPLETED,
                rev -> new AgentWire.UndoCompleted(EventType.UNDO_COMPLETED.wire(), sessionId, rev, false, message));
    }

    /** Opens a turn for compaction; the agent's result closes it like any other turn. */
    public LaunchSpec beginCompact(String sessionId) {
        SessionEntity s = transitions.apply(sessionId, new SessionInput.CompactStarted(), System.currentTimeMillis())
                .session();
        return TurnService.launchSpec(s);
    }

    /**
     * A new direct session continuing the source's conversation: all of it, or the turns before its
     * n-th user message. The rows are copied; the agent forks Claude's transcript on its first launch.
     */
    public SessionWire.Forked fork(String sourceId, ForkRequest req) {
        SessionEntity source = sessions.lock(sourceId);
        List<String> live = conversation.liveTurns(source.id);
        List<String> kept = live;
        if (req.nthUserMessage() != null) {
            String turn = conversation.turnOfUserMessage(source.id, req.nthUserMessage());
            if (turn == null) {
                throw ErrorCode.INVALID_FORK_ARGUMENT.error("nth_user_message: session " + sourceId
                        + " has fewer than " + req.nthUserMessage() + " user messages");
            }
            kept = live.subList(0, live.indexOf(turn));
        }
        String resumeAt = source.resumeAt;
        if (kept.size() < live.size() && !kept.isEmpty()) {
            resumeAt = usage.resumeRef(source.id, kept.get(kept.size() - 1));
        }
        String providerId = source.claudeSessionId != null ? source.claudeSessionId : source.forkFromProviderId;
        if (!kept.isEmpty() && (providerId == null || kept.size() < live.size() && resumeAt == null)) {
            throw ErrorCode.FORK_FAILED.error("session " + sourceId
                    + " has no agent conversation to fork at that point");
        }

        JsonObjectBuilder config = Json.createObjectBuilder(SessionConfig.parse(source.configJson));
        if (source.model != null) {
            config.add("model", source.model);
        }
        req.overrides().forEach(config::add);
        SessionWire.Created created = sessions.create(new CreateSession(source.provider,
                Path.of(req.cwd() != null ? req.cwd() : source.currentCwd), null, null, config.build()));
        SessionEntity fork = sessions.lock(created.sessionId());
        long now = System.currentTimeMillis();
        fork.forkedFromSessionId = source.id;
        if (!kept.isEmpty()) {
            fork.forkFromProviderId = providerId;
            fork.resumeAt = resumeAt;
            fork.turnCount = kept.size();
            fork.turnSeq = source.turnSeq;
            fork.firstPrompt = source.firstPrompt;
            conversation.copyRows(source.id, fork, kept, now);
        }
        String forkId = fork.id;
        log.append(Scope.session(source.id), EventType.SESSION_FORKED,
                rev -> new AgentWire.SessionForked(EventType.SESSION_FORKED.wire(), source.id, rev, forkId));
        long revision = sessions.publishDelta(fork, Json.createObjectBuilder()
                .add("forked_from_session_id", source.id).add("turn_count", fork.turnCount).build());
        return new SessionWire.Forked(source.id, forkId,
                SessionViews.summary(fork, revision, connectors.installed(fork.provider)));
    }
}
