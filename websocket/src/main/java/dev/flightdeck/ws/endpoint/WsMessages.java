package dev.flightdeck.ws.endpoint;

import dev.flightdeck.core.server.ServerMeta;

/** Server-to-client frames built by the endpoint itself. */
public final class WsMessages {
    private WsMessages() {
    }

    public record Hello(String type, ServerMeta.HelloInfo hello) {
    }
}
