package dev.flightdeck.core.usage;

import jakarta.json.JsonObject;
import java.util.List;

/** GET /api/sessions/{id}/usage/turns (contract §1.3) and tokens_updated (§2.2). */
public final class UsageWire {
    private UsageWire() {
    }

    public record PricingInfo(String source, String version, String modelKey, double inputPerMtok,
                              double outputPerMtok, double cacheReadPerMtok, double cacheWritePerMtok) {
    }

    public record TurnRow(String turnId, int turnSeq, String provider, String model, String observedAt,
                          String snapshotKind, JsonObject rawUsage, long billableInputTokens, long billableOutputTokens,
                          long cacheReadTokens, long cacheCreationTokens, long contextTokens, long contextWindow,
                          double estimatedCostUsd, Double reportedCostUsd, PricingInfo pricing) {
    }

    public record Summary(long inputTokens, long outputTokens, long cacheReadTokens, long cacheCreationTokens,
                          double estimatedCostUsd) {
    }

    public record Turns(String sessionId, long totalTurnCount, boolean hasMoreBefore, Integer oldestTurnSeq,
                        Integer newestTurnSeq, Summary summary, List<TurnRow> rows) {
    }

    public record Usage(long inputTokens, long outputTokens, long cachedTokens, long contextWindow) {
    }

    public record TokensUpdated(String type, String sessionId, long revision, Usage usage, String snapshotKind) {
    }
}
