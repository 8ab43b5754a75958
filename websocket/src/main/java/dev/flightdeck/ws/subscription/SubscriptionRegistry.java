package dev.flightdeck.ws.subscription;

import dev.flightdeck.core.auth.TokenRevoked;
import dev.flightdeck.core.auth.TokenService;
import dev.flightdeck.core.event.Replay;
import dev.flightdeck.core.event.Revisioned;
import dev.flightdeck.core.event.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Metadata;

/** Open connections, their subscriptions, and the after-commit fan-out of revisioned events. */
@ApplicationScoped
public class SubscriptionRegistry {
    private static final Logger LOG = Logger.getLogger(SubscriptionRegistry.class.getName());

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<ListKind, Set<ListSubscription>> listSubs = new ConcurrentHashMap<>();
    private final Map<String, Set<SurfaceSubscription>> surfaceSubs = new ConcurrentHashMap<>();
    /** Mission subscribers by scope: the list's, and each mission's own. */
    private final Map<String, Set<MissionSubscription>> missionSubs = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Subscription>> byConnection = new ConcurrentHashMap<>();
    private final Sequencer sequencer = new Sequencer();

    @Inject
    TokenService tokens;

    @Inject
    MetricRegistry metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    jakarta.enterprise.concurrent.ManagedExecutorService fanOutPool;

    @Inject
    dev.flightdeck.core.event.EventLog eventLog;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_WS_QUEUE_CAPACITY", defaultValue = "1024")
    int queueCapacity;

    /** How often to look for events other nodes sharing the database committed; 0 for a lone node. */
    @Inject
    @ConfigProperty(name = "FLIGHTDECK_CLUSTER_POLL_MS", defaultValue = "500")
    long clusterPollMs;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_WS_PING_INTERVAL_SECONDS", defaultValue = "30")
    long pingIntervalSeconds;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_WS_IDLE_TIMEOUT_SECONDS", defaultValue = "90")
    long idleTimeoutSeconds;

    private Counter invalidationsSent;
    private org.eclipse.microprofile.metrics.Timer fanOut;
    private ScheduledFuture<?> sweeper;
    private ScheduledFuture<?> clusterTail;
    private long lastTokenCheck;

