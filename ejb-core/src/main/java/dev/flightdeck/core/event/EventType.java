package dev.flightdeck.core.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The logged event types (contract §2.2), each with the surfaces it invalidates and the surfaces that
 * receive its payload as it is, because the payload is itself a delta.
 */
public enum EventType {
    SESSION_DELTA("session_delta", Set.of(Surface.DETAIL, Surface.COMPOSER), Set.of(Surface.CONVERSATION)),
    SESSIONS_CHANGED("sessions_changed", Set.of(), Set.of()),
    SESSION_ENDED("session_ended", Set.of(Surface.DETAIL, Surface.COMPOSER), Set.of(Surface.CONVERSATION)),
    SESSION_FORKED("session_forked", Set.of(Surface.DETAIL), Set.of(Surface.CONVERSATION)),
    STEER_OUTCOME("steer_outcome", Set.of(Surface.DETAIL, Surface.COMPOSER), Set.of(Surface.CONVERSATION)),
    TOKENS_UPDATED("tokens_updated", Set.of(Surface.DETAIL, Surface.COMPOSER), Set.of(Surface.CONVERSATION)),
    APPROVAL_REQUESTED("approval_requested", Set.of(Surface.DETAIL, Surface.COMPOSER), Set.of(Surface.CONVERSATION)),
    APPROVAL_DECISION_RESULT("approval_decision_result", Set.of(Surface.DETAIL, Surface.COMPOSER),
            Set.of(Surface.CONVERSATION)),
    THREAD_ROLLED_BACK("thread_rolled_back", Set.of(Surface.DETAIL, Surface.REVIEW), Set.of(Surface.CONVERSATION)),
    UNDO_COMPLETED("undo_completed", Set.of(Surface.DETAIL, Surface.REVIEW), Set.of(Surface.CONVERSATION)),
    // Reported by the CLI and passed on (AgentEvent.Notice), or by Flightdeck's own undo (undo_started).
    // The invalidated surfaces are the contract's (§2.3); the payload goes to conversation subscribers.
    CONTEXT_COMPACTED("context_compacted", Set.of(Surface.DETAIL, Surface.REVIEW), Set.of(Surface.CONVERSATION)),
    UNDO_STARTED("undo_started", Set.of(), Set.of(Surface.CONVERSATION)),
    RATE_LIMIT_EVENT("rate_limit_event", Set.of(Surface.DETAIL), Set.of(Surface.CONVERSATION)),
    PROMPT_SUGGESTION("prompt_suggestion", Set.of(Surface.DETAIL), Set.of(Surface.CONVERSATION)),
    FILES_PERSISTED("files_persisted", Set.of(Surface.DETAIL, Surface.REVIEW), Set.of(Surface.CONVERSATION)),
    PERMISSION_RULES("permission_rules", Set.of(Surface.DETAIL), Set.of(Surface.CONVERSATION)),
    CONVERSATION_ROWS_CHANGED("conversation_rows_changed", Set.of(), Set.of(Surface.CONVERSATION)),
    SHELL_STARTED("shell_started", Set.of(), Set.of(Surface.CONVERSATION)),
    SHELL_OUTPUT("shell_output", Set.of(), Set.of(Surface.CONVERSATION)),
    TURN_DIFF_SNAPSHOT("turn_diff_snapshot", Set.of(Surface.DETAIL, Surface.REVIEW), Set.of(Surface.REVIEW)),
    REVIEW_COMMENT_CREATED("review_comment_created", Set.of(), Set.of(Surface.REVIEW)),
    REVIEW_COMMENT_UPDATED("review_comment_updated", Set.of(), Set.of(Surface.REVIEW)),
    REVIEW_COMMENT_DELETED("review_comment_deleted", Set.of(), Set.of(Surface.REVIEW)),
    MCP_STARTUP_COMPLETE("mcp_startup_complete", Set.of(), Set.of(Surface.CAPABILITIES)),
    MCP_STARTUP_UPDATE("mcp_startup_update", Set.of(), Set.of(Surface.CAPABILITIES)),
    SKILLS_UPDATE_AVAILABLE("skills_update_available", Set.of(), Set.of(Surface.CAPABILITIES)),
    CLAUDE_CAPABILITIES("claude_capabilities", Set.of(), Set.of(Surface.CAPABILITIES)),
    WORKTREE_CREATED("worktree_created", Set.of(), Set.of()),
    WORKTREE_REMOVED("worktree_removed", Set.of(), Set.of()),
    WORKTREE_STATUS_CHANGED("worktree_status_changed", Set.of(), Set.of()),
    // Goes to every connection of every node, like the worktree messages.
    SERVER_INFO("server_info", Set.of(), Set.of()),
    // Mission events go to mission subscribers by scope, not by session surface.
    MISSIONS_INVALIDATED("missions_invalidated", Set.of(), Set.of()),
    MISSION_INVALIDATED("mission_invalidated", Set.of(), Set.of()),
    MISSION_HEARTBEAT("mission_heartbeat", Set.of(), Set.of());

    private static final Map<String, EventType> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wire, Function.identity()));

    private final String wire;
    private final Set<String> invalidates;
    private final Set<String> rawTo;

    EventType(String wire, Set<String> invalidates, Set<String> rawTo) {
        this.wire = wire;
        this.invalidates = invalidates;
        this.rawTo = rawTo;
    }

    /** The message's {@code type} on the wire. */
    public String wire() {
        return wire;
    }

    /** Surfaces told to refetch. */
    public Set<String> invalidates() {
        return invalidates;
    }

    /** Surfaces that get the payload itself. */
    public Set<String> rawTo() {
        return rawTo;
    }

    public static Optional<EventType> of(String wire) {
        return Optional.ofNullable(BY_WIRE.get(wire));
    }
}
