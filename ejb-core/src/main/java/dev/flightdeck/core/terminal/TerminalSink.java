package dev.flightdeck.core.terminal;

import java.nio.ByteBuffer;

/** Where a terminal's frames go: the WebSocket connection that created it. */
public interface TerminalSink {
    /** An id for the connection; terminal ids are the client's own and only unique within it. */
    String connectionId();

    void sendText(String json);

    void sendBinary(ByteBuffer frame);

    /**
     * Whether the connection's send queue is so full that the terminal should stop reading for a
     * moment; reading on would only make the connection overflow and be closed as lagged.
     */
    boolean backlogged();
}