    @PostConstruct
    void init() {
        invalidationsSent = metrics.counter(Metadata.builder().withName("flightdeck_ws_invalidations_sent")
                .withDescription("Invalidation frames queued to WebSocket subscribers").build());
        fanOut = metrics.timer(Metadata.builder().withName("flightdeck_ws_fanout")
                .withDescription("Time to queue one committed event to all of its subscribers").build());
        metrics.gauge(Metadata.builder().withName("flightdeck_ws_open_connections")
                .withDescription("Open WebSocket connections").build(), connections, Map::size);
        long sweepMs = Math.max(200, Math.min(pingIntervalSeconds, idleTimeoutSeconds) * 1000 / 3);
        sweeper = scheduler.scheduleWithFixedDelay(this::sweep, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
        if (clusterPollMs > 0) {
            clusterTail = scheduler.scheduleWithFixedDelay(this::tailCluster, clusterPollMs, clusterPollMs,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Events stamped this long before a poll are still read, for transactions that took long to commit. */
    static final long CLUSTER_LOOKBACK_MS = 10_000;
    private static final int CLUSTER_BATCH = 5_000;

    /**
     * Feeds events committed by other nodes on the same database into the same ordered fan-out as
     * local ones; the sequencer drops the ones already sent, so reading a window twice is harmless.
     */
    private void tailCluster() {
        if (connections.isEmpty()) {
            return;
        }
        try {
            for (Revisioned e : eventLog.loggedSince(System.currentTimeMillis() - CLUSTER_LOOKBACK_MS, CLUSTER_BATCH)) {
                sequencer.accept(e, this::dispatch);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading other nodes' events failed", e);
        }
    }

    @PreDestroy
    void shutdown() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        if (clusterTail != null) {
            clusterTail.cancel(false);
        }
        connections.values().forEach(c -> c.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server stopping")));
    }

    public Connection open(Session ws, String tokenId) {
        Connection c = new Connection(ws, tokenId, queueCapacity);
        connections.put(c.id(), c);
        byConnection.put(c.id(), new ConcurrentHashMap<>());
        return c;
    }

    /** Every open connection. */
    public java.util.Collection<Connection> connections() {
        return java.util.Collections.unmodifiableCollection(connections.values());
    }

    public Connection find(Session ws) {
        return connections.get(ws.getId());
    }

    public void closed(Session ws) {
        connections.remove(ws.getId());
        Map<String, Subscription> subs = byConnection.remove(ws.getId());
        if (subs != null) {
            subs.values().forEach(this::detach);
        }
    }

    /** Registers the subscription first, then computes its replay, so no committed event falls between. */
    public void subscribeList(Connection c, ListKind kind, java.util.function.Supplier<Replay.Decision> replay) {
        ListSubscription sub = new ListSubscription(c, kind, invalidationsSent::inc);
        replace(c, "list:" + kind, sub);
        listSubs.computeIfAbsent(kind, k -> ConcurrentHashMap.newKeySet()).add(sub);
        sub.start(replay.get());
    }

    public void subscribeSurface(Connection c, String sessionId, String surface,
                                 java.util.function.Supplier<Replay.Decision> replay) {
        SurfaceSubscription sub = new SurfaceSubscription(c, sessionId, surface, invalidationsSent::inc);
        replace(c, surfaceKey(sessionId, surface), sub);
        surfaceSubs.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(sub);
        sub.start(replay.get());
    }

    /** subscribe_missions (missionId null) or subscribe_mission. */
    public void subscribeMissions(Connection c, String missionId, java.util.function.Supplier<Replay.Decision> replay) {
        MissionSubscription sub = new MissionSubscription(c, missionId, invalidationsSent::inc);
        String scope = missionId == null ? Scope.MISSIONS : Scope.mission(missionId);
        replace(c, "missions:" + scope, sub);
        missionSubs.computeIfAbsent(scope, k -> ConcurrentHashMap.newKeySet()).add(sub);
        sub.start(replay.get());
    }

    public void unsubscribeMissions(Connection c, String missionId) {
        remove(c, "missions:" + (missionId == null ? Scope.MISSIONS : Scope.mission(missionId)));
    }

    public void unsubscribeList(Connection c, ListKind kind) {
        remove(c, "list:" + kind);
    }

    public void unsubscribeSurface(Connection c, String sessionId, String surface) {
        remove(c, surfaceKey(sessionId, surface));
    }

    /** Hands the committed event to the fan-out pool, so the writer's response never waits for it. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revisioned event) {
        fanOutPool.execute(() -> {
            try {
                sequencer.accept(event, this::dispatch);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "broadcast of " + event.scope() + "@" + event.revision() + " failed", e);
            }
        });
    }

    /** Codex account and login messages belong to no subscription: every connection of this node gets them. */
    void onCodexAccount(@Observes dev.flightdeck.core.codex.account.CodexAccountBroadcast message) {
        connections.values().forEach(c -> c.send(message.payload()));
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenRevoked revoked) {
        closeToken(revoked.tokenId());
    }

    /** Builds each kind of subscriber's frames once per event, however many subscribers share it. */
    private void dispatch(Revisioned event) {
        long start = System.nanoTime();
        try {
            fanOutTo(event);
        } finally {
            fanOut.update(java.time.Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void fanOutTo(Revisioned event) {
        Map<String, Subscription.Delivery> built = new java.util.HashMap<>();
        java.util.function.Consumer<Subscription> deliver = s -> s.deliver(built.computeIfAbsent(s.framesKey(),
                k -> new Subscription.Delivery(event.revision(), s.framesFor(event))));
        if (Scope.SESSIONS.equals(event.scope())) {
            listSubs.values().forEach(subs -> subs.forEach(deliver));
            return;
        }
        Set<MissionSubscription> missions = missionSubs.get(event.scope());
        if (missions != null) {
            missions.forEach(deliver);
            return;
        }
        if (Scope.WORKTREES.equals(event.scope()) || Scope.SERVER.equals(event.scope())) {
            // Worktree messages and server_info belong to no subscription: every connection gets them, as
            // OrbitDock sends them; from the log, so a change made on another node reaches them too.
            connections.values().forEach(c -> c.send(event.payload(), true));
            return;
        }
        Set<SurfaceSubscription> subs = event.sessionId() == null ? null : surfaceSubs.get(event.sessionId());
        if (subs != null) {
            subs.forEach(deliver);
        }
    }

    private void closeToken(String tokenId) {
        connections.values().stream().filter(c -> tokenId.equals(c.tokenId()))
                .forEach(c -> c.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "token revoked")));
    }

    private void sweep() {
        try {
            long now = System.currentTimeMillis();
            long idleMs = idleTimeoutSeconds * 1000;
            for (Connection c : connections.values()) {
                if (now - c.lastReceivedAt() >= idleMs) {
                    c.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "idle timeout"));
                } else {
                    c.pingIfIdle(now, pingIntervalSeconds * 1000);
                }
            }
            sequencer.releaseStale(now, 1000, this::dispatch);
            // A revocation on another node reaches this node's sockets here.
            if (now - lastTokenCheck >= 10_000) {
                lastTokenCheck = now;
                connections.values().stream().map(Connection::tokenId).filter(java.util.Objects::nonNull).distinct()
                        .filter(id -> !tokens.isLive(id)).forEach(this::closeToken);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "WebSocket sweep failed", e);
        }
    }

    private void replace(Connection c, String key, Subscription sub) {
        Map<String, Subscription> subs = byConnection.get(c.id());
        if (subs == null) {
            return;
        }
        Subscription old = subs.put(key, sub);
        if (old != null) {
            detach(old);
        }
    }

    private void remove(Connection c, String key) {
        Map<String, Subscription> subs = byConnection.get(c.id());
        Subscription old = subs == null ? null : subs.remove(key);
        if (old != null) {
            detach(old);
        }
    }

    private void detach(Subscription sub) {
        if (sub instanceof ListSubscription l) {
            listSubs.values().forEach(s -> s.remove(l));
        } else if (sub instanceof MissionSubscription m) {
            missionSubs.values().forEach(set -> set.remove(m));
        } else if (sub instanceof SurfaceSubscription s) {
            Set<SurfaceSubscription> set = surfaceSubs.get(s.sessionId);
            if (set != null) {
                set.remove(s);
            }
        }
    }

    private static String surfaceKey(String sessionId, String surface) {
        return "surface:" + sessionId + ":" + surface;
    }
}
