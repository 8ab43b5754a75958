package dev.flightdeck.core.connector;

import jakarta.json.JsonObject;
import java.util.Set;

/** A human's answer to an approval request (contract §1.7). */
public record ApprovalDecision(String decision, String message, boolean interrupt, JsonObject updatedInput) {
    public static final Set<String> DECISIONS = Set.of("approved", "approved_for_session", "approved_always",
            "denied", "abort");

    public boolean allows() {
        return decision.startsWith("approved");
    }

    /** abort stops the turn as well as refusing the tool. */
    public boolean stopsTurn() {
        return "abort".equals(decision) || interrupt && !allows();
    }
}
