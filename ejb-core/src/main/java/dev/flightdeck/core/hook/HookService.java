package dev.flightdeck.core.hook;

import dev.flightdeck.core.claude.ClaudeTools;
import dev.flightdeck.core.connector.AgentArgs;
import dev.flightdeck.core.connector.RowDraft;
import dev.flightdeck.core.conversation.ConversationService;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.session.SessionRules;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionStatus;
import dev.flightdeck.core.session.WorkStatus;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Claude Code sessions started in a terminal, seen through its hooks (contract §2.1 hook messages).
 * They become passive sessions keyed by Claude's own session id; a session Flightdeck drives itself
 * is never shadowed by a passive copy.
 */
@Stateless
public class HookService {
    public static final Set<String> TYPES = Set.of("claude_session_start", "claude_session_end",
            "claude_status_event", "claude_tool_event", "claude_subagent_event", "codex_session_start",
            "codex_user_prompt_submit", "codex_stop_event", "codex_tool_event");

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    ConversationService conversation;

    @Inject
    EventLog log;

    public void accept(JsonObject msg) {
        String type = str(msg, "type");
        if (type == null || !TYPES.contains(type)) {
            throw ApiException.invalidField("type", "must be one of " + String.join(", ", new java.util.TreeSet<>(TYPES)));
        }
        String provider = type.startsWith("codex_") ? "codex" : "claude";
        String claudeId = str(msg, "session_id");
        if (claudeId == null || claudeId.isBlank() || claudeId.length() > 100) {
            throw ApiException.invalidField("session_id", "is required (the agent's own session or thread id)");
        }
        // Both may reach an agent's command line later (--resume, --model) when the session is taken over.
        if (!AgentArgs.isId(claudeId)) {
            throw ApiException.invalidField("session_id", AgentArgs.ID_RULE);
        }
        if (str(msg, "model") != null && !AgentArgs.isModel(str(msg, "model"))) {
            throw ApiException.invalidField("model", AgentArgs.MODEL_RULE);
        }
        SessionEntity s = byClaudeId(claudeId);
        if (s != null && "direct".equals(s.controlMode)) {
            // Our own agent's hooks: the connector already reports everything.
            return;
        }
        long now = System.currentTimeMillis();
        if (s == null) {
            if ("claude_session_end".equals(type)) {
                return;
            }
            s = createPassive(msg, provider, claudeId, now);
        } else {
            s = em.find(SessionEntity.class, s.id, LockModeType.PESSIMISTIC_WRITE);
        }
        s.lastActivityAt = now;
        s.lastProgressAt = now;
        switch (type) {
            case "claude_session_start", "codex_session_start" -> sessionStart(s, msg);
            case "claude_session_end" -> sessionEnd(s, msg, now);
            case "claude_status_event" -> status(s, msg, String.valueOf(str(msg, "hook_event_name")), now);
            // Codex names the event by the message type; its payload is otherwise the same as Claude's.
            case "codex_user_prompt_submit" -> status(s, msg, "UserPromptSubmit", now);
            case "codex_stop_event" -> status(s, msg, "Stop", now);
            case "claude_tool_event", "codex_tool_event" -> tool(s, msg, provider, now);
            default -> sessions.publishDelta(s, Json.createObjectBuilder().add("last_activity_at",
                    java.time.Instant.ofEpochMilli(now).toString()).build());
        }
    }

