package dev.flightdeck.ws.subscription;

import dev.flightdeck.core.event.Revisioned;
import dev.flightdeck.core.json.Json;
import dev.flightdeck.core.mission.MissionWire;
import java.util.List;

/**
 * {@code subscribe_missions} (missionId null) or {@code subscribe_mission{mission_id}}: the frames are
 * the logged events of the scope as they are (missions_invalidated; mission_invalidated and
 * mission_heartbeat), so a replay after a reconnect is exact.
 */
final class MissionSubscription extends Subscription {
    final String missionId;

    MissionSubscription(Connection connection, String missionId, Runnable onInvalidationSent) {
        super(connection, onInvalidationSent);
        this.missionId = missionId;
    }

    @Override
    List<String> framesFor(Revisioned event) {
        return List.of(event.payload());
    }

    @Override
    String framesKey() {
        return missionId == null ? "missions" : "mission";
    }

    @Override
    String invalidation(long revision) {
        return missionId == null ? Json.write(new MissionWire.ListInvalidated("missions_invalidated", revision))
                : Json.write(new MissionWire.Invalidated("mission_invalidated", missionId, revision));
    }

    @Override
    String oversized() {
        return invalidation(0);
    }
}
