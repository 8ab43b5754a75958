package dev.flightdeck.core.event;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Applies the age half of the retention window; the count half is applied on every append. */
@Singleton
public class EventLogPruner {
    private static final Logger LOG = Logger.getLogger(EventLogPruner.class.getName());

    @Inject
    EventLog log;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_EVENTS_RETENTION_DAYS", defaultValue = "7")
    long retentionDays;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    public void prune() {
        int dropped = log.pruneOlderThan(System.currentTimeMillis() - Duration.ofDays(retentionDays).toMillis());
        if (dropped > 0) {
            LOG.info(() -> "Pruned " + dropped + " events past the " + retentionDays + "-day retention window");
        }
    }
}
