package dev.flightdeck.core.agent;

import dev.flightdeck.core.connector.AgentHandle;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A message or steer as the agent is sent it: a {@link MessageRequest} with its attachments read.
 *
 * @param images     what the agent is sent
 * @param imageRows  what the row records, as the client sent it
 * @param refs       the skills (messages only) and mentions ({name, path}) the agent is given
 */
public record MessageInput(String content, List<AgentHandle.ImageInput> images, JsonArray imageRows, String model,
                           String effort, String expectedTurnId, AgentHandle.References refs) {
    /** Plain text, as a session's initial prompt is sent. */
    public static MessageInput text(String content) {
        return new MessageInput(content, List.of(), JsonValue.EMPTY_JSON_ARRAY, null, null, null,
                AgentHandle.References.NONE);
    }

    /** Claude's effort levels start at low. */
    public String claudeEffort() {
        return "minimal".equals(effort) ? "low" : effort;
    }
}
