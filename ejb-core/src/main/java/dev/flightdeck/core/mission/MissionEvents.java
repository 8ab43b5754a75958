package dev.flightdeck.core.mission;

import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.time.Times;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Mission revisions: a change of a mission takes the next revision of its own scope (mission_invalidated)
 * and of the mission list (missions_invalidated), in the writer's transaction, so they are durable, the
 * same on every node and sent only after commit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MissionEvents {
    @Inject
    EventLog log;

    public void created(String missionId) {
        log.createScope(Scope.mission(missionId));
        changed(missionId);
    }

    /** Returns the mission's new revision. */
    public long changed(String missionId) {
        long revision = log.append(Scope.mission(missionId), EventType.MISSION_INVALIDATED,
                rev -> new MissionWire.Invalidated(EventType.MISSION_INVALIDATED.wire(), missionId, rev));
        listChanged();
        return revision;
    }

    public void listChanged() {
        log.append(Scope.MISSIONS, EventType.MISSIONS_INVALIDATED,
                rev -> new MissionWire.ListInvalidated(EventType.MISSIONS_INVALIDATED.wire(), rev));
    }

    /** mission_heartbeat, logged in the mission's scope so every node's sockets get it after commit. */
    public void heartbeat(String missionId, long tickStartedAt, long nextTickAt) {
        log.append(Scope.mission(missionId), EventType.MISSION_HEARTBEAT,
                rev -> new MissionWire.Heartbeat(EventType.MISSION_HEARTBEAT.wire(), missionId, Times.iso(tickStartedAt),
                        Times.iso(nextTickAt)));
    }

    public long revision(String missionId) {
        return log.current(Scope.mission(missionId));
    }

    public long listRevision() {
        return log.current(Scope.MISSIONS);
    }
}
