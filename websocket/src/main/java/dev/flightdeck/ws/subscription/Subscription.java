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
    /**
     * Outbound frames are capped (contract §2): a bigger live one becomes a refetch hint at revision 0,
     * a bigger replayed one {@link #oversized()}.
     */
    static final int MAX_FRAME_CHARS = 1 << 20;

    final Connection connection;
    private final Runnable onInvalidationSent;
    private long lastSent = -1;
    private List<Delivery> heldBack = new ArrayList<>();

    /** An event with the frames this kind of subscriber gets for it, built once per fan-out. */
    record Delivery(long revision, List<String> frames) {
    }

    Subscription(Connection connection, Runnable onInvalidationSent) {
        this.connection = connection;
        this.onInvalidationSent = onInvalidationSent;
    }

    /** The frames this subscriber receives for an event. */
    abstract List<String> framesFor(Revisioned event);

    /** Subscribers that get the same frames share one key, so a fan-out builds them once. */
    abstract String framesKey();

    /** A refetch hint at the given revision. */
    abstract String invalidation(long revision);

    /** What a replayed frame too big to send becomes: the contract's hint to re-bootstrap over HTTP. */
    abstract String oversized();

    synchronized void deliver(Delivery delivery) {
        if (heldBack != null) {
            heldBack.add(delivery);
            return;
        }
        sendIfNew(delivery);
    }

    synchronized void start(Replay.Decision decision) {
        switch (decision.kind()) {
            case INVALIDATE -> emit(invalidation(decision.revision()), false);
            case EVENTS -> decision.events().forEach(e -> framesFor(e).forEach(f -> emit(f, false)));
            case NOTHING -> {
            }
        }
        lastSent = decision.revision();
        List<Delivery> held = heldBack;
        heldBack = null;
        held.forEach(this::sendIfNew);
    }

    private void sendIfNew(Delivery delivery) {
        if (delivery.revision() <= lastSent) {
            return;
        }
        lastSent = delivery.revision();
        delivery.frames().forEach(f -> emit(f, true));
    }

    private void emit(String frame, boolean capped) {
        if (frame.length() > MAX_FRAME_CHARS) {
            frame = capped ? invalidation(0) : oversized();
        }
        if (connection.send(frame, capped) && frame.contains("_invalidated\"")) {
            onInvalidationSent.run();
        }
    }
}
