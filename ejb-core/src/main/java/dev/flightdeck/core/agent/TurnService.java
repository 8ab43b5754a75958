package dev.flightdeck.core.agent;

import dev.flightdeck.core.approval.ApprovalService;
import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.LaunchSpec;
import dev.flightdeck.core.connector.RowDraft;
import dev.flightdeck.core.conversation.ConversationService;
import dev.flightdeck.core.conversation.ConversationWire;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.event.Surface;
import dev.flightdeck.core.session.SessionConfig;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionStatus;
import dev.flightdeck.core.session.WorkStatus;
import dev.flightdeck.core.usage.UsageService;
import dev.flightdeck.core.usage.UsageWire;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The transactional half of driving an agent: what a message, a steer or an agent event does to the
 * session, its rows, its approvals and its usage. Each method is one transaction; the runtime does
 * the process I/O before or after it.
 */
@Stateless
public class TurnService {
    static final int MAX_LAST_MESSAGE = 10_000;
    private static final Set<String> DETAIL = Set.of(Surface.DETAIL, Surface.COMPOSER);

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    EventLog log;

    @Inject
    SessionService sessions;

    @Inject
    ConversationService conversation;

    @Inject
    ApprovalService approvals;

    @Inject
    UsageService usage;

    @Inject
    dev.flightdeck.core.review.ReviewService review;

    @Inject
    dev.flightdeck.core.review.ReviewSurface diffs;

    /** A message or steer accepted into the conversation, and how to start the agent if it is not running. */
    public record Accepted(ConversationWire.RowEntry row, LaunchSpec launch, String turnId, String messageId) {
    }

    /**
     * Records a user message (a new turn unless one is running) or a steer (into the running turn).
     * Nothing is written when the session cannot take it.
     */
    public Accepted accept(String sessionId, boolean steer, MessageInput in) {
        String content = in.content();
        String expectedTurnId = in.expectedTurnId();
        SessionEntity s = sessions.lock(sessionId);
        if (!SessionStatus.ACTIVE.equals(s.status) || !"direct".equals(s.controlMode)) {
            throw new ApiException(503, "connector_unavailable", "session " + sessionId
                    + (SessionStatus.ACTIVE.equals(s.status) ? " is passive; take it over first" : " has ended"));
        }
        if (steer) {
            if (s.currentTurnId == null) {
                throw ApiException.conflict("not_steerable", "session " + sessionId + " has no running turn to steer");
            }
            if (expectedTurnId != null && !expectedTurnId.equals(s.currentTurnId)) {
                throw ApiException.conflict("active_turn_mismatch", "expected_turn_id: the running turn is "
                        + s.currentTurnId + ", not " + expectedTurnId);
            }
        }
        long now = System.currentTimeMillis();
        JsonObjectBuilder changes = Json.createObjectBuilder();
        if (s.currentTurnId == null) {
            openTurn(s);
            s.workStatus = WorkStatus.WORKING;
            s.attentionReason = null;
            changes.add("work_status", s.workStatus).add("current_turn_id", s.currentTurnId)
                    .add("turn_count", s.turnCount).add("steerable", true);
        }
        s.promptCount++;
        if (s.firstPrompt == null) {
            s.firstPrompt = clip(content);
            changes.add("first_prompt", s.firstPrompt).add("display_title", title(s));
        }
        s.lastMessage = clip(content);
        s.lastActivityAt = now;
        s.lastProgressAt = now;
        changes.add("last_message", s.lastMessage);
        if (in.model() != null && !in.model().equals(s.model)) {
            s.model = in.model();
            changes.add("model", s.model);
        }
        String rowType = steer ? "steer" : "user";
        // The row id carries the id the agent records for the message, so a rewind can name it.
        String messageId = UUID.randomUUID().toString();
        String rowId = rowType + "-" + messageId;
        JsonObject row = Json.createObjectBuilder().add("row_type", rowType).add("id", rowId).add("content", content)
                .add("timestamp", java.time.Instant.ofEpochMilli(now).toString()).add("is_streaming", false)
                .add("images", in.imageRows()).build();
        ConversationWire.RowEntry entry = conversation.upsert(s, List.of(new RowDraft(rowId, rowType, null, null, null,
                null, content.toLowerCase(java.util.Locale.ROOT), row, null)), now).get(0);
        sessions.publishDelta(s, changes.build());
        return new Accepted(entry, launchSpec(s), s.currentTurnId, messageId);
    }

