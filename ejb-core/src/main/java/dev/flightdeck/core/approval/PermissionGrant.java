package dev.flightdeck.core.approval;

import dev.flightdeck.core.connector.ApprovalDecision;
import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * A response to a permission request (contract §1.7: {@code {permissions?, scope?}}), checked. Without
 * {@code permissions} the agent gets what it asked for; with it, exactly what the human granted
 * (Codex's granted profile: {@code fileSystem}, {@code network}). Pure.
 *
 * @param permissions what is granted, or null for everything the request asked
 */
public record PermissionGrant(String scope, JsonObject permissions) {
    static final Set<String> PROFILE = Set.of("fileSystem", "network");

    public static PermissionGrant parse(JsonObject body) {
        JsonValue scope = body == null ? null : body.get("scope");
        String s = scope == null || scope == JsonValue.NULL ? "turn" : scope instanceof JsonString str ? str.getString() : "";
        if (!"turn".equals(s) && !"session".equals(s)) {
            throw ApiException.invalidField("scope", "must be turn or session");
        }
        JsonValue raw = body == null ? null : body.get("permissions");
        if (raw == null || raw == JsonValue.NULL) {
            return new PermissionGrant(s, null);
        }
        if (!(raw instanceof JsonObject p)) {
            throw ApiException.invalidField("permissions", "must be an object ({fileSystem?, network?})");
        }
        for (var e : p.entrySet()) {
            if (!PROFILE.contains(e.getKey())) {
                throw ApiException.invalidField("permissions." + e.getKey(), "is not a permission (fileSystem, network)");
            }
            if (e.getValue().getValueType() != JsonValue.ValueType.OBJECT && e.getValue() != JsonValue.NULL) {
                throw ApiException.invalidField("permissions." + e.getKey(), "must be an object or null");
            }
        }
        return new PermissionGrant(s, p);
    }

    /** The decision the connector answers with: the grant travels as {@code updatedInput.permissions}. */
    public ApprovalDecision decision() {
        JsonObject granted = permissions == null ? null : Json.createObjectBuilder().add("permissions", permissions).build();
        return new ApprovalDecision("session".equals(scope) ? "approved_for_session" : "approved", null, false, granted);
    }
}
