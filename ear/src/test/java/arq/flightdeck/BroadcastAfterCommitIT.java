package arq.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Revisioned;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the container: the event log's events reach AFTER_SUCCESS observers only when the transaction commits. */
@ExtendWith(ArquillianExtension.class)
class BroadcastAfterCommitIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithEjbClasses(new Class<?>[]{CommittedEvents.class},
                BroadcastAfterCommitIT.class, ArquillianRunnerAuth.class);
    }

    @Inject
    EventLog log;

    @Inject
    CommittedEvents events;

    @Inject
    UserTransaction tx;

    @Test
    void aCommitBroadcastsAtTheNewRevision() throws Exception {
        String scope = "arq:" + UUID.randomUUID();
        tx.begin();
        log.createScope(scope);
        long revision = log.append(scope, EventType.SESSION_DELTA, r -> Map.of("revision", r));
        assertThat(events.afterCommit()).noneMatch(e -> e.scope().equals(scope));
        tx.commit();

        assertThat(revision).isEqualTo(1);
        Revisioned delivered = events.afterCommit().stream().filter(e -> e.scope().equals(scope)).findFirst().orElseThrow();
        assertThat(delivered.revision()).isEqualTo(1);
        assertThat(delivered.payload()).isEqualTo("{\"revision\":1}");
        assertThat(log.current(scope)).isEqualTo(1);
        assertThat(log.since(scope, 0)).extracting(Revisioned::payload).containsExactly("{\"revision\":1}");
    }

    @Test
    void aRollbackBroadcastsNothingAndLeavesNoRevisionBehind() throws Exception {
        String scope = "arq:" + UUID.randomUUID();
        tx.begin();
        log.createScope(scope);
        tx.commit();

        tx.begin();
        log.append(scope, EventType.SESSION_DELTA, r -> Map.of("revision", r));
        tx.rollback();

        assertThat(events.fired()).as("the event was fired inside the transaction")
                .anyMatch(e -> e.scope().equals(scope));
        assertThat(events.afterCommit()).noneMatch(e -> e.scope().equals(scope));
        assertThat(log.current(scope)).isZero();
        assertThat(log.since(scope, 0)).isEmpty();
    }
}
