package dev.flightdeck.core.conversation;

import dev.flightdeck.core.session.SessionWire;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/** Wire shapes of the conversation routes and messages (contract §1.3, §1.5, §2.2, §3). */
public final class ConversationWire {
    private ConversationWire() {
    }

    /** ConversationRowEntry: one row with its place in the session. */
    public record RowEntry(String sessionId, long sequence, String turnId, String turnStatus, JsonObject row) {
    }

    /** ConversationSnapshotPage; replay_cursor is the session revision to subscribe from. */
    public record Page(long revision, long replayCursor, String sessionId, List<RowEntry> rows, long totalRowCount,
                       boolean hasMoreBefore, String forkedFromSessionId, Long oldestSequence, Long newestSequence) {
    }

    public record RowsPage(List<RowEntry> rows, long totalRowCount, boolean hasMoreBefore, Long oldestSequence,
                           Long newestSequence) {
    }

    public record RowsChanged(String type, String sessionId, long revision, List<RowEntry> upserted,
                              List<String> removedRowIds, long totalRowCount) {
    }

    public record Tokens(long inputTokens, long outputTokens, long cachedTokens, long contextWindow) {
    }

    public record Stats(String sessionId, long totalRows, long toolCount, Map<String, Long> toolCountByFamily,
                        long failedToolCount, Long averageToolDurationMs, int turnCount, Tokens totalTokens,
                        int workerCount, Long durationMs) {
    }

    public record RowContent(String rowId, String inputDisplay, String outputDisplay, List<Object> images,
                             List<Object> diffDisplay, String language, Integer startLine) {
    }

    /** 202 body of messages and steer. */
    public record Accepted(boolean accepted, RowEntry row, SessionWire.Detail sessionDetailSnapshot) {
    }
}
