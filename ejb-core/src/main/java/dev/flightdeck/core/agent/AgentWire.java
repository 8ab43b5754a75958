package dev.flightdeck.core.agent;

/** WebSocket messages about turn controls (contract §2). */
public final class AgentWire {
    private AgentWire() {
    }

    public record ThreadRolledBack(String type, String sessionId, long revision, int numTurns) {
    }

    /** The end of an undo; {@code message} (omitted when null) says why one failed. */
    public record UndoCompleted(String type, String sessionId, long revision, boolean success, String message) {
    }

    /** An undo began (contract §2.2); Flightdeck runs undo itself, so this precedes its undo_completed. */
    public record UndoStarted(String type, String sessionId, long revision) {
    }

    /** A steer reached the running turn (contract §2.2). */
    public record SteerOutcome(String type, String sessionId, long revision, String messageId, String outcome) {
    }

    public record SessionForked(String type, String sourceSessionId, long revision, String newSessionId) {
    }
}
