package dev.flightdeck.core.mission.tools;

import jakarta.json.JsonObject;

/** One tool as MCP's tools/list shows it: its name, what it is for, and the JSON Schema of its input. */
public record ToolDefinition(String name, String description, JsonObject inputSchema) {
}
