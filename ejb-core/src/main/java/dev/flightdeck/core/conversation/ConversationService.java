package dev.flightdeck.core.conversation;

import dev.flightdeck.core.connector.RowDraft;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.review.DiffText;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.persistence.conversation.ConversationRowEntity;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Conversation rows: written in the caller's transaction with a per-session sequence, broadcast as
 * {@code conversation_rows_changed} once that transaction commits, and read back in keyset pages.
 */
@Stateless
public class ConversationService {
    public static final int PAGE_DEFAULT = 50;
    public static final int PAGE_MAX = 200;
    static final int SEARCH_MAX = 200;
    static final long SEARCH_WINDOW = 50_000;

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    EventLog log;

    @Inject
    SessionService sessions;

    /**
     * Inserts or replaces rows of a locked session and logs one delta for all of them. A new row takes
     * the next sequence and the session's current turn.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<ConversationWire.RowEntry> upsert(SessionEntity s, List<RowDraft> drafts, long now) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        List<ConversationWire.RowEntry> entries = new ArrayList<>(drafts.size());
        // One lookup for the whole batch; rows created here join the map, so a row started and
        // finished in the same batch is one row.
        Map<String, ConversationRowEntity> known = new java.util.HashMap<>();
        em.createQuery("SELECT r FROM ConversationRowEntity r WHERE r.sessionId = :s AND r.rowId IN :ids",
                        ConversationRowEntity.class)
                .setParameter("s", s.id).setParameter("ids", drafts.stream().map(RowDraft::rowId).distinct().toList())
                .getResultList().forEach(r -> known.put(r.rowId, r));
        for (RowDraft d : drafts) {
            ConversationRowEntity row = known.get(d.rowId());
            if (row == null) {
                row = new ConversationRowEntity();
                row.sessionId = s.id;
                row.sequence = s.rowCount++;
                row.rowId = d.rowId();
                row.turnId = s.currentTurnId;
                row.turnStatus = "active";
                row.createdAt = now;
                em.persist(row);
                known.put(row.rowId, row);
            }
            row.rowType = d.rowType();
            row.family = d.family();
            row.status = d.status();
            row.kind = d.kind();
            row.durationMs = d.durationMs();
            row.searchText = d.searchText();
            row.rowJson = withTurn(d.row(), row.turnId).toString();
            row.contentJson = d.content() == null ? null : d.content().toString();
            row.updatedAt = now;
            entries.add(entry(row));
        }
        String id = s.id;
        long total = s.rowCount;
        List<ConversationWire.RowEntry> upserted = List.copyOf(entries);
        log.append(Scope.session(id), EventType.CONVERSATION_ROWS_CHANGED,
                rev -> new ConversationWire.RowsChanged(EventType.CONVERSATION_ROWS_CHANGED.wire(), id, rev, upserted, null, total));
        return entries;
    }

    /** Marks every row of the given turns; used by rollback and undo. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void markTurns(SessionEntity s, List<String> turnIds, String turnStatus, long now) {
        if (turnIds.isEmpty()) {
            return;
        }
        List<ConversationRowEntity> rows = em.createQuery(
                        "SELECT r FROM ConversationRowEntity r WHERE r.sessionId = :s AND r.turnId IN :t ORDER BY r.sequence",
                        ConversationRowEntity.class)
                .setParameter("s", s.id).setParameter("t", turnIds).getResultList();
        List<ConversationWire.RowEntry> entries = new ArrayList<>();
        for (ConversationRowEntity r : rows) {
            r.turnStatus = turnStatus;
            r.updatedAt = now;
            entries.add(entry(r));
        }
        String id = s.id;
        long total = s.rowCount;
        log.append(Scope.session(id), EventType.CONVERSATION_ROWS_CHANGED,
                rev -> new ConversationWire.RowsChanged(EventType.CONVERSATION_ROWS_CHANGED.wire(), id, rev, entries, null, total));
    }

    /** The turns still in the conversation (not rolled back or undone), oldest first. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<String> liveTurns(String sessionId) {
        List<Object[]> found = em.createQuery("SELECT r.turnId, MIN(r.sequence) FROM ConversationRowEntity r "
                        + "WHERE r.sessionId = :s AND r.turnStatus = 'active' AND r.turnId IS NOT NULL "
                        + "GROUP BY r.turnId ORDER BY MIN(r.sequence)", Object[].class)
                .setParameter("s", sessionId).getResultList();
        return found.stream().map(f -> (String) f[0]).toList();
    }

    /** The live turn holding the session's n-th (1-based) live user message, or null. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String turnOfUserMessage(String sessionId, int n) {
        List<String> found = em.createQuery("SELECT r.turnId FROM ConversationRowEntity r WHERE r.sessionId = :s "
                        + "AND r.rowType = 'user' AND r.turnStatus = 'active' ORDER BY r.sequence", String.class)
                .setParameter("s", sessionId).setFirstResult(n - 1).setMaxResults(1).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Copies the live rows of the given turns, and rows outside any turn before the last of them, into
     * a new session with fresh sequences from 0. Done in the database: a long conversation is not
     * loaded into memory to be forked.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long copyRows(String fromSession, SessionEntity to, List<String> turns, long now) {
        if (turns.isEmpty()) {
            return 0;
        }
        long upTo = em.createQuery("SELECT MAX(r.sequence) FROM ConversationRowEntity r WHERE r.sessionId = :s "
                        + "AND r.turnId IN :t", Long.class)
                .setParameter("s", fromSession).setParameter("t", turns).getSingleResult();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < turns.size(); i++) {
            in.append(i == 0 ? "?" : ", ?").append(i + 5);
        }
        jakarta.persistence.Query copy = em.createNativeQuery("INSERT INTO conversation_rows (session_id, sequence, "
                + "row_id, row_type, turn_id, turn_status, family, status, kind, duration_ms, search_text, row_json, "
                + "content_json, created_at, updated_at) SELECT ?1, ROW_NUMBER() OVER (ORDER BY sequence) - 1, row_id, "
                + "row_type, turn_id, turn_status, family, status, kind, duration_ms, search_text, row_json, "
                + "content_json, ?2, ?2 FROM conversation_rows WHERE session_id = ?3 AND turn_status = 'active' "
                + "AND sequence <= ?4 AND (turn_id IS NULL OR turn_id IN (" + in + "))")
                .setParameter(1, to.id).setParameter(2, now).setParameter(3, fromSession).setParameter(4, upTo);
        for (int i = 0; i < turns.size(); i++) {
            copy.setParameter(i + 5, turns.get(i));
        }
        em.flush();
        long copied = copy.executeUpdate();
        to.rowCount = copied;
        return copied;
    }

    public ConversationWire.Page page(String sessionId, int limit, Long beforeSequence) {
        long revision = log.current(Scope.session(sessionId));
        SessionEntity s = find(sessionId);
        ConversationWire.RowsPage p = rows(s, limit, beforeSequence);
        return new ConversationWire.Page(revision, revision, sessionId, p.rows(), p.totalRowCount(),
                p.hasMoreBefore(), s.forkedFromSessionId, p.oldestSequence(), p.newestSequence());
    }

    public ConversationWire.RowsPage messages(String sessionId, int limit, Long beforeSequence) {
        return rows(find(sessionId), limit, beforeSequence);
    }

    /** The newest {@code limit} rows before a sequence, oldest first: one index range scan. */
    private ConversationWire.RowsPage rows(SessionEntity s, int limit, Long beforeSequence) {
        long before = beforeSequence == null ? Long.MAX_VALUE : beforeSequence;
        List<ConversationRowEntity> page = em.createQuery(
                        "SELECT r FROM ConversationRowEntity r WHERE r.sessionId = :s AND r.sequence < :before "
                                + "ORDER BY r.sequence DESC", ConversationRowEntity.class)
                .setParameter("s", s.id).setParameter("before", before).setMaxResults(limit + 1).getResultList();
        boolean more = page.size() > limit;
        List<ConversationRowEntity> rows = new ArrayList<>(more ? page.subList(0, limit) : page);
        Collections.reverse(rows);
        return pageOf(rows, s.rowCount, more);
    }

