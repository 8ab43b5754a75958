package dev.flightdeck.core.auth;

/** Who a bearer token belongs to. {@code tokenId} is null for the static token. */
public record Caller(String tokenId, TokenKind kind) {
    public static final String STATIC_NAME = "static";
    private static final String TOKEN_NAME_PREFIX = "token:";

    /** The container principal name, from which the WebSocket layer recovers the token id. */
    public String principalName() {
        return tokenId == null ? STATIC_NAME : TOKEN_NAME_PREFIX + tokenId;
    }

    public static String tokenIdOf(String principalName) {
        return principalName != null && principalName.startsWith(TOKEN_NAME_PREFIX)
                ? principalName.substring(TOKEN_NAME_PREFIX.length()) : null;
    }
}
