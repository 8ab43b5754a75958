package dev.flightdeck.core.subagent;

import dev.flightdeck.core.conversation.ConversationWire;
import java.util.List;

/** Wire shapes of the subagent routes (contract §1.9) and of {@code subagents[]} (contract §3). */
public final class SubagentWire {
    private SubagentWire() {
    }

    /** SubagentInfo; times are ISO-8601. */
    public record SubagentInfo(String id, String sessionId, String agentType, String transcriptPath, String startedAt,
                               String endedAt, String provider, String label, String status, String taskSummary,
                               String resultSummary, String errorSummary, String parentSubagentId, String model,
                               String lastActivityAt) {
    }

    /** One tool call of a subagent; output is the call's raw output once it has one. */
    public record Tool(String id, String toolName, String summary, String output, boolean isInProgress) {
    }

    public record Tools(String sessionId, String subagentId, List<Tool> tools) {
    }

    /** A page of a subagent's rows, oldest first; has_more_before says whether older ones exist. */
    public record Messages(String sessionId, String subagentId, List<ConversationWire.RowEntry> rows,
                           long totalRowCount, boolean hasMoreBefore) {
    }
}
