package arq.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.mission.MissionIssues;
import dev.flightdeck.core.mission.MissionLease;
import dev.flightdeck.core.mission.MissionRequests;
import dev.flightdeck.core.mission.MissionService;
import dev.flightdeck.core.mission.MissionStore;
import dev.flightdeck.core.mission.machine.IssueEvent;
import dev.flightdeck.core.mission.tracker.TrackerIssue;
import dev.flightdeck.core.mission.tracker.TrackerKind;
import dev.flightdeck.persistence.mission.MissionIssueEntity;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, on the suite's database: two holders of the mission lease. One leads at a time,
 * the lease passes on expiry with a new fencing token, and a write fenced by the old token is refused
 * and leaves nothing behind. The times are far ahead of the clock, so this server's own scheduler
 * (which uses the real clock) cannot take the lease while the test holds it.
 */
@ExtendWith(ArquillianExtension.class)
class MissionLeaseIT {
    static final long T0 = System.currentTimeMillis() + 30L * 24 * 3600 * 1000;
    static final long TTL = 10_000;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(MissionLeaseIT.class, ArquillianRunnerAuth.class);
    }

    @Inject
    MissionLease lease;

    @Inject
    MissionIssues issues;

    @Inject
    MissionStore store;

    @Inject
    MissionService missions;

    @Inject
    UserTransaction tx;

    @AfterEach
    void release() {
        lease.release("node-a");
        lease.release("node-b");
    }

    @Test
    void oneHolderLeadsAndTheLeasePassesOnExpiryWithANewToken() throws Exception {
        OptionalLong a = lease.acquire("node-a", T0, TTL);
        assertThat(a).isPresent();
        assertThat(lease.acquire("node-b", T0 + 1, TTL)).as("b while a holds it").isEmpty();
        assertThat(lease.acquire("node-a", T0 + TTL / 2, TTL)).as("a renews and keeps its token").hasValue(a.getAsLong());
        // a's renewal holds until T0 + 1.5 TTL; after that b takes over.
        assertThat(lease.acquire("node-b", T0 + TTL, TTL)).as("b before a's renewal ran out").isEmpty();
        OptionalLong b = lease.acquire("node-b", T0 + 2 * TTL, TTL);
        assertThat(b).isPresent();
        assertThat(b.getAsLong()).isGreaterThan(a.getAsLong());
        assertThat(lease.acquire("node-a", T0 + 2 * TTL + 1, TTL)).as("a, now stale").isEmpty();

        tx.begin();
        try {
            assertThat(lease.holds(a.getAsLong(), T0 + 2 * TTL + 1)).isFalse();
            assertThat(lease.holds(b.getAsLong(), T0 + 2 * TTL + 1)).isTrue();
            // Past its expiry, b's token still fences: only a new holder's token ends it.
            assertThat(lease.holds(b.getAsLong(), T0 + 4 * TTL)).as("expired, not taken over").isTrue();
        } finally {
            tx.commit();
        }
    }

    @Test
    void aStaleLeadersWriteIsRefusedAndLeavesNothingBehind() throws Exception {
        Path repo = Files.createTempDirectory("lease-mission");
        String missionId = missions.create(new MissionRequests.Create("lease", repo, TrackerKind.LINEAR, "claude")).id();
        store.upsert(missionId, List.of(new TrackerIssue("lin-1", "LEA-1", "Fenced", "", "Todo", false, "", List.of(),
                2, 1L, List.of())), System.currentTimeMillis(), null);
        MissionIssueEntity before = store.issues(missionId).get(0);
        String row = before.id;

        long stale = lease.acquire("node-a", T0, TTL).getAsLong();
        long fresh = lease.acquire("node-b", T0 + 2 * TTL, TTL).getAsLong();
        assertThat(fresh).isGreaterThan(stale);

        // The old leader's token is refused: the lease has a new holder.
        assertThatThrownBy(() -> issues.apply(row, new IssueEvent.Claimed("claude"), stale))
                .isInstanceOf(MissionIssues.StaleLeader.class);
        MissionIssueEntity after = store.issue(row);
        assertThat(after.orchestrationState).isEqualTo("queued");
        assertThat(after.attempt).isZero();
        assertThat(after.version).isEqualTo(before.version);
        assertThat(after.startedAt).isNull();
        missions.delete(missionId);
    }
}