    /**
     * Case-insensitive substring search, newest first; family, status and kind narrow it to tool rows.
     */
    public ConversationWire.RowsPage search(String sessionId, String q, String family, String status, String kind,
                                            int limit) {
        SessionEntity s = find(sessionId);
        StringBuilder jpql = new StringBuilder("SELECT r FROM ConversationRowEntity r WHERE r.sessionId = :s");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("s", sessionId);
        if (q != null && !q.isBlank()) {
            jpql.append(" AND r.searchText LIKE :q ESCAPE '\\'");
            params.put("q", "%" + likeEscape(q.toLowerCase(Locale.ROOT)) + "%");
        }
        if (family != null || status != null || kind != null) {
            jpql.append(" AND r.rowType = 'tool'");
        }
        for (String[] f : new String[][] {{"family", family}, {"status", status}, {"kind", kind}}) {
            if (f[1] != null) {
                jpql.append(" AND r.").append(f[0]).append(" = :").append(f[0]);
                params.put(f[0], f[1]);
            }
        }
        // Newest first, one window of sequences at a time: each window is an index range scan, so a
        // common word is answered from the newest rows instead of sorting every match of a long session.
        jpql.append(" AND r.sequence < :before AND r.sequence >= :from ORDER BY r.sequence DESC");
        List<ConversationRowEntity> found = new ArrayList<>();
        for (long before = s.rowCount; before > 0 && found.size() <= limit; before -= SEARCH_WINDOW) {
            TypedQuery<ConversationRowEntity> query = em.createQuery(jpql.toString(), ConversationRowEntity.class);
            params.forEach(query::setParameter);
            found.addAll(query.setParameter("before", before).setParameter("from", before - SEARCH_WINDOW)
                    .setMaxResults(limit + 1 - found.size()).getResultList());
        }
        boolean more = found.size() > limit;
        List<ConversationRowEntity> rows = new ArrayList<>(more ? found.subList(0, limit) : found);
        Collections.reverse(rows);
        return pageOf(rows, s.rowCount, more);
    }

