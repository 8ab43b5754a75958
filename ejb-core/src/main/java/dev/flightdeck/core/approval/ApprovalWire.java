package dev.flightdeck.core.approval;

import dev.flightdeck.core.session.SessionWire;
import java.util.List;

/** Approval shapes (contract §1.7, §2.2, §3 approval_history). */
public final class ApprovalWire {
    private ApprovalWire() {
    }

    public record Preview(String type, String value, List<String> shellSegments, String riskLevel,
                          List<String> riskFindings) {
    }

    /** ApprovalRequest: what a client shows and answers. */
    public record Request(String id, String sessionId, String approvalType, String toolName, String toolUseId,
                          String toolInput, String command, String filePath, String cwd, Preview preview,
                          String createdAt) {
    }

    public record HistoryItem(long id, String sessionId, String requestId, String approvalType, String toolName,
                              String command, String filePath, String cwd, String toolInput, String decision,
                              String createdAt, String decidedAt) {
    }

    public record History(String sessionId, List<HistoryItem> approvals) {
    }

    public record Deleted(long approvalId, boolean deleted) {
    }

    public record Requested(String type, String sessionId, long revision, Request request, long approvalVersion) {
    }

    public record DecisionResult(String type, String sessionId, long revision, String requestId, String outcome,
                                 String activeRequestId, long approvalVersion) {
    }

    /** The three request routes' answer. */
    public record Outcome(String sessionId, String requestId, String outcome, String activeRequestId,
                          long approvalVersion, SessionWire.Detail sessionDetailSnapshot) {
    }
}