    /** How to start the session's agent now. */
    public LaunchSpec launch(String sessionId) {
        SessionEntity s = em.find(SessionEntity.class, sessionId);
        if (s == null) {
            throw ApiException.notFound("not_found", "no session " + sessionId);
        }
        return launchSpec(s);
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
                strings(c, "skills"));
    }

    /** Records the process serving a session, so a later boot can find and reap it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(String sessionId, long pid, String node) {
        SessionEntity s = sessions.lock(sessionId);
        s.providerPid = pid;
        s.connectorNode = node;
        sessions.publishDelta(s, Json.createObjectBuilder().add("connector_attached", true).build());
    }

    /** The agent could not be started: the turn that was waiting for it ends at once. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void startFailed(String sessionId, String reason) {
        SessionEntity s = sessions.lock(sessionId);
        long now = System.currentTimeMillis();
        closeTurn(s, now);
        conversation.upsert(s, List.of(notice("start-failed-" + UUID.randomUUID(), "error", reason)), now);
        sessions.publishDelta(s, Json.createObjectBuilder().add("work_status", s.workStatus)
                .addNull("current_turn_id").build());
    }

    /**
     * Applies a batch of events from the agent, in order, in a transaction of its own. Consecutive
     * rows are written together and announced in one conversation_rows_changed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void apply(String sessionId, List<AgentEvent> events, boolean interruptRequested) {
        SessionEntity s = em.find(SessionEntity.class, sessionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            return;
        }
        long now = System.currentTimeMillis();
        s.lastProgressAt = now;
        List<RowDraft> rows = new ArrayList<>();
        for (AgentEvent event : events) {
            if (event instanceof AgentEvent.Row r) {
                rows.add(r.row());
                continue;
            }
            rows(s, rows, now);
            rows.clear();
            if (event instanceof AgentEvent.Bound b) {
                bound(s, b);
            } else if (event instanceof AgentEvent.ApprovalRequested a) {
                approvals.enqueue(s, a, now);
            } else if (event instanceof AgentEvent.TurnCompleted t) {
                completeTurn(s, t, interruptRequested, now);
            } else if (event instanceof AgentEvent.Exited x) {
                exited(s, x, now);
            }
        }
        rows(s, rows, now);
    }

    private void bound(SessionEntity s, AgentEvent.Bound b) {
        JsonObjectBuilder changes = Json.createObjectBuilder();
        // A launch that resumed at a point (rollback) or forked may bind a new provider id (a Codex fork
        // is a new thread); later launches resume that one.
        boolean rebinding = s.resumeAt != null || s.forkFromProviderId != null;
        if (b.providerSessionId() != null && (s.claudeSessionId == null || rebinding)
                && !b.providerSessionId().equals(s.claudeSessionId)) {
            s.claudeSessionId = b.providerSessionId();
            changes.add("codex".equals(s.provider) ? "codex_thread_id" : "claude_session_id", s.claudeSessionId);
        }
        // The agent now runs from the rollback or fork point; later launches resume its own newest state.
        s.resumeAt = null;
        s.forkFromProviderId = null;
        if (s.model == null && b.model() != null) {
            s.model = b.model();
            changes.add("model", s.model);
        }
        JsonObject c = changes.build();
        if (!c.isEmpty()) {
            sessions.publishDelta(s, c);
        }
    }

    private void rows(SessionEntity s, List<RowDraft> rows, long now) {
        if (rows.isEmpty()) {
            return;
        }
        conversation.upsert(s, rows, now);
        JsonObjectBuilder changes = Json.createObjectBuilder();
        for (RowDraft r : rows) {
            if ("tool".equals(r.rowType()) && "running".equals(r.status())) {
                s.toolCount++;
                changes.add("tool_count", s.toolCount).add("last_tool", r.row().getString("title", ""));
            }
            if ("assistant".equals(r.rowType())) {
                s.lastMessage = clip(r.row().getString("content", ""));
                s.lastActivityAt = now;
                changes.add("last_message", s.lastMessage);
            }
        }
        JsonObject c = changes.build();
        if (!c.isEmpty()) {
            sessions.publishDelta(s, c);
        }
    }

    private void completeTurn(SessionEntity s, AgentEvent.TurnCompleted t, boolean interrupted, long now) {
        if (s.currentTurnId == null) {
            // The agent ran a turn nobody started here (a queued message): count it as its own turn.
            openTurn(s);
        }
        String turnId = s.currentTurnId;
        dev.flightdeck.persistence.usage.UsageTurnEntity used = usage.record(s, turnId, t.usage(), now);
        used.resumeRef = t.resumeRef();
        diffs.captureTurn(s, turnId, used, now);
        if (interrupted) {
            conversation.upsert(s, List.of(notice("aborted-" + turnId, "warning", "Turn interrupted")), now);
        }
        approvals.abandonPending(s, now);
        review.resolveAnswered(s, turnId, now);
        closeTurn(s, now);
        String id = s.id;
        UsageWire.Usage u = new UsageWire.Usage(s.inputTokens, s.outputTokens, s.cachedTokens, s.contextWindow);
        log.append(Scope.session(id), "tokens_updated", DETAIL,
                rev -> new UsageWire.TokensUpdated("tokens_updated", id, rev, u, "context_turn"));
        sessions.publishDelta(s, Json.createObjectBuilder().add("work_status", s.workStatus)
                .addNull("current_turn_id").add("steerable", false).add("total_cost_usd", s.totalCostUsd)
                .add("approval_version", s.approvalVersion).build());
    }

    private void exited(SessionEntity s, AgentEvent.Exited x, long now) {
        s.providerPid = null;
        s.connectorNode = null;
        JsonObjectBuilder changes = Json.createObjectBuilder().add("connector_attached", SessionStatus.ACTIVE.equals(s.status));
        if (s.currentTurnId != null) {
            if (!"stopped".equals(x.detail())) {
                conversation.upsert(s, List.of(notice("exit-" + UUID.randomUUID(), "error",
                        "The agent exited (code " + x.exitCode() + ") during the turn")), now);
            }
            approvals.abandonPending(s, now);
            closeTurn(s, now);
            changes.add("work_status", s.workStatus).addNull("current_turn_id");
        }
        sessions.publishDelta(s, changes.build());
    }

    /** Starts the session's next turn: a new id that no earlier turn, even a rolled-back one, had. */
    public static void openTurn(SessionEntity s) {
        s.turnSeq++;
        s.turnCount++;
        s.currentTurnId = AgentRules.turnId(s.turnSeq);
    }

    private static void closeTurn(SessionEntity s, long now) {
        s.currentTurnId = null;
        if (SessionStatus.ACTIVE.equals(s.status)) {
            s.workStatus = AgentRules.afterTurn();
        }
        s.lastActivityAt = now;
    }

    /** Marks turns with no progress for longer than the limit; returns how many were marked. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int markStalled(long limitMillis) {
        long now = System.currentTimeMillis();
        List<SessionEntity> working = em.createQuery("SELECT s FROM SessionEntity s WHERE s.status = 'active' "
                + "AND s.currentTurnId IS NOT NULL AND s.attentionReason IS NULL", SessionEntity.class).getResultList();
        int marked = 0;
        for (SessionEntity w : working) {
            if (AgentRules.stalled(true, w.lastProgressAt, now, limitMillis)
                    && WorkStatus.WORKING.equals(w.workStatus)) {
                SessionEntity s = sessions.lock(w.id);
                s.attentionReason = "stalled";
                sessions.publishDelta(s, Json.createObjectBuilder().add("attention_reason", "stalled").build());
                marked++;
            }
        }
        return marked;
    }

    /** Processes an earlier run left behind: their pids, cleared in the database. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Long> takeLeftovers(String node) {
        List<SessionEntity> left = em.createQuery("SELECT s FROM SessionEntity s WHERE s.providerPid IS NOT NULL "
                + "AND (s.connectorNode IS NULL OR s.connectorNode = :node)", SessionEntity.class)
                .setParameter("node", node).getResultList();
        Map<String, Long> pids = new java.util.HashMap<>();
        for (SessionEntity l : left) {
            pids.put(l.id, l.providerPid);
            apply(l.id, List.of(new AgentEvent.Exited(-1, "server restarted")), false);
        }
        return pids;
    }

    static RowDraft notice(String id, String severity, String text) {
        JsonObject row = Json.createObjectBuilder().add("row_type", "notice").add("id", id)
                .add("kind", "turn_aborted").add("severity", severity).add("content", text)
                .add("timestamp", java.time.Instant.now().toString()).build();
        return new RowDraft(id, "notice", null, null, null, null, text.toLowerCase(java.util.Locale.ROOT), row, null);
    }

    private static String title(SessionEntity s) {
        return dev.flightdeck.core.session.SessionRules.displayTitle(s.customName, s.summary, s.firstPrompt,
                s.projectName, s.projectPath);
    }

    private static String clip(String s) {
        return s.length() > MAX_LAST_MESSAGE ? s.substring(0, MAX_LAST_MESSAGE) : s;
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
