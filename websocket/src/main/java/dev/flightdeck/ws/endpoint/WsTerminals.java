package dev.flightdeck.ws.endpoint;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.json.Json;
import dev.flightdeck.core.terminal.TerminalRequest;
import dev.flightdeck.core.terminal.TerminalService;
import dev.flightdeck.core.terminal.TerminalSink;
import dev.flightdeck.core.terminal.TerminalWire;
import dev.flightdeck.ws.subscription.Connection;
import dev.flightdeck.ws.subscription.ErrorFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The terminal and tool-PTY messages (contract §2.1): interactive terminals live in
 * {@link TerminalService}; this only reads the messages and connects a terminal to its socket.
 */
@ApplicationScoped
public class WsTerminals {
    static final Set<String> TYPES = Set.of("create_terminal", "terminal_input", "terminal_resize",
            "destroy_terminal", "subscribe_tool_pty", "unsubscribe_tool_pty");

    @Inject
    TerminalService terminals;

    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    /** Carries out one message; a refusal is answered as an error frame and the socket stays open. */
    public void handle(Connection c, String type, JsonObject msg) {
        try {
            switch (type) {
                case "create_terminal":
                    terminals.create(sink(c), TerminalRequest.Create.parse(msg));
                    break;
                case "terminal_input":
                    terminals.input(c.id(), TerminalRequest.terminalId(msg), TerminalRequest.input(msg));
                    break;
                case "terminal_resize":
                    terminals.resize(c.id(), TerminalRequest.Resize.parse(msg));
                    break;
                case "destroy_terminal":
                    terminals.destroy(c.id(), TerminalRequest.terminalId(msg));
                    break;
                case "subscribe_tool_pty":
                    throw terminals.toolPtyUnavailable(required(msg, "session_id"), required(msg, "tool_id"));
                default:
                    // unsubscribe_tool_pty: there is never an attachment, so detaching always succeeds.
                    c.send(Json.write(new TerminalWire.ToolPtyDetached(required(msg, "tool_id"))));
                    break;
            }
        } catch (ApiException e) {
            c.send(ErrorFrame.json(e.code(), e.getMessage(), sessionId(msg)));
        }
    }

    public void closed(String connectionId) {
        terminals.connectionClosed(connectionId);
    }

    private static TerminalSink sink(Connection c) {
        return new TerminalSink() {
            @Override
            public String connectionId() {
                return c.id();
            }

            @Override
            public void sendText(String json) {
                c.send(json);
            }

            @Override
            public void sendBinary(ByteBuffer frame) {
                c.sendBinary(frame);
            }

            @Override
            public boolean backlogged() {
                return c.backlogged();
            }
        };
    }

    private static String required(JsonObject msg, String key) {
        if (!(msg.get(key) instanceof JsonString) || msg.getString(key).isBlank()) {
            throw ApiException.invalidField(key, "is required");
        }
        return msg.getString(key);
    }

    private static String sessionId(JsonObject msg) {
        return msg.get("session_id") instanceof JsonString ? msg.getString("session_id") : null;
    }
}
