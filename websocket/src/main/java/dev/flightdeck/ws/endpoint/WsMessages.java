package dev.flightdeck.ws.endpoint;

import dev.flightdeck.core.server.ServerMeta;

/** Server-to-client frames built by the endpoint itself. */
final class WsMessages {
    private WsMessages() {
    }

    record Hello(String type, ServerMeta.HelloInfo hello) {
    }

    record Error(String type, String code, String message, String sessionId) {
    }
}
