package dev.flightdeck.core.auth;

/** Fired when a revocation commits, so open WebSockets of that token are closed. */
public record TokenRevoked(String tokenId) {
}
