package dev.flightdeck.core.mission.tracker;

import dev.flightdeck.core.mission.tracker.github.GitHubTracker;
import dev.flightdeck.core.mission.tracker.linear.LinearTracker;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens trackers. One Rest Client per endpoint serves every key: the key travels per request, so a
 * client is never bound to one user's secret.
 */
@ApplicationScoped
public class Trackers {
    private static final Logger LOG = Logger.getLogger(Trackers.class.getName());
    static final String USER_AGENT = "Flightdeck";

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_LINEAR_API_URL", defaultValue = "https://api.linear.app/graphql")
    String linearUrl;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_GITHUB_API_URL", defaultValue = "https://api.github.com/graphql")
    String githubUrl;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_TRACKER_CONNECT_TIMEOUT_MS", defaultValue = "10000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_TRACKER_READ_TIMEOUT_MS", defaultValue = "30000")
    long readTimeoutMs;

    private final Map<TrackerKind, RestGraphQl> transports = new EnumMap<>(TrackerKind.class);

    public Tracker open(TrackerKind kind, String key) {
        return open(kind, key, null);
    }

    /**
     * A tracker for one key; {@code scope} tells a GitHub tracker which board's Status its snapshots
     * report (Linear ignores it).
     */
    public Tracker open(TrackerKind kind, String key, TrackerScope scope) {
        GraphQlClient client = new GraphQlClient(kind, transport(kind), key, Clock.systemUTC());
        return kind == TrackerKind.LINEAR ? new LinearTracker(client) : new GitHubTracker(client, scope);
    }

    private synchronized GraphQl transport(TrackerKind kind) {
        return transports.computeIfAbsent(kind, k -> new RestGraphQl(
                URI.create(k == TrackerKind.LINEAR ? linearUrl : githubUrl), USER_AGENT, connectTimeoutMs, readTimeoutMs));
    }

    @PreDestroy
    synchronized void close() {
        for (RestGraphQl t : transports.values()) {
            try {
                t.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing a tracker client", e);
            }
        }
        transports.clear();
    }
}
