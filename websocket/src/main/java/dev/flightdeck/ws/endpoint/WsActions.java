package dev.flightdeck.ws.endpoint;

import dev.flightdeck.core.agent.MessageRequest;
import dev.flightdeck.core.agent.SessionActions;
import dev.flightdeck.core.approval.PermissionGrant;
import dev.flightdeck.core.approval.QuestionAnswers;
import dev.flightdeck.core.connector.ApprovalDecision;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.hook.HookService;
import dev.flightdeck.core.json.Fields;
import dev.flightdeck.core.session.ConfigPatch;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.session.SessionTexts;
import dev.flightdeck.core.shell.ShellRequest;
import dev.flightdeck.core.shell.ShellRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The contract's client-to-server session actions (§2.1) and hook messages, served by the same
 * services, with the same checks, as their REST routes. What they change reaches the client the
 * usual way, as events on the surfaces it subscribed to; a refusal is an error frame.
 */
@ApplicationScoped
public class WsActions {
    @Inject
    SessionActions actions;

    @Inject
    SessionService sessions;

    @Inject
    ShellRunner shell;

    @Inject
    HookService hooks;

    /** Each action: session id and the message as its body. */
    private final Map<String, BiConsumer<String, JsonObject>> byType = Map.ofEntries(
            Map.entry("send_message", (id, m) -> actions.send(id, MessageRequest.parse(m, false), false)),
            Map.entry("steer_turn", (id, m) -> actions.send(id, MessageRequest.parse(m, true), true)),
            Map.entry("approve_tool", (id, m) -> actions.decide(id, Fields.argument(m, "request_id"), null,
                    ApprovalDecision.parse(m))),
            Map.entry("answer_question", (id, m) -> actions.answer(id, Fields.argument(m, "request_id"),
                    QuestionAnswers.Request.parse(m))),
            Map.entry("respond_to_permission_request", (id, m) ->
                    actions.respondToPermission(id, Fields.argument(m, "request_id"), PermissionGrant.parse(m))),
            Map.entry("interrupt_session", (id, m) -> actions.interrupt(id)),
            Map.entry("end_session", (id, m) -> actions.end(id)),
            Map.entry("rename_session", (id, m) -> sessions.rename(id, SessionTexts.name(m))),
            Map.entry("update_session_config", (id, m) -> sessions.patchConfig(id, ConfigPatch.parse(body(m)))),
            Map.entry("compact_context", (id, m) -> actions.compact(id)),
            Map.entry("undo_last_turn", (id, m) -> actions.rollback(id, 1, true)),
            Map.entry("rollback_turns", (id, m) -> actions.rollback(id, Fields.count(m, "num_turns"), false)),
            Map.entry("stop_task", (id, m) -> actions.stopTarget(id, Fields.argument(m, "task_id"))),
            Map.entry("rewind_files", (id, m) -> actions.rewind(id, Fields.argument(m, "user_message_id"))),
            Map.entry("execute_shell", (id, m) -> shell.exec(id, ShellRequest.parse(m))),
            Map.entry("cancel_shell", (id, m) -> shell.cancel(id, Fields.argument(m, "request_id"))));

    public Set<String> types() {
        return byType.keySet();
    }

    /**
     * Carries out a session action or hook message.
     *
     * @throws ApiException a refusal, for the error frame
     */
    public void handle(String type, JsonObject msg) {
        if (HookService.TYPES.contains(type)) {
            hooks.accept(msg);
            return;
        }
        String sessionId = Fields.optionalString(msg, "session_id");
        if (sessionId == null || sessionId.isBlank()) {
            throw ApiException.invalidField("session_id", "is required");
        }
        byType.get(type).accept(sessionId, msg);
    }

    /** Subscribing to a session's surface reads it, as the contract says. */
    public void subscribed(String sessionId) {
        sessions.markRead(sessionId);
    }

    /** The message without its envelope fields: the REST body of the same action. */
    private static JsonObject body(JsonObject msg) {
        return Json.createObjectBuilder(msg).remove("type").remove("session_id").build();
    }
}