    public ConversationWire.Stats stats(String sessionId) {
        SessionEntity s = find(sessionId);
        List<Object[]> byFamily = em.createQuery("SELECT r.family, COUNT(r), SUM(CASE WHEN r.status = 'failed' THEN 1 ELSE 0 END), "
                        + "AVG(r.durationMs) FROM ConversationRowEntity r WHERE r.sessionId = :s AND r.rowType = 'tool' "
                        + "GROUP BY r.family", Object[].class)
                .setParameter("s", sessionId).getResultList();
        Map<String, Long> families = new LinkedHashMap<>();
        long tools = 0, failed = 0;
        double durationSum = 0;
        long durationN = 0;
        for (Object[] r : byFamily) {
            long n = ((Number) r[1]).longValue();
            families.put((String) r[0], n);
            tools += n;
            failed += r[2] == null ? 0 : ((Number) r[2]).longValue();
            if (r[3] != null) {
                durationSum += ((Number) r[3]).doubleValue() * n;
                durationN += n;
            }
        }
        Long end = s.endedAt != null ? s.endedAt : (Long) s.lastActivityAt;
        return new ConversationWire.Stats(sessionId, s.rowCount, tools, families, failed,
                durationN == 0 ? null : Math.round(durationSum / durationN), s.turnCount,
                new ConversationWire.Tokens(s.inputTokens, s.outputTokens, s.cachedTokens, s.contextWindow),
                workers(sessionId),
                end - s.startedAt);
    }

    /** Subagents the session's agent has started: stats' worker_count. */
    private int workers(String sessionId) {
        return em.createQuery("SELECT COUNT(a) FROM SubagentEntity a WHERE a.sessionId = :s", Long.class)
                .setParameter("s", sessionId).getSingleResult().intValue();
    }

    /** Whether {@code rowId} is one of the session's user messages. */
    public boolean isUserMessage(String sessionId, String rowId) {
        ConversationRowEntity r = byRowId(sessionId, rowId);
        return r != null && "user".equals(r.rowType);
    }

