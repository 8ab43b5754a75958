package dev.flightdeck.api.hook;

import dev.flightdeck.core.session.ConfigPatch;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * A takeover's body (contract §1.3): the settings the now-direct session runs with instead of the
 * terminal's. Other fields are ignored; each named one is checked as a session setting.
 */
public record TakeoverRequest(ConfigPatch overrides) {
    static final List<String> FIELDS = List.of("model", "approval_policy_details", "sandbox_policy_details",
            "permission_mode", "collaboration_mode", "multi_agent", "personality", "service_tier",
            "developer_instructions", "allowed_tools", "disallowed_tools");

    public static TakeoverRequest parse(JsonObject body) {
        JsonObjectBuilder picked = Json.createObjectBuilder();
        if (body != null) {
            for (String field : FIELDS) {
                if (body.containsKey(field)) {
                    picked.add(field, body.get(field));
                }
            }
        }
        return new TakeoverRequest(ConfigPatch.parse(picked.build()));
    }
}
