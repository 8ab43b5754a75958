package arq.flightdeck;

import dev.flightdeck.core.event.Revisioned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records events as fired (inside the transaction) and as delivered after commit. */
@ApplicationScoped
public class CommittedEvents {
    private final List<Revisioned> fired = new CopyOnWriteArrayList<>();
    private final List<Revisioned> afterCommit = new CopyOnWriteArrayList<>();

    // Methods, not fields: callers hold a client proxy, which forwards calls but not field reads.
    public List<Revisioned> fired() {
        return List.copyOf(fired);
    }

    public List<Revisioned> afterCommit() {
        return List.copyOf(afterCommit);
    }

    void onFired(@Observes(during = TransactionPhase.IN_PROGRESS) Revisioned e) {
        fired.add(e);
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revisioned e) {
        afterCommit.add(e);
    }
}