    public ConversationWire.RowContent content(String sessionId, String rowId) {
        find(sessionId);
        ConversationRowEntity r = byRowId(sessionId, rowId);
        if (r == null) {
            throw ErrorCode.NOT_FOUND.error("no row " + rowId + " in session " + sessionId);
        }
        JsonObject c = r.contentJson == null ? JsonValue.EMPTY_JSON_OBJECT : parse(r.contentJson);
        String input = c.get("input") == null ? null : display(c.get("input"));
        String output = c.get("output") == null ? null : display(c.get("output"));
        if (input == null && output == null) {
            JsonObject row = parse(r.rowJson);
            output = row.get("content") instanceof jakarta.json.JsonString t ? t.getString() : null;
        }
        List<Object> diff = c.get("input") instanceof JsonObject in ? diffDisplay(in) : List.of();
        return new ConversationWire.RowContent(rowId, input, output, null, diff.isEmpty() ? null : diff, null, null);
    }

    /**
     * Per-line diff of a file-changing tool call: Claude's Edit/MultiEdit (old and new strings) and
     * Write (new content), Codex's file changes (unified diffs).
     */
    static List<Object> diffDisplay(JsonObject in) {
        List<Object> lines = new ArrayList<>();
        if (in.get("changes") instanceof jakarta.json.JsonArray changes) {
            for (JsonValue v : changes) {
                if (v instanceof JsonObject ch && ch.get("diff") instanceof jakarta.json.JsonString d) {
                    lines.addAll(d.getString().contains("@@") ? DiffText.display(d.getString())
                            : DiffText.replacement(null, d.getString(), 1));
                }
            }
        } else if (in.get("edits") instanceof jakarta.json.JsonArray edits) {
            for (JsonValue v : edits) {
                if (v instanceof JsonObject e) {
                    lines.addAll(DiffText.replacement(e.getString("old_string", null), e.getString("new_string", null), null));
                }
            }
        } else if (in.containsKey("old_string") || in.containsKey("new_string")) {
            lines.addAll(DiffText.replacement(in.getString("old_string", null), in.getString("new_string", null), null));
        } else if (in.containsKey("file_path") && in.get("content") instanceof jakarta.json.JsonString content) {
            lines.addAll(DiffText.replacement(null, content.getString(), 1));
        }
        return lines;
    }

    private static String display(JsonValue v) {
        return v instanceof jakarta.json.JsonString s ? s.getString() : v.toString();
    }

    private ConversationWire.RowsPage pageOf(List<ConversationRowEntity> rows, long total, boolean more) {
        List<ConversationWire.RowEntry> entries = rows.stream().map(ConversationService::entry).toList();
        Long oldest = rows.isEmpty() ? null : rows.get(0).sequence;
        Long newest = rows.isEmpty() ? null : rows.get(rows.size() - 1).sequence;
        return new ConversationWire.RowsPage(entries, total, more, oldest, newest);
    }

    private ConversationRowEntity byRowId(String sessionId, String rowId) {
        List<ConversationRowEntity> found = em.createQuery(
                        "SELECT r FROM ConversationRowEntity r WHERE r.sessionId = :s AND r.rowId = :id",
                        ConversationRowEntity.class)
                .setParameter("s", sessionId).setParameter("id", rowId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private SessionEntity find(String id) {
        SessionEntity s = id == null ? null : em.find(SessionEntity.class, id);
        if (s == null) {
            throw ErrorCode.NOT_FOUND.error("no session " + id);
        }
        return s;
    }

    static ConversationWire.RowEntry entry(ConversationRowEntity r) {
        return new ConversationWire.RowEntry(r.sessionId, r.sequence, r.turnId, r.turnStatus, parse(r.rowJson));
    }

    private static JsonObject withTurn(JsonObject row, String turnId) {
        if (turnId == null) {
            return row;
        }
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder(row);
        return b.add("turn_id", turnId).build();
    }

    static JsonObject parse(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
