package dev.flightdeck.core.codex.account;

/**
 * A Codex account or login message for every open socket, fired as a plain CDI event: the account
 * lives in this node's app-server, not in the database, so there is no transaction to wait for and
 * nothing to replay.
 */
public record CodexAccountBroadcast(String payload) {
}
