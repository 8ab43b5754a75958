package dev.flightdeck.core.shell;

import dev.flightdeck.core.connector.RowDraft;
import dev.flightdeck.core.conversation.ConversationService;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionStatus;
import dev.flightdeck.persistence.conversation.ConversationRowEntity;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The transactional half of shell commands: the shell_command row and the shell_* messages. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ShellService {
    static final int MAX_SEARCH = 32 * 1024;
    static final int ROW_OUTPUT = 16 * 1024;

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    ConversationService conversation;

    @Inject
    EventLog log;

    /** Where a session's commands may run: its project, and the directory they run in by default. */
    public record Target(String projectPath, String cwd) {
    }

    /** A read: nothing is written until {@link #begin}, which locks the session. */
    public Target target(String sessionId) {
        SessionEntity s = sessionId == null ? null : em.find(SessionEntity.class, sessionId);
        if (s == null) {
            throw ErrorCode.NOT_FOUND.error("no session " + sessionId);
        }
        if (!SessionStatus.ACTIVE.equals(s.status)) {
            throw ErrorCode.SESSION_ENDED.error("session " + sessionId + " has ended");
        }
        return new Target(s.projectPath, s.currentCwd != null ? s.currentCwd : s.projectPath);
    }

    /** Records the running command; 409 when the request id was used before in this session. */
    public void begin(String sessionId, String requestId, String command, String cwd, long now) {
        SessionEntity s = sessions.lock(sessionId);
        List<ConversationRowEntity> same = em.createQuery("SELECT r FROM ConversationRowEntity r WHERE "
                        + "r.sessionId = :s AND r.rowId = :id", ConversationRowEntity.class)
                .setParameter("s", sessionId).setParameter("id", requestId).getResultList();
        if (!same.isEmpty()) {
            throw ErrorCode.SHELL_DUPLICATE_REQUEST_ID.error("request_id: " + requestId
                    + " was already used in session " + sessionId);
        }
        conversation.upsert(s, List.of(row(requestId, command, cwd, now, "running", null, null, null, null, false)), now);
        log.append(Scope.session(sessionId), EventType.SHELL_STARTED,
                rev -> new ShellWire.Started(EventType.SHELL_STARTED.wire(), sessionId, rev, requestId, command));
    }

    /** Output that arrived while the command runs. */
    public void output(String sessionId, String requestId, String stdout, String stderr, long durationMs) {
        log.append(Scope.session(sessionId), EventType.SHELL_OUTPUT, rev -> new ShellWire.Output(EventType.SHELL_OUTPUT.wire(),
                sessionId, rev, requestId, stdout, stderr, null, durationMs, null, null));
    }

    /** The command is done: the row takes its (bounded) output and outcome. */
    public void finish(String sessionId, String requestId, String command, String cwd, long startedAt,
                       OutputBuffer out, OutputBuffer err, int exitCode, String outcome, long durationMs) {
        SessionEntity s = sessions.lock(sessionId);
        long now = System.currentTimeMillis();
        boolean truncated = out.truncated() || err.truncated();
        String lastOut = out.takeChunk();
        String lastErr = err.takeChunk();
        conversation.upsert(s, List.of(row(requestId, command, cwd, startedAt, "completed".equals(outcome)
                ? "completed" : "failed", out.text(), err.text(), exitCode, outcome, truncated, durationMs)), now);
        log.append(Scope.session(sessionId), EventType.SHELL_OUTPUT, rev -> new ShellWire.Output(EventType.SHELL_OUTPUT.wire(),
                sessionId, rev, requestId, lastOut, lastErr, exitCode, durationMs, outcome, truncated));
    }

    static RowDraft row(String id, String command, String cwd, long startedAt, String status, String stdout,
                        String stderr, Integer exitCode, String outcome, boolean truncated) {
        return row(id, command, cwd, startedAt, status, stdout, stderr, exitCode, outcome, truncated, null);
    }

    static RowDraft row(String id, String command, String cwd, long startedAt, String status, String stdout,
                        String stderr, Integer exitCode, String outcome, boolean truncated, Long durationMs) {
        JsonObjectBuilder row = Json.createObjectBuilder().add("row_type", "shell_command").add("id", id)
                .add("kind", "user_shell_command").add("command", command).add("cwd", cwd).add("status", status)
                .add("timestamp", Instant.ofEpochMilli(startedAt).toString())
                .add("is_in_progress", "running".equals(status));
        JsonObjectBuilder content = Json.createObjectBuilder().add("input", command);
        String search = command;
        if (outcome != null) {
            String output = stderr.isEmpty() ? stdout : stdout.isEmpty() ? stderr : stdout + "\n" + stderr;
            // The row stays small for conversation pages; rows/{id}/content has all that was kept.
            boolean clipped = output.length() > ROW_OUTPUT;
            row.add("outcome", outcome).add("exit_code", exitCode)
                    .add("output", clipped ? output.substring(0, ROW_OUTPUT) : output)
                    .add("is_truncated", truncated || clipped);
            if (durationMs != null) {
                row.add("duration_ms", durationMs);
            }
            content.add("output", output);
            search = command + "\n" + output;
        }
        if (search.length() > MAX_SEARCH) {
            search = search.substring(0, MAX_SEARCH);
        }
        JsonObject r = row.build();
        return new RowDraft(id, "shell_command", "shell", status, "user_shell_command", durationMs,
                search.toLowerCase(Locale.ROOT), r, content.build());
    }
}
