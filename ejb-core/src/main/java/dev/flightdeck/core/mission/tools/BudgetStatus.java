package dev.flightdeck.core.mission.tools;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;

/**
 * The run's issue's spending against its MISSION.md caps, as mission_get_issue shows it to the agent,
 * so it can wrap up (commit, link, hand off) before a cap ends the run. A null cap is no cap.
 */
public record BudgetStatus(long tokensUsed, double usdUsed, int sessionsUsed, Long maxTokens, BigDecimal maxUsd,
                           Integer maxSessions, String warning) {
    JsonObject json() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("tokens_used", tokensUsed).add("usd_used", usdUsed)
                .add("sessions_used", sessionsUsed);
        if (maxTokens != null) {
            b.add("max_tokens", maxTokens);
        }
        if (maxUsd != null) {
            b.add("max_usd", maxUsd);
        }
        if (maxSessions != null) {
            b.add("max_sessions", maxSessions);
        }
        if (warning != null) {
            b.add("warning", warning);
        }
        return b.build();
    }
}
