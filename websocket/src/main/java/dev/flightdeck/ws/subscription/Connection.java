package dev.flightdeck.ws.subscription;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket. Frames go through a bounded queue drained by a chain of async sends, so a slow
 * client never blocks a writer or another client, and no two threads write to the socket at once.
 */
public final class Connection {
    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    static final String LAGGED = ErrorFrame.json("lagged", "this connection fell too far behind; reconnect and refetch",
            null);

    private final Session ws;
    private final String tokenId;
    private final int capacity;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    /** Queued like a frame, so a ping never interleaves with a text send in progress. */
    private static final Object PING = new Object();
    private boolean sending;
    private boolean closing;
    /** Overflowed: whoever closes the socket (the drain, or the idle sweep first) says it lagged. */
    private boolean lagged;
    private volatile long lastReceivedAt = System.currentTimeMillis();
    private volatile long lastPingAt;

    Connection(Session ws, String tokenId, int capacity) {
        this.ws = ws;
        this.tokenId = tokenId;
        this.capacity = capacity;
    }

    public String id() {
        return ws.getId();
    }

    public String tokenId() {
        return tokenId;
    }

    /** Queues a frame; false when the connection is closing or just overflowed. */
    public boolean send(String frame) {
        return send(frame, true);
    }

    /**
     * A replay is sent whole even when longer than the live queue bound: it is itself bounded by the
     * log's retention, and cutting it would only force the client into the refetch it asked to avoid.
     */
    boolean send(String frame, boolean capped) {
        return enqueue(frame, capped);
    }

    /** Queues a binary frame (terminal output), under the same bound as text. */
    public boolean sendBinary(ByteBuffer frame) {
        return enqueue(frame, true);
    }

    /**
     * Half full: a producer that can wait (a terminal reader) should, rather than push the
     * connection into overflow, which closes it as lagged.
     */
    public boolean backlogged() {
        synchronized (this) {
            return queue.size() >= capacity / 2;
        }
    }

    private boolean enqueue(Object frame, boolean capped) {
        synchronized (this) {
            if (closing) {
                return false;
            }
            if (capped && queue.size() >= capacity) {
                // Drop the backlog: the client must re-bootstrap anyway, and the memory is better freed.
                queue.clear();
                queue.add(LAGGED);
                closing = true;
                lagged = true;
                startDrainIfIdle();
                return false;
            }
            queue.add(frame);
            startDrainIfIdle();
            return true;
        }
    }

    private void startDrainIfIdle() {
        if (!sending) {
            sending = true;
            drainNext();
        }
    }

    private void drainNext() {
        Object next;
        synchronized (this) {
            next = queue.poll();
            if (next == null) {
                sending = false;
                if (closing) {
                    close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "lagged"));
                }
                return;
            }
        }
        if (next == PING) {
            try {
                ws.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            } catch (IOException | RuntimeException e) {
                close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "ping failed"));
                return;
            }
            drainNext();
            return;
        }
        try {
            jakarta.websocket.SendHandler done = result -> {
                if (result.isOK()) {
                    drainNext();
                } else {
                    close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed"));
                }
            };
            if (next instanceof ByteBuffer) {
                ws.getAsyncRemote().sendBinary((ByteBuffer) next, done);
            } else {
                ws.getAsyncRemote().sendText((String) next, done);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "send on a closed WebSocket", e);
            close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed"));
        }
    }

    public void touch() {
        lastReceivedAt = System.currentTimeMillis();
    }

    long lastReceivedAt() {
        return lastReceivedAt;
    }

    /** Pings when nothing has been heard for the interval; the pong counts as hearing from the client. */
    void pingIfIdle(long now, long intervalMs) {
        if (now - lastReceivedAt >= intervalMs && now - lastPingAt >= intervalMs) {
            lastPingAt = now;
            synchronized (this) {
                if (!closing) {
                    queue.add(PING);
                    startDrainIfIdle();
                }
            }
        }
    }

    public void close(CloseReason reason) {
        synchronized (this) {
            closing = true;
            queue.clear();
            if (lagged) {
                // A client too slow to take the error frame before the idle sweep still learns why.
                reason = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "lagged");
            }
        }
        try {
            if (ws.isOpen()) {
                ws.close(reason);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a WebSocket", e);
        }
    }
}
