package dev.flightdeck.core.subagent;

import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.RowDraft;
import dev.flightdeck.core.conversation.ConversationWire;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.json.Json;
import dev.flightdeck.core.session.SessionWire;
import dev.flightdeck.core.time.Times;
import dev.flightdeck.persistence.session.SessionEntity;
import dev.flightdeck.persistence.subagent.SubagentEntity;
import dev.flightdeck.persistence.subagent.SubagentKey;
import dev.flightdeck.persistence.subagent.SubagentRowEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Subagents and their own conversations: written in the transaction that applies the agent's
 * events (the session row is locked there), read by the detail and the subagent routes.
 */
@Stateless
public class SubagentService {
    public static final int PAGE_DEFAULT = 200;
    public static final int PAGE_MAX = 500;

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    EventLog log;

    /** Applies a subagent event or row of a locked session. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void apply(SessionEntity s, AgentEvent event, long now) {
        if (event instanceof AgentEvent.Subagent e) {
            SubagentEntity a = findOrCreate(s, e.id(), now);
            String before = a.status;
            SubagentRules.apply(a, e, now);
            if (!a.status.equals(before) || before == null) {
                changed(s);
            }
        } else if (event instanceof AgentEvent.SubagentRow r) {
            SubagentEntity a = findOrCreate(s, r.subagentId(), now);
            boolean created = a.status == null;
            if (created) {
                a.status = "running";
            }
            a.lastActivityAt = Math.max(a.lastActivityAt, now);
            upsertRow(a, r.row(), now);
            if (created) {
                changed(s);
            }
        }
    }

    /** The agent process is gone: its subagents that were still at work were interrupted. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void agentExited(SessionEntity s, long now) {
        if (s.activeWorkerCount == 0) {
            return;
        }
        boolean any = false;
        for (SubagentEntity a : all(s.id)) {
            any |= SubagentRules.interrupt(a, now);
        }
        if (any) {
            changed(s);
        }
    }

    /** subagents[] of the detail: every active one and the four most recent others (contract §1.3). */
    public List<SubagentWire.SubagentInfo> shown(String sessionId) {
        return SubagentRules.shown(all(sessionId)).stream().map(SubagentService::info).toList();
    }

    public SubagentWire.Tools tools(String sessionId, String subagentId) {
        SubagentEntity a = require(sessionId, subagentId);
        List<SubagentRowEntity> rows = em.createQuery("SELECT r FROM SubagentRowEntity r WHERE r.sessionId = :s "
                        + "AND r.subagentId = :a AND r.rowType = 'tool' ORDER BY r.sequence", SubagentRowEntity.class)
                .setParameter("s", sessionId).setParameter("a", a.id).getResultList();
        List<SubagentWire.Tool> tools = new ArrayList<>();
        for (SubagentRowEntity r : rows) {
            JsonObject row = parse(r.rowJson);
            JsonObject content = r.contentJson == null ? JsonValue.EMPTY_JSON_OBJECT : parse(r.contentJson);
            JsonObject display = row.get("tool_display") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
            String name = text(display, "tool_name") != null ? text(display, "tool_name") : text(row, "title");
            String summary = text(row, "subtitle") != null ? text(row, "subtitle") : text(row, "summary");
            JsonValue output = content.get("output");
            tools.add(new SubagentWire.Tool(r.rowId, name, summary, output == null ? null
                    : output instanceof JsonString o ? o.getString() : output.toString(),
                    "running".equals(r.status) || "pending".equals(r.status)));
        }
        return new SubagentWire.Tools(sessionId, a.id, tools);
    }

    /** The newest {@code limit} rows before a sequence, oldest first. */
    public SubagentWire.Messages messages(String sessionId, String subagentId, int limit, Long beforeSequence) {
        SubagentEntity a = require(sessionId, subagentId);
        long before = beforeSequence == null ? Long.MAX_VALUE : beforeSequence;
        List<SubagentRowEntity> page = em.createQuery("SELECT r FROM SubagentRowEntity r WHERE r.sessionId = :s "
                        + "AND r.subagentId = :a AND r.sequence < :before ORDER BY r.sequence DESC",
                        SubagentRowEntity.class)
                .setParameter("s", sessionId).setParameter("a", a.id).setParameter("before", before)
                .setMaxResults(limit + 1).getResultList();
        boolean more = page.size() > limit;
        List<SubagentRowEntity> rows = new ArrayList<>(more ? page.subList(0, limit) : page);
        Collections.reverse(rows);
        List<ConversationWire.RowEntry> entries = rows.stream().map(r -> new ConversationWire.RowEntry(
                r.sessionId, r.sequence, null, "active", parse(r.rowJson))).toList();
        return new SubagentWire.Messages(sessionId, a.id, entries, a.rowCount, more);
    }

