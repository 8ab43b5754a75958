package dev.flightdeck.core.agent;

/**
 * A session's turn is over, fired in the transaction that records it and observed after commit
 * (missions learn here, at once, that a run's agent stopped working).
 *
 * @param outcome {@code completed}, {@code failed} (the agent reported an error), {@code interrupted}, or
 *     {@code exited} (the agent's process ended)
 */
public record TurnEnded(String sessionId, String outcome, String detail) {
}
