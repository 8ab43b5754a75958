package dev.flightdeck.core.connector;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;

/** A human's answer to an approval request (contract §1.7). */
public record ApprovalDecision(String decision, String message, boolean interrupt, JsonObject updatedInput) {
    public static final Set<String> DECISIONS = Set.of("approved", "approved_for_session", "approved_always",
            "denied", "abort");

    /** A decision body (contract §1.7): decision is required, the rest optional; 400 names the field. */
    public static ApprovalDecision parse(JsonObject body) {
        if (body == null || !(body.get("decision") instanceof jakarta.json.JsonString d) || !DECISIONS.contains(d.getString())) {
            throw dev.flightdeck.core.error.ApiException.invalidField("decision", "must be one of "
                    + String.join(", ", new java.util.TreeSet<>(DECISIONS)));
        }
        String message = dev.flightdeck.core.json.Fields.optionalString(body, "message");
        JsonValue interrupt = body.get("interrupt");
        if (interrupt != null && interrupt != JsonValue.NULL && interrupt != JsonValue.TRUE && interrupt != JsonValue.FALSE) {
            throw dev.flightdeck.core.error.ApiException.invalidField("interrupt", "must be a boolean");
        }
        JsonValue updated = body.get("updated_input");
        if (updated != null && updated != JsonValue.NULL && !(updated instanceof JsonObject)) {
            throw dev.flightdeck.core.error.ApiException.invalidField("updated_input", "must be an object");
        }
        return new ApprovalDecision(d.getString(), message, interrupt == JsonValue.TRUE,
                updated instanceof JsonObject u ? u : null);
    }

    public boolean allows() {
        return decision.startsWith("approved");
    }

    /** abort stops the turn as well as refusing the tool. */
    public boolean stopsTurn() {
        return "abort".equals(decision) || interrupt && !allows();
    }
}
