package dev.flightdeck.core.mission;

import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.mission.config.MissionConfig;
import dev.flightdeck.core.mission.tracker.Tracker;
import dev.flightdeck.core.mission.tracker.TrackerKeys;
import dev.flightdeck.core.mission.tracker.TrackerKind;
import dev.flightdeck.core.mission.tracker.TrackerScope;
import dev.flightdeck.core.mission.tracker.Trackers;
import dev.flightdeck.persistence.mission.MissionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Opens a mission's tracker with its resolved key (mission, environment, then global). */
@ApplicationScoped
public class MissionTrackers {
    @Inject
    TrackerKeys keys;

    @Inject
    Trackers trackers;

    public static TrackerKind kind(MissionEntity m) {
        return TrackerKind.fromWire(m.trackerKind).orElse(TrackerKind.LINEAR);
    }

    public static TrackerScope scope(MissionConfig c) {
        MissionConfig.Filters f = c.trigger().filters();
        return new TrackerScope(f.labels(), f.states(), f.project(), f.team());
    }

    public Optional<TrackerKeys.Resolved> key(MissionEntity m) {
        return keys.resolve(kind(m), m.trackerApiKey);
    }

    /** @throws dev.flightdeck.core.error.ApiException no_api_key when no key resolves */
    public Tracker forMission(MissionEntity m) {
        TrackerKeys.Resolved key = key(m).orElseThrow(() -> ErrorCode.NO_API_KEY.error("no " + m.trackerKind
                + " key: set one for the mission, in " + TrackerKeys.envName(kind(m)) + ", or for the server"));
        return trackers.open(kind(m), key.key(), scope(MissionConfigs.inForce(m).config()));
    }
}
