package dev.flightdeck.core.session;

import jakarta.json.JsonObject;
import java.util.List;

/** Wire shapes of the session routes (contract §1.2–1.4), snake_case through the shared JSON-B config. */
public final class SessionWire {
    private SessionWire() {
    }

    public record TokenUsage(long inputTokens, long outputTokens, long cachedTokens, long contextWindow) {
    }

    /** A session as list surfaces and POST /api/sessions show it. */
    public record SessionSummary(
            String id, String provider, String projectPath, String projectName, String cwd, String gitBranch,
            String model, String status, String workStatus, String listStatus, String controlMode,
            String displayTitle, String customName, String summary, String firstPrompt, String lastMessage,
            String contextLine, String startedAt, String lastActivityAt, String endedAt, String endReason,
            int unreadCount, int promptCount, int toolCount, TokenUsage tokenUsage, String forkedFromSessionId,
            boolean needsAttention, long summaryRevision) {
    }

    /** The full state of one session (SessionDetailSnapshot.session). */
    public record SessionState(
            String id, String provider, String projectPath, String projectName, String cwd, String gitBranch,
            String model, String status, String workStatus, String listStatus, String controlMode,
            String displayTitle, String customName, String summary, String firstPrompt, String lastMessage,
            String contextLine, String startedAt, String lastActivityAt, String endedAt, String endReason,
            int unreadCount, int promptCount, int toolCount, TokenUsage tokenUsage, String forkedFromSessionId,
            String approvalPolicy, JsonObject approvalPolicyDetails, String sandboxMode,
            JsonObject sandboxPolicyDetails, String approvalsReviewer, String permissionMode,
            String collaborationMode, Boolean multiAgent, String personality, String serviceTier,
            String developerInstructions, String effort, String codexConfigMode, String codexConfigProfile,
            String codexModelProvider,
            boolean acceptsUserInput, boolean steerable, boolean connectorAttached, boolean canInterrupt,
            String currentTurnId, int turnCount, List<Object> subagents, boolean hasTurnDiff,
            int activeWorkerCount, String pendingToolFamily, long revision) {
    }

    /** SessionDetailSnapshot. */
    public record Detail(long revision, SessionState session) {
    }

    /** The common acknowledgement of a mutation, with the state it left behind. */
    public record Accepted(boolean accepted, Detail sessionDetailSnapshot) {
    }

    public record Created(String sessionId, SessionSummary session) {
    }

    public record ReadResult(String sessionId, int unreadCount) {
    }

    public record Counts(int total, int active, int working, int attention, int ready) {
    }

    public record Summary(long revision, Counts counts, List<SessionSummary> activeSessions,
                          List<SessionSummary> recentSessions) {
    }

    public record DashboardCounts(int attention, int running, int ready, int direct) {
    }

    public record ProjectGroup(String path, String name, String endpointId, int attentionCount, int workingCount,
                               int readyCount, List<String> sessionIds, String lastActivityAt) {
    }

    public record Active(long revision, List<SessionSummary> conversations, DashboardCounts counts,
                         List<ProjectGroup> projectGroups) {
    }

    public record Archive(long revision, List<SessionSummary> sessions, Integer nextOffset, long totalCount) {
    }

    /** session_delta: a sparse patch; a missing key is unchanged, null is cleared. */
    public record Delta(String type, String sessionId, long revision, JsonObject changes) {
    }

    public record Ended(String type, String sessionId, long revision, String reason) {
    }

    /** The payload logged on the list scope for any change of any session. */
    public record ListChanged(String type, String sessionId, long revision) {
    }
}
