package dev.flightdeck.core.mission.tools;

import jakarta.json.JsonObject;

/** Runs one mission tool whose arguments already passed its schema. */
@FunctionalInterface
public interface MissionToolCalls {
    ToolOutcome call(String tool, JsonObject arguments);
}
