package dev.flightdeck.core.agent;

/** WebSocket messages about turn controls (contract §2). */
public final class AgentWire {
    private AgentWire() {
    }

    public record ThreadRolledBack(String type, String sessionId, long revision, int numTurns) {
    }

    public record UndoCompleted(String type, String sessionId, long revision, boolean success) {
    }

    public record SessionForked(String type, String sourceSessionId, long revision, String newSessionId) {
    }
}