    private SessionEntity createPassive(JsonObject msg, String provider, String claudeId, long now) {
        String cwd = str(msg, "cwd");
        if (cwd == null || !cwd.startsWith("/") || cwd.length() > 4096) {
            throw ApiException.invalidField("cwd", "is required (an absolute path)");
        }
        String path = Path.of(cwd).normalize().toString();
        SessionEntity s = new SessionEntity();
        s.id = "od-" + UUID.randomUUID();
        s.provider = provider;
        s.projectPath = path;
        s.projectName = SessionRules.projectName(path);
        s.currentCwd = path;
        s.status = SessionStatus.ACTIVE;
        s.workStatus = WorkStatus.WAITING;
        s.controlMode = "passive";
        s.startedAt = now;
        s.lastActivityAt = now;
        s.claudeSessionId = claudeId;
        s.transcriptPath = str(msg, "transcript_path");
        s.model = str(msg, "model");
        s.configJson = "{}";
        // A terminal session's review surface shows its current and cumulative diffs too.
        sessions.recordBase(s, Path.of(path));
        em.persist(s);
        em.flush();
        log.createScope(Scope.session(s.id));
        sessions.publishDelta(s, Json.createObjectBuilder().add("status", s.status).add("work_status", s.workStatus)
                .add("control_mode", "passive").build());
        return s;
    }

    private void sessionStart(SessionEntity s, JsonObject msg) {
        if (SessionStatus.ENDED.equals(s.status)) {
            // A resumed terminal session comes back to life.
            s.status = SessionStatus.ACTIVE;
            s.workStatus = WorkStatus.WAITING;
            s.endedAt = null;
            s.endReason = null;
            sessions.publishDelta(s, Json.createObjectBuilder().add("status", s.status)
                    .add("work_status", s.workStatus).build());
        }
        if (str(msg, "model") != null && s.model == null) {
            s.model = str(msg, "model");
            sessions.publishDelta(s, Json.createObjectBuilder().add("model", s.model).build());
        }
    }

    private void sessionEnd(SessionEntity s, JsonObject msg, long now) {
        if (SessionStatus.ACTIVE.equals(s.status)) {
            s.status = SessionStatus.ENDED;
            s.workStatus = WorkStatus.ENDED;
            s.endedAt = now;
            s.endReason = str(msg, "reason") != null ? str(msg, "reason") : "hook_session_end";
            sessions.publishDelta(s, Json.createObjectBuilder().add("status", s.status)
                    .add("work_status", s.workStatus).add("end_reason", s.endReason).build());
        }
    }

    private void status(SessionEntity s, JsonObject msg, String event, long now) {
        JsonObjectBuilder changes = Json.createObjectBuilder();
        switch (event) {
            case "UserPromptSubmit" -> {
                String prompt = str(msg, "prompt");
                s.workStatus = WorkStatus.WORKING;
                dev.flightdeck.core.agent.TurnService.openTurn(s);
                if (prompt != null && !prompt.isBlank()) {
                    String clipped = prompt.length() > 10_000 ? prompt.substring(0, 10_000) : prompt;
                    if (s.firstPrompt == null) {
                        s.firstPrompt = clipped;
                        changes.add("first_prompt", clipped);
                    }
                    s.lastMessage = clipped;
                    changes.add("last_message", clipped);
                    String id = "user-" + UUID.randomUUID();
                    JsonObject row = Json.createObjectBuilder().add("row_type", "user").add("id", id)
                            .add("content", prompt).add("timestamp", java.time.Instant.ofEpochMilli(now).toString())
                            .add("is_streaming", false).add("images", JsonValue.EMPTY_JSON_ARRAY).build();
                    conversation.upsert(s, List.of(new RowDraft(id, "user", null, null, null, null,
                            prompt.toLowerCase(Locale.ROOT), row, null)), now);
                }
            }
            case "Stop" -> {
                s.workStatus = WorkStatus.WAITING;
                s.currentTurnId = null;
            }
            case "Notification" -> {
                String message = String.valueOf(str(msg, "message")).toLowerCase(Locale.ROOT);
                if (message.contains("permission")) {
                    s.workStatus = WorkStatus.PERMISSION;
                    s.attentionReason = "permission";
                } else if (message.contains("waiting for your input")) {
                    s.workStatus = WorkStatus.WAITING;
                }
            }
            default -> {
            }
        }
        sessions.publishDelta(s, changes.add("work_status", s.workStatus).build());
    }

