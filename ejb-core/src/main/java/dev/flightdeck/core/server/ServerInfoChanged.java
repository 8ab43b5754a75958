package dev.flightdeck.core.server;

/**
 * Fired in the transaction that changed the server's role or a client's primary claim; observed
 * after commit, so sockets never hear of a change that was rolled back.
 */
public record ServerInfoChanged(String why) {
}
