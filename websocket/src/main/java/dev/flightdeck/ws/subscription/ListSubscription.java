package dev.flightdeck.ws.subscription;

import dev.flightdeck.core.event.Revisioned;
import dev.flightdeck.core.event.Routing;
import java.util.List;

/** A subscription to one of the session list surfaces (summary, active, archived). */
final class ListSubscription extends Subscription {
    private final ListKind kind;

    ListSubscription(Connection connection, ListKind kind, Runnable onInvalidationSent) {
        super(connection, onInvalidationSent);
        this.kind = kind;
    }

    @Override
    List<String> framesFor(Revisioned event) {
        return List.of(invalidation(event.revision()));
    }

    @Override
    String framesKey() {
        return kind.name();
    }

    @Override
    String invalidation(long revision) {
        return Routing.listInvalidation(kind.invalidatedType(), revision);
    }

    @Override
    String oversized() {
        // Lists replay only invalidations, which are never this big.
        return invalidation(0);
    }
}