    private void tool(SessionEntity s, JsonObject msg, String provider, long now) {
        String event = String.valueOf(str(msg, "hook_event_name"));
        String name = str(msg, "tool_name") == null ? "unknown" : str(msg, "tool_name");
        String id = str(msg, "tool_use_id") != null ? str(msg, "tool_use_id") : "hook-tool-" + UUID.randomUUID();
        JsonObject input = msg.get("tool_input") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        boolean post = "PostToolUse".equals(event) || "PostToolUseFailure".equals(event);
        boolean failed = "PostToolUseFailure".equals(event);
        String status = post ? (failed ? "failed" : "completed") : "running";
        ClaudeTools.Kind kind = ClaudeTools.kindOf(name);
        String subject = ClaudeTools.subject(name, input);
        JsonObjectBuilder row = Json.createObjectBuilder().add("row_type", "tool").add("id", id)
                .add("provider", provider).add("family", kind.family()).add("kind", kind.kind())
                .add("status", status).add("title", name);
        if (subject != null) {
            row.add("subtitle", subject);
        }
        row.add("tool_display", Json.createObjectBuilder().add("tool_name", name))
                .add("render_hints", JsonValue.EMPTY_JSON_OBJECT);
        JsonObjectBuilder content = Json.createObjectBuilder().add("input", input);
        if (msg.get("tool_response") != null) {
            content.add("output", msg.get("tool_response"));
        }
        conversation.upsert(s, List.of(new RowDraft(id, "tool", kind.family(), status, kind.kind(), null,
                (name + " " + (subject == null ? "" : subject)).toLowerCase(Locale.ROOT), row.build(),
                content.build())), now);
        if (!post) {
            s.toolCount++;
            s.workStatus = WorkStatus.WORKING;
        }
        sessions.publishDelta(s, Json.createObjectBuilder().add("tool_count", s.toolCount)
                .add("work_status", s.workStatus).build());
    }

    /** Takes over a passive session: from now on Flightdeck drives it, resuming Claude's own session. */
    public void takeover(String sessionId) {
        SessionEntity s = sessions.lock(sessionId);
        if (!"passive".equals(s.controlMode)) {
            throw ApiException.conflict("not_passive", "session " + sessionId + " is not passive");
        }
        s.controlMode = "direct";
        s.status = SessionStatus.ACTIVE;
        s.workStatus = WorkStatus.WAITING;
        s.currentTurnId = null;
        s.endedAt = null;
        sessions.publishDelta(s, Json.createObjectBuilder().add("control_mode", "direct")
                .add("status", s.status).add("work_status", s.workStatus).build());
    }

    /** Reopens an ended session; its agent resumes Claude's session on the next message. */
    public void resume(String sessionId) {
        SessionEntity s = sessions.lock(sessionId);
        if (SessionStatus.ACTIVE.equals(s.status)) {
            throw ApiException.conflict("already_active", "session " + sessionId + " is active");
        }
        if ("claude".equals(s.provider) && s.claudeSessionId == null) {
            throw new ApiException(422, "missing_claude_resume_id", "session " + sessionId
                    + " never started a Claude conversation to resume");
        }
        s.status = SessionStatus.ACTIVE;
        s.workStatus = WorkStatus.WAITING;
        s.endedAt = null;
        s.endReason = null;
        s.currentTurnId = null;
        sessions.publishDelta(s, Json.createObjectBuilder().add("status", s.status).add("work_status", s.workStatus)
                .addNull("ended_at").addNull("end_reason").build());
    }

    private SessionEntity byClaudeId(String claudeId) {
        List<SessionEntity> found = em.createQuery("SELECT s FROM SessionEntity s WHERE s.claudeSessionId = :c "
                + "ORDER BY s.startedAt DESC", SessionEntity.class).setParameter("c", claudeId).setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static String str(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
