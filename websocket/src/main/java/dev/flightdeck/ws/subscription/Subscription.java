package dev.flightdeck.ws.subscription;

import dev.flightdeck.core.event.Replay;
import dev.flightdeck.core.event.Revisioned;
import java.util.ArrayList;
import java.util.List;

/**
 * One subscription of one connection. Until its replay has been sent, live events are held back,
 * then released if newer than what the replay covered, so nothing is lost or sent twice.
 */
public abstract class Subscription {
    /** Outbound frames are capped; a bigger one becomes a refetch hint at revision 0 (contract §2). */
    static final int MAX_FRAME_CHARS = 1 << 20;

    final Connection connection;
    private final Runnable onInvalidationSent;
    private long lastSent = -1;
    private List<Revisioned> heldBack = new ArrayList<>();

    Subscription(Connection connection, Runnable onInvalidationSent) {
        this.connection = connection;
        this.onInvalidationSent = onInvalidationSent;
    }

    /** The frames this subscriber receives for a live event. */
    abstract List<String> framesFor(Revisioned event);

    /** A refetch hint at the given revision. */
    abstract String invalidation(long revision);

    synchronized void deliver(Revisioned event) {
        if (heldBack != null) {
            heldBack.add(event);
            return;
        }
        sendIfNew(event);
    }

    synchronized void start(Replay.Decision decision) {
        switch (decision.kind()) {
            case INVALIDATE -> emit(invalidation(decision.revision()), false);
            case EVENTS -> decision.events().forEach(e -> framesFor(e).forEach(f -> emit(f, false)));
            case NOTHING -> {
            }
        }
        lastSent = decision.revision();
        List<Revisioned> held = heldBack;
        heldBack = null;
        held.forEach(this::sendIfNew);
    }

    private void sendIfNew(Revisioned event) {
        if (event.revision() <= lastSent) {
            return;
        }
        lastSent = event.revision();
        framesFor(event).forEach(f -> emit(f, true));
    }

    private void emit(String frame, boolean capped) {
        if (frame.length() > MAX_FRAME_CHARS) {
            frame = invalidation(0);
        }
        if (connection.send(frame, capped) && frame.contains("_invalidated\"")) {
            onInvalidationSent.run();
        }
    }
}
