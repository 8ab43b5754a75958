package dev.flightdeck.core.mission;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mission clock. Every node ticks; each tick first takes or renews the lease, and only the holder
 * polls and dispatches. Nothing the scheduler knows lives here: poll times, retry timers and runs are
 * all in the database, so the next leader (or this node after a restart) carries on where it was.
 */
@Singleton
@Startup
@DependsOn("AgentRuntime")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MissionScheduler {
    private static final Logger LOG = Logger.getLogger(MissionScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    MissionLease lease;

    @Inject
    MissionStore store;

    @Inject
    MissionTick tick;

    /** The contract's 15 s; tests run faster. */
    @Inject
    @ConfigProperty(name = "FLIGHTDECK_MISSION_TICK_MS", defaultValue = "15000")
    long tickMs;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_MISSION_LEASE_MS", defaultValue = "45000")
    long leaseMs;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_NODE_ID", defaultValue = "local")
    String node;

    /** Unique per process, so a restarted node does not inherit its previous life's lease. */
    private final String holder = UUID.randomUUID().toString();
    private ScheduledFuture<?> ticking;
    private volatile long leaderToken = -1;

    @PostConstruct
    void start() {
        ticking = executor.scheduleWithFixedDelay(this::tickAll, tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        try {
            lease.release(holderName());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not release the mission lease", e);
        }
    }

    String holderName() {
        return node + "/" + holder;
    }

    /** Whether this node led at its last tick (server_info and metrics can show it). */
    public boolean leading() {
        return leaderToken >= 0;
    }

    void tickAll() {
        try {
            OptionalLong token = lease.acquire(holderName(), System.currentTimeMillis(), leaseMs);
            if (token.isEmpty()) {
                leaderToken = -1;
                return;
            }
            leaderToken = token.getAsLong();
            for (String missionId : store.orchestrated()) {
                // Renewed before each mission, so a long tick of one mission does not let the lease lapse.
                if (lease.acquire(holderName(), System.currentTimeMillis(), leaseMs).isEmpty()) {
                    leaderToken = -1;
                    return;
                }
                try {
                    tick.tick(missionId, token.getAsLong());
                } catch (MissionIssues.StaleLeader stale) {
                    leaderToken = -1;
                    LOG.info("the mission lease moved to another node mid-tick; this node stops scheduling");
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "mission " + missionId + ": tick failed", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "mission tick failed", e);
        }
    }
}
