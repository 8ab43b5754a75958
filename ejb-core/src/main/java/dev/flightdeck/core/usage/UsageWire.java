package dev.flightdeck.core.usage;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * GET /api/sessions/{id}/usage/turns (contract §1.3), tokens_updated (§2.2) and the /api/usage routes
 * (§1.11).
 */
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

    /**
     * Token sums: input is the uncached input, cached the cache reads and writes, total all four.
     */
    public record Tokens(long inputTokens, long outputTokens, long cacheReadTokens, long cacheCreationTokens,
                         long cachedTokens, long totalTokens) {
        public static Tokens of(long input, long output, long cacheRead, long cacheCreation) {
            return new Tokens(input, output, cacheRead, cacheCreation, cacheRead + cacheCreation,
                    input + output + cacheRead + cacheCreation);
        }
    }

    public record ModelCost(String model, double costUsd) {
    }

    /** One bucket of usage/summary. */
    public record Bucket(long sessionCount, long distinctSessionCount, long totalTokens, long inputTokens,
                         long outputTokens, long cachedTokens, long turnCount, double totalCostUsd,
                         Double reportedCostUsd, List<ModelCost> costByModel) {
    }

    public record UsageSummary(Bucket today, Bucket allTime) {
    }

    /** One group of a breakdown; only the key fields of its group_by are set. */
    public record Group(String groupKey, String provider, String model, String sessionId, Long dayStartUnix,
                        long turnCount, long sessionCount, long distinctSessionCount, Tokens tokens,
                        double totalCostUsd, Double reportedCostUsd) {
    }

    public record Totals(long turnCount, long sessionCount, long distinctSessionCount, Tokens tokens,
                         double totalCostUsd, Double reportedCostUsd) {
    }

    public record Breakdown(String groupBy, Long startUnix, Long endUnix, Totals totals, List<Group> groups) {
    }

    public record Overview(Long todayStartUnix, UsageSummary summary, List<Group> todayProviderBreakdown,
                           List<Group> todayModelBreakdown, List<Group> dayBreakdown) {
    }

    public record SessionUsage(String sessionId, String provider, String displayName, String contextLine,
                               String projectName, String projectPath, String model, String startedAt,
                               String lastActivityAt, double cost, Double reportedCostUsd, Tokens tokens,
                               long turnCount) {
    }

    public record Sessions(Integer nextOffset, long totalCount, List<SessionUsage> sessions) {
    }

    public record ErrorInfo(String code, String message) {
    }

    /** usage/codex and usage/claude: the newest windows the CLI reported, or why there are none. */
    public record RateLimitUsage(JsonObject usage, ErrorInfo errorInfo) {
    }
}
