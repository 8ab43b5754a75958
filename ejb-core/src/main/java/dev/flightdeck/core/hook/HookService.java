package dev.flightdeck.core.hook;

import dev.flightdeck.core.claude.ClaudeTools;
import dev.flightdeck.core.connector.AgentArgs;
import dev.flightdeck.core.connector.RowDraft;
import dev.flightdeck.core.connector.Rows;
import dev.flightdeck.core.conversation.ConversationService;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.session.SessionRules;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionStatus;
import dev.flightdeck.core.session.WorkStatus;
import dev.flightdeck.core.session.ControlMode;
import dev.flightdeck.core.session.machine.SessionDelta;
import dev.flightdeck.core.session.machine.SessionInput;
import dev.flightdeck.core.session.machine.SessionState;
import dev.flightdeck.core.session.machine.SessionTransitions;
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

    @Inject
    SessionTransitions transitions;

    @Inject
    dev.flightdeck.core.subagent.SubagentService subagents;

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
        if (s != null && ControlMode.DIRECT.equals(s.controlMode)) {
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
        transitions.apply(s, input(msg, type, provider), now, null);
        if ("claude_subagent_event".equals(type)) {
            dev.flightdeck.core.connector.AgentEvent.Subagent sub =
                    dev.flightdeck.core.subagent.SubagentRules.fromClaudeHook(msg);
            if (sub != null) {
                subagents.apply(s, sub, now);
            }
        }
    }

    /** What a hook message means to the session; the tool row is built here, from the hook's payload. */
    static SessionInput input(JsonObject msg, String type, String provider) {
        return switch (type) {
            case "claude_session_start", "codex_session_start" -> new SessionInput.HookSessionStarted(str(msg, "model"));
            case "claude_session_end" -> new SessionInput.HookSessionEnded(bounded(msg, "reason", 200));
            // Codex names the event by the message type; its payload is otherwise the same as Claude's.
            case "codex_user_prompt_submit" -> prompt(msg);
            case "codex_stop_event" -> new SessionInput.HookStopped();
            case "claude_tool_event", "codex_tool_event" -> tool(msg, provider);
            case "claude_status_event" -> switch (String.valueOf(str(msg, "hook_event_name"))) {
                case "UserPromptSubmit" -> prompt(msg);
                case "Stop" -> new SessionInput.HookStopped();
                case "Notification" -> new SessionInput.HookNotification(str(msg, "message"));
                default -> new SessionInput.HookActivity();
            };
            default -> new SessionInput.HookActivity();
        };
    }

    private static SessionInput prompt(JsonObject msg) {
        return new SessionInput.HookPromptSubmitted(str(msg, "prompt"), "user-" + UUID.randomUUID());
    }

    private SessionEntity createPassive(JsonObject msg, String provider, String claudeId, long now) {
        String cwd = str(msg, "cwd");
        if (cwd == null || !cwd.startsWith("/") || cwd.length() > 4096 || cwd.indexOf('\0') >= 0) {
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
        s.controlMode = ControlMode.PASSIVE;
        s.startedAt = now;
        s.lastActivityAt = now;
        s.claudeSessionId = claudeId;
        s.transcriptPath = bounded(msg, "transcript_path", 4096);
        s.model = str(msg, "model");
        s.configJson = "{}";
        // A terminal session's review surface shows its current and cumulative diffs too.
        sessions.recordBase(s, Path.of(path));
        em.persist(s);
        em.flush();
        log.createScope(Scope.session(s.id));
        sessions.publishDelta(s, SessionDelta.created(SessionState.of(s, true)));
        return s;
    }

    private static SessionInput tool(JsonObject msg, String provider) {
        String event = String.valueOf(str(msg, "hook_event_name"));
        String name = str(msg, "tool_name") == null ? "unknown" : str(msg, "tool_name");
        String id = str(msg, "tool_use_id") != null ? str(msg, "tool_use_id") : "hook-tool-" + UUID.randomUUID();
        JsonObject input = msg.get("tool_input") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        boolean post = "PostToolUse".equals(event) || "PostToolUseFailure".equals(event);
        boolean failed = "PostToolUseFailure".equals(event);
        String status = post ? (failed ? "failed" : "completed") : "running";
        ClaudeTools.Kind kind = ClaudeTools.kindOf(name);
        String subject = ClaudeTools.subject(name, input);
        JsonObject row = Rows.tool(id, provider, kind.family(), kind.kind(), status, name, subject, null, null, name);
        JsonObjectBuilder content = Json.createObjectBuilder().add("input", input);
        if (msg.get("tool_response") != null) {
            content.add("output", msg.get("tool_response"));
        }
        return new SessionInput.HookTool(new RowDraft(id, "tool", kind.family(), status, kind.kind(), null,
                Rows.search(name + " " + (subject == null ? "" : subject)), row, content.build()), !post);
    }

    /** Takes over a passive session: from now on Flightdeck drives it, resuming the agent's own session. */
    public void takeover(String sessionId, dev.flightdeck.core.session.ConfigPatch overrides) {
        transitions.apply(sessionId, new SessionInput.TakenOver(), System.currentTimeMillis());
        if (!overrides.isEmpty()) {
            sessions.patchConfig(sessionId, overrides);
        }
    }

    /** Reopens an ended session; its agent resumes the provider's session on the next message. */
    public void resume(String sessionId) {
        transitions.apply(sessionId, new SessionInput.Resumed(), System.currentTimeMillis());
    }

    private SessionEntity byClaudeId(String claudeId) {
        List<SessionEntity> found = em.createQuery("SELECT s FROM SessionEntity s WHERE s.claudeSessionId = :c "
                + "ORDER BY s.startedAt DESC", SessionEntity.class).setParameter("c", claudeId).setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** A text field that has a column of this size; 400 naming it when longer. */
    private static String bounded(JsonObject o, String key, int max) {
        String v = str(o, key);
        if (v != null && v.length() > max) {
            throw ApiException.invalidField(key, "must be at most " + max + " characters");
        }
        return v;
    }

    private static String str(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
