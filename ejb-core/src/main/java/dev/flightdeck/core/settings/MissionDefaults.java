package dev.flightdeck.core.settings;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.json.Fields;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * What a new mission starts with (contract §1.15 mission-defaults). {@link #merge} is the pure rule for
 * a PUT: fields present replace, absent ones stay, {@code secondary_provider: null} clears.
 */
public record MissionDefaults(String providerStrategy, String primaryProvider, String secondaryProvider) {
    public static final Set<String> STRATEGIES = Set.of("single", "priority", "round_robin");
    public static final Set<String> PROVIDERS = dev.flightdeck.core.agent.Provider.WIRES;
    public static final MissionDefaults DEFAULT = new MissionDefaults("single", "claude", null);

    public static MissionDefaults merge(MissionDefaults current, JsonObject body) {
        String strategy = current.providerStrategy;
        String primary = current.primaryProvider;
        String secondary = current.secondaryProvider;
        if (body.containsKey("provider_strategy")) {
            strategy = oneOf(body, "provider_strategy", STRATEGIES, false);
        }
        if (body.containsKey("primary_provider")) {
            primary = oneOf(body, "primary_provider", PROVIDERS, false);
        }
        if (body.containsKey("secondary_provider")) {
            secondary = oneOf(body, "secondary_provider", PROVIDERS, true);
        }
        if (secondary != null && secondary.equals(primary)) {
            throw ApiException.invalidField("secondary_provider", "must differ from primary_provider");
        }
        return new MissionDefaults(strategy, primary, secondary);
    }

    private static String oneOf(JsonObject body, String field, Set<String> allowed, boolean nullable) {
        if (body.get(field) == JsonValue.NULL) {
            if (nullable) {
                return null;
            }
            throw ApiException.invalidField(field, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        String v = Fields.optionalString(body, field);
        if (v == null || !allowed.contains(v)) {
            throw ApiException.invalidField(field, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return v;
    }
}
