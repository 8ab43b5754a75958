package dev.flightdeck.core.review;

import java.util.List;

/** Review comment responses and messages (contract §1.8, §2.2). */
public final class ReviewWire {
    private ReviewWire() {
    }

    public record Comment(String id, String sessionId, String turnId, String filePath, int lineStart, Integer lineEnd,
                          String body, String tag, String status, String sentTurnId, String createdAt, String updatedAt) {
    }

    /** review_revision is the session's durable revision, as every other revision here. */
    public record Comments(String sessionId, long reviewRevision, List<Comment> comments) {
    }

    public record Mutation(String sessionId, long reviewRevision, String commentId, Comment comment, boolean deleted,
                           boolean ok) {
    }

    public record Event(String type, String sessionId, long revision, String commentId, Comment comment) {
    }

    public record TokenUsage(long inputTokens, long outputTokens, long cachedTokens) {
    }

    public record TurnDiff(String turnId, String diff, TokenUsage tokenUsage, String snapshotKind, String createdAt) {
    }

    /** GET …/review: diffs are unified text, bounded, with truncation flagged. */
    public record Review(String sessionId, long revision, String currentDiff, boolean currentDiffTruncated,
                         String cumulativeDiff, boolean cumulativeDiffTruncated, List<TurnDiff> turnDiffs,
                         List<Comment> comments) {
    }

    public record TurnDiffSnapshot(String type, String sessionId, long revision, String turnId, String diff,
                                   TokenUsage tokens, String snapshotKind) {
    }
}