    private void upsertRow(SubagentEntity a, RowDraft d, long now) {
        List<SubagentRowEntity> found = em.createQuery("SELECT r FROM SubagentRowEntity r WHERE r.sessionId = :s "
                        + "AND r.subagentId = :a AND r.rowId = :id", SubagentRowEntity.class)
                .setParameter("s", a.sessionId).setParameter("a", a.id).setParameter("id", d.rowId()).getResultList();
        SubagentRowEntity row = found.isEmpty() ? null : found.get(0);
        if (row == null) {
            row = new SubagentRowEntity();
            row.sessionId = a.sessionId;
            row.subagentId = a.id;
            row.sequence = a.rowCount++;
            row.rowId = d.rowId();
            row.createdAt = now;
            em.persist(row);
        }
        row.rowType = d.rowType();
        row.status = d.status();
        row.rowJson = d.row().toString();
        row.contentJson = d.content() == null ? null : d.content().toString();
        row.updatedAt = now;
    }

    /** Recounts the session's active subagents and tells subscribers (session_delta and the lists). */
    private void changed(SessionEntity s) {
        em.flush();
        s.activeWorkerCount = em.createQuery("SELECT COUNT(a) FROM SubagentEntity a WHERE a.sessionId = :s "
                        + "AND a.status IN :active", Long.class)
                .setParameter("s", s.id).setParameter("active", SubagentRules.ACTIVE).getSingleResult().intValue();
        JsonArray shown = parseArray(Json.write(shown(s.id)));
        JsonObject changes = jakarta.json.Json.createObjectBuilder().add("active_worker_count", s.activeWorkerCount)
                .add("subagents", shown).build();
        String id = s.id;
        log.append(Scope.session(id), EventType.SESSION_DELTA,
                rev -> new SessionWire.Delta(EventType.SESSION_DELTA.wire(), id, rev, changes));
        log.append(Scope.SESSIONS, EventType.SESSIONS_CHANGED,
                rev -> new SessionWire.ListChanged(EventType.SESSIONS_CHANGED.wire(), id, rev));
    }

    private SubagentEntity findOrCreate(SessionEntity s, String id, long now) {
        SubagentEntity a = em.find(SubagentEntity.class, new SubagentKey(s.id, id));
        if (a == null) {
            a = new SubagentEntity();
            a.sessionId = s.id;
            a.id = id;
            a.provider = s.provider;
            a.startedAt = now;
            a.lastActivityAt = now;
            em.persist(a);
        }
        return a;
    }

    private List<SubagentEntity> all(String sessionId) {
        return em.createQuery("SELECT a FROM SubagentEntity a WHERE a.sessionId = :s", SubagentEntity.class)
                .setParameter("s", sessionId).getResultList();
    }

    /** 404 not_found for an unknown session or a subagent it never had. */
    private SubagentEntity require(String sessionId, String subagentId) {
        if (sessionId == null || em.find(SessionEntity.class, sessionId) == null) {
            throw ErrorCode.NOT_FOUND.error("no session " + sessionId);
        }
        SubagentEntity a = subagentId == null ? null : em.find(SubagentEntity.class, new SubagentKey(sessionId, subagentId));
        if (a == null) {
            throw ErrorCode.NOT_FOUND.error("no subagent " + subagentId + " in session " + sessionId);
        }
        return a;
    }

    static SubagentWire.SubagentInfo info(SubagentEntity a) {
        return new SubagentWire.SubagentInfo(a.id, a.sessionId, a.agentType, a.transcriptPath, Times.iso(a.startedAt),
                Times.iso(a.endedAt), a.provider, a.label, a.status, a.taskSummary, a.resultSummary, a.errorSummary,
                a.parentSubagentId, a.model, Times.iso(a.lastActivityAt));
    }

    private static String text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static JsonObject parse(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static JsonArray parseArray(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }
}
