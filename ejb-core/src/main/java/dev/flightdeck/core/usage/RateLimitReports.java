package dev.flightdeck.core.usage;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Map;

/**
 * Folds what a CLI reports about its provider's rate limits into the newest known windows, in the
 * shape usage/codex and usage/claude answer (contract §1.11). Pure. Both CLIs send partial updates
 * (Codex says so in its schema: a rolling update may leave a window out, which does not clear it;
 * Claude reports one window per event), so each report is merged into what came before.
 */
public final class RateLimitReports {
    /** Claude's rateLimitType values and the usage field each window travels in. */
    static final Map<String, String> CLAUDE_WINDOWS = Map.of("five_hour", "five_hour", "seven_day", "seven_day",
            "seven_day_sonnet", "seven_day_sonnet", "seven_day_opus", "seven_day_opus");

    private RateLimitReports() {
    }

    /**
     * Merges Codex's {@code account/rateLimits/updated} {@code rateLimits} (primary and secondary windows of
     * usedPercent, windowDurationMins, resetsAt in Unix seconds, and rateLimitReachedType).
     */
    public static JsonObject mergeCodex(JsonObject previous, JsonObject report, long nowMillis) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (String side : new String[] {"primary", "secondary"}) {
            if (report.get(side) instanceof JsonObject w && w.get("usedPercent") instanceof JsonNumber used) {
                JsonObjectBuilder win = Json.createObjectBuilder().add("used_percent", used.doubleValue());
                if (w.get("windowDurationMins") instanceof JsonNumber mins) {
                    win.add("window_duration_mins", mins.longValue());
                }
                if (w.get("resetsAt") instanceof JsonNumber at) {
                    win.add("resets_at_unix", at.longValue());
                }
                b.add(side, win);
            } else if (previous != null && previous.get(side) instanceof JsonObject kept) {
                b.add(side, kept);
            }
        }
        if (report.containsKey("rateLimitReachedType")) {
            // Present and null means the limit is no longer reached.
            if (report.get("rateLimitReachedType") instanceof JsonString t) {
                b.add("rate_limit_reached_type", t.getString());
            }
        } else if (previous != null && previous.get("rate_limit_reached_type") instanceof JsonString t) {
            b.add("rate_limit_reached_type", t.getString());
        }
        if (report.get("planType") instanceof JsonString plan) {
            b.add("plan_type", plan.getString());
        } else if (previous != null && previous.get("plan_type") instanceof JsonString plan) {
            b.add("plan_type", plan.getString());
        }
        return b.add("fetched_at_unix", nowMillis / 1000).build();
    }

    /**
     * Merges Claude's {@code rate_limit_event} {@code rate_limit_info}: status (allowed, allowed_warning,
     * rejected), rateLimitType (which window), utilization (a fraction; the wire's is a percentage) and
     * resetsAt (Unix seconds; the wire's resets_at is RFC 3339).
     */
    public static JsonObject mergeClaude(JsonObject previous, JsonObject info, long nowMillis) {
        JsonObjectBuilder b = previous == null ? Json.createObjectBuilder() : Json.createObjectBuilder(previous);
        String status = info.get("status") instanceof JsonString s ? s.getString() : null;
        String type = info.get("rateLimitType") instanceof JsonString t ? t.getString() : null;
        String field = type == null ? null : CLAUDE_WINDOWS.get(type);
        if (field != null) {
            JsonObject before = previous != null && previous.get(field) instanceof JsonObject w ? w : null;
            JsonObjectBuilder win = Json.createObjectBuilder();
            if (info.get("utilization") instanceof JsonNumber u) {
                win.add("utilization", Math.round(u.doubleValue() * 100 * 1e6) / 1e6);
            } else if ("rejected".equals(status)) {
                win.add("utilization", 100.0);
            } else if (before != null && before.containsKey("utilization")) {
                win.add("utilization", before.get("utilization"));
            }
            if (info.get("resetsAt") instanceof JsonNumber at) {
                win.add("resets_at", Instant.ofEpochSecond(at.longValue()).toString());
            } else if (before != null && before.get("resets_at") instanceof JsonString at) {
                win.add("resets_at", at);
            }
            if (status != null) {
                win.add("status", status);
            }
            b.add(field, win);
        }
        if (status != null) {
            b.add("status", status);
        }
        return b.add("fetched_at_unix", nowMillis / 1000).build();
    }

    public static JsonObject merge(String provider, JsonObject previous, JsonObject report, long nowMillis) {
        return "codex".equals(provider) ? mergeCodex(previous, report, nowMillis)
                : mergeClaude(previous, report, nowMillis);
    }
}
