package dev.flightdeck.core.agent;

import dev.flightdeck.core.connector.AgentConnector;
import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.AgentHandle;
import dev.flightdeck.core.connector.Connectors;
import dev.flightdeck.core.connector.LaunchSpec;
import dev.flightdeck.core.connector.ProcessTree;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.review.ReviewSurface;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The agent processes this server supervises, one per session at most. It reaps what an earlier run
 * left behind at boot, kills every tree at shutdown, and watches for turns that stop making progress.
 */
@Singleton
@Startup
@DependsOn("Migrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AgentRuntime {
    private static final Logger LOG = Logger.getLogger(AgentRuntime.class.getName());

    private final Map<String, AgentHandle> handles = new ConcurrentHashMap<>();
    private final Set<String> interrupting = ConcurrentHashMap.newKeySet();

    @Inject
    TurnService turns;

    @Inject
    Connectors connectors;

    @Inject
    ReviewSurface diffs;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_STALL_SECONDS", defaultValue = "300")
    long stallSeconds;

    /** This node's name in connector_node: the host and the HTTP port tell nodes on one machine apart. */
    @Inject
    @ConfigProperty(name = "FLIGHTDECK_NODE_ID", defaultValue = "local")
    String node;

    @PostConstruct
    void boot() {
        try {
            Map<String, Long> left = turns.takeLeftovers(node);
            left.forEach((session, pid) -> {
                if (ProcessTree.isAgent(pid, "claude") || ProcessTree.isAgent(pid, "codex")) {
                    LOG.info("reaping agent process " + pid + " left by an earlier run for session " + session);
                    ProcessTree.kill(pid);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not reap agent processes of an earlier run", e);
        }
    }

    @PreDestroy
    void shutdown() {
        handles.values().forEach(AgentHandle::stop);
        handles.clear();
    }

    /** The live agent of a session on this server, or null. */
    public AgentHandle handle(String sessionId) {
        AgentHandle h = handles.get(sessionId);
        return h != null && h.isAlive() ? h : null;
    }

    /** Starts the session's agent unless one runs already; 503 connector_start_failed when it cannot. */
    public AgentHandle ensureRunning(String sessionId, String provider, LaunchSpec spec) {
        AgentHandle running = handle(sessionId);
        if (running != null) {
            return running;
        }
        synchronized (this) {
            running = handle(sessionId);
            if (running != null) {
                return running;
            }
            AgentConnector connector = connectors.forProvider(provider);
            String problem = connector == null ? "no connector for provider " + provider : connector.unavailableReason();
            if (problem != null) {
                throw ErrorCode.CONNECTOR_START_FAILED.error(problem);
            }
            AgentHandle[] self = new AgentHandle[1];
            try {
                self[0] = connector.start(spec, batch -> onEvents(sessionId, self[0], batch));
            } catch (IOException | RuntimeException e) {
                throw ErrorCode.CONNECTOR_START_FAILED.error("could not start " + provider + ": " + e.getMessage());
            }
            handles.put(sessionId, self[0]);
            turns.started(sessionId, self[0].pid(), node);
            return self[0];
        }
    }

    private void onEvents(String sessionId, AgentHandle handle, List<AgentEvent> batch) {
        if (batch.get(0) instanceof AgentEvent.Exited && !handles.remove(sessionId, handle)
                && handles.containsKey(sessionId)) {
            // A process replaced after a rollback or end: the session's new agent is not the one that exited.
            return;
        }
        boolean interrupted = interrupting.contains(sessionId);
        // git runs here, before the session's row is locked, never under it.
        ReviewSurface.TurnCapture capture = batch.stream().anyMatch(e -> e instanceof AgentEvent.TurnCompleted)
                ? diffs.capture(sessionId) : null;
        try {
            turns.apply(sessionId, batch, interrupted, capture);
        } catch (RuntimeException e) {
            // One bad event must not cost the others: apply them one by one, skipping what fails.
            LOG.log(Level.WARNING, "a batch of " + batch.size() + " agent events failed; applying them singly", e);
            for (AgentEvent one : batch) {
                try {
                    turns.apply(sessionId, List.of(one), interrupted,
                            one instanceof AgentEvent.TurnCompleted ? capture : null);
                } catch (RuntimeException single) {
                    LOG.log(Level.WARNING, "could not apply " + one.getClass().getSimpleName(), single);
                }
            }
        }
        if (batch.stream().anyMatch(e -> e instanceof AgentEvent.TurnCompleted || e instanceof AgentEvent.Exited)) {
            interrupting.remove(sessionId);
        }
    }

    public void interrupt(String sessionId, AgentHandle h) {
        interrupting.add(sessionId);
        h.interrupt();
    }

    /** Kills the session's process tree, if one runs here. */
    public void stop(String sessionId) {
        AgentHandle h = handles.remove(sessionId);
        if (h != null) {
            h.stop();
        }
    }

    public int running() {
        return (int) handles.values().stream().filter(AgentHandle::isAlive).count();
    }

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    void watchdog() {
        try {
            turns.markStalled(stallSeconds * 1000);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "stall check failed", e);
        }
    }
}
