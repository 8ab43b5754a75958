package dev.flightdeck.core.agent;

import dev.flightdeck.core.approval.ApprovalService;
import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.LaunchSpec;
import dev.flightdeck.core.connector.RowDraft;
import dev.flightdeck.core.conversation.ConversationWire;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.review.ReviewSurface;
import dev.flightdeck.core.session.SessionConfig;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.machine.SessionInput;
import dev.flightdeck.core.session.machine.SessionTransitions;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The transactional half of driving an agent: a message, a steer or a batch of agent events, each
 * applied to the session through the state machine in one transaction. The runtime does the process
 * I/O (and reads git for a turn's diff) before or after, never inside.
 */
@Stateless
public class TurnService {
    @Inject
    jakarta.enterprise.event.Event<TurnEnded> turnEnded;

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    SessionTransitions transitions;

    @Inject
    ApprovalService approvals;

    @Inject
    dev.flightdeck.core.capability.Capabilities capabilities;
    @Inject
    dev.flightdeck.core.usage.RateLimitStore rateLimits;

    @Inject
    dev.flightdeck.core.subagent.SubagentService subagents;

    @Inject
    dev.flightdeck.core.event.EventLog log;

    /** A message or steer accepted into the conversation, and how to start the agent if it is not running. */
    public record Accepted(ConversationWire.RowEntry row, LaunchSpec launch, String turnId, String messageId) {
    }

    /**
     * Records a user message (a new turn unless one is running) or a steer (into the running turn).
     * Nothing is written when the session cannot take it.
     */
    public Accepted accept(String sessionId, boolean steer, MessageInput in) {
        // The row id carries the id the agent records for the message, so a rewind can name it.
        String messageId = UUID.randomUUID().toString();
        SessionTransitions.Applied applied = transitions.apply(sessionId, new SessionInput.MessageAccepted(steer,
                in.content(), in.model(), in.expectedTurnId(), messageId, in.imageRows()), System.currentTimeMillis());
        SessionEntity s = applied.session();
        return new Accepted(applied.rows().get(0), launchSpec(s), s.currentTurnId, messageId);
    }

    /** How to start the session's agent now. */
    public LaunchSpec launch(String sessionId) {
        return launchSpec(sessions.find(sessionId));
    }

    static LaunchSpec launchSpec(SessionEntity s) {
        // Sessions stored before the Codex defaults existed, or taken over from a terminal, get them too.
        JsonObject c = SessionConfig.withDefaults(s.provider, SessionConfig.parse(s.configJson));
        // The permission setting a connector applies: Claude's permission mode, Codex's approval policy.
        String permission = SessionConfig.stringOrNull(c, "codex".equals(s.provider) ? "approval_policy" : "permission_mode");
        return new LaunchSpec(s.id, Path.of(s.currentCwd), s.model, permission,
                s.claudeSessionId != null ? s.claudeSessionId : s.forkFromProviderId,
                s.claudeSessionId == null && s.forkFromProviderId != null, s.resumeAt,
                SessionConfig.stringOrNull(c, "developer_instructions"),
                strings(c, "allowed_tools"), strings(c, "disallowed_tools"),
                SessionConfig.stringOrNull(c, "sandbox_mode"), c.getBoolean("allow_bypass_permissions", false),
                strings(c, "skills"), SessionConfig.booleanOrNull(c, "multi_agent"),
                SessionConfig.stringOrNull(c, "service_tier"));
    }

    /** Records the process serving a session, so a later boot can find and reap it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(String sessionId, long pid, String node) {
        transitions.apply(sessionId, new SessionInput.AgentStarted(pid, node), System.currentTimeMillis());
    }

    /** The agent could not be started: the turn that was waiting for it ends at once. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void startFailed(String sessionId, String reason) {
        transitions.apply(sessionId, new SessionInput.StartFailed(reason), System.currentTimeMillis());
    }

    /**
     * Applies a batch of events from the agent, in order, in a transaction of its own. Consecutive
     * rows are written together and announced in one conversation_rows_changed.
     *
     * @param capture the diff of the turn the batch completes, read before this transaction; null if none
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void apply(String sessionId, List<AgentEvent> events, boolean interruptRequested,
                      ReviewSurface.TurnCapture capture) {
        SessionEntity s = em.find(SessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return;
        }
        long now = System.currentTimeMillis();
        List<RowDraft> rows = new ArrayList<>();
        for (AgentEvent event : events) {
            if (event instanceof AgentEvent.Row r) {
                rows.add(r.row());
                continue;
            }
            rows(s, rows, now);
            if (event instanceof AgentEvent.Bound b) {
                transitions.apply(s, new SessionInput.AgentBound(b.providerSessionId(), b.model()), now, null);
            } else if (event instanceof AgentEvent.ApprovalRequested a) {
                approvals.enqueue(s, a, now);
            } else if (event instanceof AgentEvent.TurnCompleted t) {
                transitions.apply(s, new SessionInput.TurnCompleted(t.usage(), t.resumeRef(), interruptRequested,
                        approvals.pendingCount(s.id)), now, capture);
                turnEnded.fire(new TurnEnded(s.id, interruptRequested ? "interrupted" : t.outcome(), t.resultText()));
            } else if (event instanceof AgentEvent.Capability c) {
                capabilities.announce(s.id, c);
            } else if (event instanceof AgentEvent.Notice n) {
                notice(s.id, n);
            } else if (event instanceof AgentEvent.RateLimits r) {
                rateLimits.record(r.provider(), r.report(), now);
            } else if (event instanceof AgentEvent.Subagent || event instanceof AgentEvent.SubagentRow) {
                subagents.apply(s, event, now);
            } else if (event instanceof AgentEvent.Exited x) {
                boolean midTurn = s.currentTurnId != null;
                subagents.agentExited(s, now);
                transitions.apply(s, new SessionInput.AgentExited(x.exitCode(), x.detail(),
                        approvals.pendingCount(s.id)), now, null);
                if (midTurn && !"stopped".equals(x.detail())) {
                    turnEnded.fire(new TurnEnded(s.id, "exited", "the agent exited (code " + x.exitCode() + ")"));
                }
            }
        }
        rows(s, rows, now);
    }

    /** Logs what the CLI reported for the session's subscribers, in the shape it came in plus the envelope. */
    private void notice(String sessionId, AgentEvent.Notice n) {
        dev.flightdeck.core.event.EventType.of(n.type()).ifPresent(type -> log.append(
                dev.flightdeck.core.event.Scope.session(sessionId), type,
                rev -> jakarta.json.Json.createObjectBuilder(n.payload()).add("type", type.wire())
                        .add("session_id", sessionId).add("revision", rev).build()));
    }

    private void rows(SessionEntity s, List<RowDraft> rows, long now) {
        if (!rows.isEmpty()) {
            transitions.apply(s, new SessionInput.RowsReceived(List.copyOf(rows)), now, null);
            rows.clear();
        }
    }

    /** Marks turns with no progress for longer than the limit; returns how many were marked. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int markStalled(long limitMillis) {
        long now = System.currentTimeMillis();
        List<SessionEntity> working = em.createQuery("SELECT s FROM SessionEntity s WHERE s.status = 'active' "
                + "AND s.currentTurnId IS NOT NULL AND s.attentionReason IS NULL", SessionEntity.class).getResultList();
        int marked = 0;
        for (SessionEntity w : working) {
            // Read first, lock only the few that look stalled; the machine decides again under the lock.
            if (AgentRules.stalled(true, w.lastProgressAt, now, limitMillis)
                    && "stalled".equals(transitions.apply(w.id, new SessionInput.Stalled(limitMillis), now)
                    .session().attentionReason)) {
                marked++;
            }
        }
        return marked;
    }

    /** Processes an earlier run left behind: their pids, cleared in the database as exited. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Long> takeLeftovers(String node) {
        List<SessionEntity> left = em.createQuery("SELECT s FROM SessionEntity s WHERE s.providerPid IS NOT NULL "
                + "AND (s.connectorNode IS NULL OR s.connectorNode = :node)", SessionEntity.class)
                .setParameter("node", node).getResultList();
        Map<String, Long> pids = new HashMap<>();
        long now = System.currentTimeMillis();
        for (SessionEntity l : left) {
            pids.put(l.id, l.providerPid);
            SessionEntity s = sessions.lock(l.id);
            transitions.apply(s, new SessionInput.AgentExited(-1, "server restarted", approvals.pendingCount(s.id)),
                    now, null);
        }
        return pids;
    }

    private static List<String> strings(JsonObject c, String field) {
        List<String> out = new ArrayList<>();
        if (c.get(field) instanceof jakarta.json.JsonArray a) {
            a.forEach(v -> {
                if (v instanceof jakarta.json.JsonString str) {
                    out.add(str.getString());
                }
            });
        }
        return out;
    }
}
