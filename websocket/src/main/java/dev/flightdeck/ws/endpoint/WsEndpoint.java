package dev.flightdeck.ws.endpoint;

import dev.flightdeck.core.auth.Caller;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.event.Surface;
import dev.flightdeck.core.hook.HookService;
import dev.flightdeck.core.json.Json;
import dev.flightdeck.core.json.NestingLimit;
import dev.flightdeck.core.server.ServerMeta;
import dev.flightdeck.ws.subscription.Connection;
import dev.flightdeck.ws.subscription.ErrorFrame;
import dev.flightdeck.ws.subscription.ListKind;
import dev.flightdeck.ws.subscription.SubscriptionRegistry;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.StringReader;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /ws}. The upgrade request is authenticated by the web module's HTTP authentication
 * mechanism (header or {@code ?token=}); the endpoint only reads the caller it established.
 */
@Dependent
@ServerEndpoint("/ws")
public class WsEndpoint {
    private static final Logger LOG = Logger.getLogger(WsEndpoint.class.getName());
    @Inject
    SubscriptionRegistry registry;

    @Inject
    EventLog eventLog;

    @Inject
    ServerMeta meta;

    @Inject
    WsActions actions;

    @Inject
    dev.flightdeck.ws.server.ServerInfoFanOut serverInfo;

    @Inject
    WsTerminals terminals;

    @OnOpen
    public void open(Session ws) {
        if (ws.getUserPrincipal() == null) {
            close(ws, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "unauthorized"));
            return;
        }
        ws.setMaxTextMessageBufferSize(1 << 20);
        Connection c = registry.open(ws, Caller.tokenIdOf(ws.getUserPrincipal().getName()));
        serverInfo.opened(c, ws);
        c.send(Json.write(new WsMessages.Hello("hello", meta.hello())));
        c.send(Json.write(meta.serverInfo()));
    }

    @OnMessage
    public void text(String text, Session ws) {
        Connection c = registry.find(ws);
        if (c == null) {
            return;
        }
        c.touch();
        NestingLimit limit = new NestingLimit(NestingLimit.MAX_DEPTH);
        if (!limit.accept(text)) {
            c.send(error("parse_error", limit.problem() == NestingLimit.Problem.NUL
                    ? "a string may not contain NUL (\\u0000)"
                    : "a message may nest at most " + NestingLimit.MAX_DEPTH + " levels", null));
            return;
        }
        JsonObject msg;
        try {
            JsonValue value = jakarta.json.Json.createReader(new StringReader(text)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                c.send(error("parse_error", "a message must be a JSON object", null));
                return;
            }
            msg = value.asJsonObject();
        } catch (JsonException e) {
            c.send(error("parse_error", "invalid JSON", null));
            return;
        }
        try {
            handle(c, msg);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "WebSocket message failed", e);
            c.send(error("internal_error", "the server could not handle this message", null));
        }
    }

    @OnMessage
    public void pong(PongMessage pong, Session ws) {
        Connection c = registry.find(ws);
        if (c != null) {
            c.touch();
        }
    }

    /** Clients send terminal input as JSON (terminal_input); a binary frame is answered, not fatal. */
    @OnMessage
    public void binary(java.nio.ByteBuffer data, Session ws) {
        Connection c = registry.find(ws);
        if (c != null) {
            c.touch();
            c.send(error("parse_error", "binary frames from a client are not read; send terminal_input with base64 data",
                    null));
        }
    }

    @OnClose
    public void closed(Session ws) {
        registry.closed(ws);
        serverInfo.closed(ws);
        terminals.closed(ws.getId());
    }

    @OnError
    public void failed(Session ws, Throwable t) {
        LOG.log(Level.FINE, "WebSocket error", t);
        registry.closed(ws);
        serverInfo.closed(ws);
        terminals.closed(ws.getId());
    }

    private void handle(Connection c, JsonObject msg) {
        String type = string(msg, "type").orElse("");
        Optional<ListKind> list;
        if (type.startsWith("subscribe_") && (list = ListKind.fromWire(type.substring("subscribe_".length()))).isPresent()) {
            Long since = number(msg, "since_revision");
            registry.subscribeList(c, list.get(), () -> eventLog.replayList(since));
        } else if (type.startsWith("unsubscribe_") && (list = ListKind.fromWire(type.substring("unsubscribe_".length()))).isPresent()) {
            registry.unsubscribeList(c, list.get());
        } else if (type.equals("subscribe_missions")) {
            Long since = number(msg, "since_revision");
            registry.subscribeMissions(c, null, () -> eventLog.replayScope(Scope.MISSIONS, since));
        } else if (type.equals("unsubscribe_missions")) {
            registry.unsubscribeMissions(c, null);
        } else if (type.equals("subscribe_mission") || type.equals("unsubscribe_mission")) {
            String missionId = string(msg, "mission_id").orElse(null);
            if (missionId == null) {
                c.send(error("parse_error", "mission_id is required", null));
                return;
            }
            if (type.startsWith("unsubscribe")) {
                registry.unsubscribeMissions(c, missionId);
                return;
            }
            if (!eventLog.exists(Scope.mission(missionId))) {
                c.send(error("not_found", "no mission " + missionId, null));
                return;
            }
            // The contract's subscribe_mission has no cursor; one given is honoured, so a replay is exact.
            Long since = number(msg, "since_revision");
            registry.subscribeMissions(c, missionId, () -> eventLog.replayScope(Scope.mission(missionId), since));
        } else if (type.equals("subscribe_session_surface") || type.equals("unsubscribe_session_surface")) {
            String sessionId = string(msg, "session_id").orElse(null);
            String surface = string(msg, "surface").orElse(null);
            if (sessionId == null || surface == null || !Surface.ALL.contains(surface)) {
                c.send(error("parse_error", "session_id and surface (one of " + String.join("|", Surface.ALL)
                        + ") are required", sessionId));
                return;
            }
            if (type.startsWith("unsubscribe")) {
                registry.unsubscribeSurface(c, sessionId, surface);
                return;
            }
            if (!eventLog.exists(Scope.session(sessionId))) {
                c.send(error("not_found", "no session " + sessionId, sessionId));
                return;
            }
            Long since = number(msg, "since_revision");
            registry.subscribeSurface(c, sessionId, surface, () -> eventLog.replaySession(sessionId, surface, since));
            actions.subscribed(sessionId);
        } else if (dev.flightdeck.ws.server.ServerInfoFanOut.TYPES.contains(type)) {
            serverInfo.handle(c, type, msg);
        } else if (terminals.handles(type)) {
            terminals.handle(c, type, msg);
        } else if (actions.types().contains(type) || HookService.TYPES.contains(type)) {
            try {
                actions.handle(type, msg);
            } catch (ApiException e) {
                // The socket stays open: a refused action is answered, like a 4xx over REST.
                c.send(error(e.code(), e.getMessage(), string(msg, "session_id").orElse(null)));
            }
        } else {
            c.send(error("parse_error", type.isEmpty() ? "a message needs a string \"type\"" : "unknown message type " + type, null));
        }
    }

    private static String error(String code, String message, String sessionId) {
        return ErrorFrame.json(code, message, sessionId);
    }

    private static Optional<String> string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static Long number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonNumber n ? n.longValue() : null;
    }

    private static void close(Session ws, CloseReason reason) {
        try {
            ws.close(reason);
        } catch (java.io.IOException e) {
            LOG.log(Level.FINE, "close", e);
        }
    }
}
