package dev.flightdeck.core.session;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * Wire shapes of the session routes (contract §1.2–1.4), snake_case through the shared JSON-B config.
 * Field sets follow OrbitDock's protocol types, so its clients decode them; null fields are omitted,
 * which those clients read as absent optionals.
 */
public final class SessionWire {
    private SessionWire() {
    }

    public record TokenUsage(long inputTokens, long outputTokens, long cachedTokens, long contextWindow) {
    }

    /** SessionSummary: what POST /api/sessions returns. */
    public record SessionSummary(
            String id, String provider, String projectPath, String projectName, String model, String customName,
            String summary, String firstPrompt, String lastMessage, String status, String workStatus,
            String controlMode, String lifecycleState, boolean acceptsUserInput, boolean steerable,
            TokenUsage tokenUsage, String tokenUsageSnapshotKind, boolean hasPendingApproval,
            String approvalPolicy, JsonObject approvalPolicyDetails, String sandboxMode,
            JsonObject sandboxPolicyDetails, String permissionMode, boolean allowBypassPermissions,
            String collaborationMode, Boolean multiAgent, String personality, String serviceTier,
            String developerInstructions, String codexConfigMode, String codexConfigProfile,
            String codexModelProvider, String startedAt, String lastActivityAt, String gitBranch, String currentCwd,
            String effort, long summaryRevision, boolean isWorktree, int unreadCount, boolean hasTurnDiff,
            String displayTitle, String contextLine, String listStatus, int activeWorkerCount,
            String forkedFromSessionId, String endedAt, String endReason, List<String> allowedTools,
            List<String> disallowedTools, List<String> skills) {
    }

    /** SessionListItem: the rows of the summary and archive lists. */
    public record SessionListItem(
            String id, String provider, String projectPath, String projectName, String gitBranch, String model,
            String status, String workStatus, String controlMode, String lifecycleState, boolean steerable,
            String startedAt, String lastActivityAt, int unreadCount, boolean hasTurnDiff, boolean isWorktree,
            long totalTokens, double totalCostUsd, long inputTokens, long outputTokens, long cachedTokens,
            String displayTitle, String contextLine, String listStatus, String effort, long summaryRevision,
            int activeWorkerCount, String forkedFromSessionId) {
    }

    /** DashboardConversationItem: the rows of GET /api/sessions/active (keyed session_id, not id). */
    public record DashboardConversation(
            String sessionId, String provider, String projectPath, String projectName, String gitBranch,
            boolean isWorktree, String model, String status, String workStatus, String controlMode,
            String lifecycleState, String listStatus, String displayTitle, String contextLine, String lastMessage,
            String startedAt, String lastActivityAt, int unreadCount, boolean hasTurnDiff, int toolCount,
            int activeWorkerCount, String effort) {
    }

    /** SessionState: the full state of one session (SessionDetailSnapshot.session). */
    public record SessionState(
            String id, String provider, String projectPath, String projectName, String model, String customName,
            String summary, String firstPrompt, String lastMessage, String status, String workStatus,
            String controlMode, String lifecycleState, boolean acceptsUserInput, boolean steerable,
            boolean connectorAttached, boolean canInterrupt, String permissionMode, boolean allowBypassPermissions,
            String collaborationMode, Boolean multiAgent, String personality, String serviceTier,
            String developerInstructions, String codexConfigMode, String codexConfigProfile,
            String codexModelProvider, TokenUsage tokenUsage, String tokenUsageSnapshotKind,
            String approvalPolicy, JsonObject approvalPolicyDetails, String sandboxMode,
            JsonObject sandboxPolicyDetails, String approvalsReviewer, String startedAt, String lastActivityAt,
            String endedAt, String endReason, String forkedFromSessionId, long revision, String currentTurnId,
            int turnCount, List<Object> turnDiffs, String gitBranch, String currentCwd, List<Object> subagents,
            String effort, boolean isWorktree, int unreadCount, List<Object> rows, long totalRowCount,
            boolean hasMoreBefore, String displayTitle, String contextLine, String listStatus, String repositoryRoot,
            String worktreeId, List<String> allowedTools, List<String> disallowedTools, List<String> skills,
            String codexConfigSource, int activeWorkerCount) {
    }

    /** SessionDetailSnapshot. */
    public record Detail(long revision, SessionState session) {
    }

    /** The common acknowledgement of a mutation, with the state it left behind. */
    public record Accepted(boolean accepted, Detail sessionDetailSnapshot) {
    }

    /** The answer to a takeover (contract §1.3). */
    public record TakenOver(String sessionId, boolean accepted, Detail sessionDetailSnapshot) {
    }

    /** The answer to a resume (contract §1.3). */
    public record Resumed(String sessionId, SessionSummary session, Detail sessionDetailSnapshot) {
    }

    public record Created(String sessionId, SessionSummary session) {
    }

    public record Instructions(String claudeMd, String systemPrompt, String developerInstructions) {
    }

    public record CollaborationMode(String name, String mode, String model, String reasoningEffort,
                                    boolean clearsReasoningEffort) {
    }

    public record Runtime(String sessionId, String provider,
                          java.util.Map<String, dev.flightdeck.core.agent.AgentRules.Control> controls,
                          Instructions instructions, List<CollaborationMode> collaborationModes) {
    }

    public record InstructionsView(String sessionId, String provider, Instructions instructions) {
    }

    public record ModesView(List<CollaborationMode> data) {
    }

    public record Forked(String sourceSessionId, String newSessionId, SessionSummary session) {
    }

    public record ReadResult(String sessionId, int unreadCount) {
    }

    public record Counts(int total, int active, int working, int attention, int ready) {
    }

    public record Summary(long revision, Counts counts, List<SessionListItem> activeSessions,
                          List<SessionListItem> recentSessions) {
    }

    public record DashboardCounts(int attention, int running, int ready, int direct) {
    }

    public record ProjectGroup(String path, String name, String endpointId, int attentionCount, int workingCount,
                               int readyCount, List<String> sessionIds, String lastActivityAt) {
    }

    public record Active(long revision, List<DashboardConversation> conversations, DashboardCounts counts,
                         List<ProjectGroup> projectGroups) {
    }

    public record Archive(long revision, List<SessionListItem> sessions, Integer nextOffset, long totalCount) {
    }

    /** session_delta: a sparse patch; a missing key is unchanged, null is cleared. */
    public record Delta(String type, String sessionId, long revision, JsonObject changes) {
    }

    public record Ended(String type, String sessionId, long revision, String reason) {
    }

    /** The payload logged on the list scope for any change of any session. */
    public record ListChanged(String type, String sessionId, long revision) {
    }

    /** GET …/controls. */
    public record ControlsView(String sessionId, String provider,
                               java.util.Map<String, dev.flightdeck.core.agent.AgentRules.Control> controls) {
    }
}
