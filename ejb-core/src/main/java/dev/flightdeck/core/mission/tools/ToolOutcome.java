package dev.flightdeck.core.mission.tools;

import jakarta.json.JsonObject;

/**
 * What one tool call gave back: a JSON object for the agent, or a failure it can read and act on. A
 * failure is still a result ({@code isError: true}), not a protocol error, so the model sees it.
 */
public record ToolOutcome(boolean error, String text) {
    public static ToolOutcome ok(JsonObject result) {
        return new ToolOutcome(false, result.toString());
    }

    public static ToolOutcome failure(String message) {
        return new ToolOutcome(true, message);
    }
}
