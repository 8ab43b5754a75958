package dev.flightdeck.core.connector;

import jakarta.json.JsonObject;

/** What a connector reports. Each is applied to the session in one transaction, in order. */
public sealed interface AgentEvent {
    /** The agent told us its own session id, model and working directory. */
    record Bound(String providerSessionId, String model, String cwd) implements AgentEvent {
    }

    /** A row to insert, or to replace when its id is known. */
    record Row(RowDraft row) implements AgentEvent {
    }

    /** The agent asks before it uses a tool. */
    record ApprovalRequested(String requestId, String approvalType, String toolName, String toolUseId,
                             String command, String filePath, JsonObject input) implements AgentEvent {
    }

    /**
     * The turn ended; usage is the turn's own.
     *
     * @param resumeRef the provider's id of the turn's last message, where a later rollback resumes; null if unknown
     */
    record TurnCompleted(TurnUsage usage, String outcome, String resultText, String resumeRef) implements AgentEvent {
    }

    /**
     * What the agent can use changed: its MCP servers started, or its skills changed (contract §2.2,
     * the capabilities surface).
     *
     * @param type    the wire type: mcp_startup_complete, mcp_startup_update, skills_update_available or
     *                claude_capabilities
     * @param payload the message's own fields
     */
    record Capability(String type, JsonObject payload) implements AgentEvent {
    }

    /**
     * Something the CLI reported that the session's subscribers are told of as it is (contract §2.2):
     * context_compacted, rate_limit_event, prompt_suggestion or files_persisted. It changes no state
     * Flightdeck keeps; the event log carries it to the surfaces its {@code EventType} names.
     *
     * @param type    the wire type
     * @param payload the message's own fields (session_id, type and revision are added when it is logged)
     */
    record Notice(String type, JsonObject payload) implements AgentEvent {
    }

    /**
     * The provider's rate-limit windows, as the CLI reported them (Codex's account/rateLimits/updated
     * params, Claude's rate_limit_event rate_limit_info); merged into the newest known by the usage store.
     */
    record RateLimits(String provider, JsonObject report) implements AgentEvent {
    }

    /**
     * A subagent started, changed or ended (contract §3 "subagents"). Its id is the parent tool call's
     * id (Claude) or the collaborator thread's id (Codex); a null field leaves what is known unchanged.
     *
     * @param status pending, running, interrupted, completed, failed, cancelled, shutdown or not_found
     */
    record Subagent(String id, String status, String agentType, String label, String taskSummary,
                    String resultSummary, String errorSummary, String model, String parentSubagentId)
            implements AgentEvent {
    }

    /** A row of a subagent's own conversation, inserted or replaced by its id like a session row. */
    record SubagentRow(String subagentId, RowDraft row) implements AgentEvent {
    }

    /** The process is gone. */
    record Exited(int exitCode, String detail) implements AgentEvent {
    }

    /**
     * Token counts of one turn as the agent reported them.
     *
     * @param snapshotKind how they were derived: context_turn (the turn's own counts), lifetime_totals
     *                     (a difference of the process's running totals) or compaction_reset (the
     *                     context was compacted during the turn)
     */
    record TurnUsage(String model, long inputTokens, long outputTokens, long cacheReadTokens,
                     long cacheCreationTokens, long contextWindow, Double reportedCostUsd, JsonObject raw,
                     String snapshotKind) {
        public static final String CONTEXT_TURN = "context_turn";
        public static final String LIFETIME_TOTALS = "lifetime_totals";
        public static final String COMPACTION_RESET = "compaction_reset";

        /** A turn's own counts. */
        public TurnUsage(String model, long inputTokens, long outputTokens, long cacheReadTokens,
                         long cacheCreationTokens, long contextWindow, Double reportedCostUsd, JsonObject raw) {
            this(model, inputTokens, outputTokens, cacheReadTokens, cacheCreationTokens, contextWindow,
                    reportedCostUsd, raw, CONTEXT_TURN);
        }
    }
}
