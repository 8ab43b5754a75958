package dev.flightdeck.ws.subscription;

import dev.flightdeck.core.event.Revisioned;
import dev.flightdeck.core.event.Routing;
import java.util.List;

/** A subscription to one surface of one session. */
final class SurfaceSubscription extends Subscription {
    final String sessionId;
    final String surface;

    SurfaceSubscription(Connection connection, String sessionId, String surface, Runnable onInvalidationSent) {
        super(connection, onInvalidationSent);
        this.sessionId = sessionId;
        this.surface = surface;
    }

    @Override
    List<String> framesFor(Revisioned event) {
        return Routing.framesFor(event, surface);
    }

    @Override
    String framesKey() {
        return surface;
    }

    @Override
    String invalidation(long revision) {
        return Routing.invalidation(sessionId, surface, revision);
    }

    @Override
    String oversized() {
        return ErrorFrame.json("replay_oversized", "an event to replay exceeds 1 MiB; refetch the " + surface
                + " over HTTP", sessionId);
    }
}
