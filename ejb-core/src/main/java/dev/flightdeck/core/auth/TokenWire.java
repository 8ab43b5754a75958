package dev.flightdeck.core.auth;

/** Wire shapes of the token routes. */
public final class TokenWire {
    private TokenWire() {
    }

    public record CreateRequest(String label, String expiresAt, String kind) {
    }

    /** The only response that ever carries the plaintext token. */
    public record Created(String id, String token, String label, String kind, String createdAt, String expiresAt) {
    }

    public record Info(String id, String label, String kind, String createdAt, String lastUsedAt, String expiresAt,
                       String revokedAt) {
    }

    public record TokenList(java.util.List<Info> tokens) {
    }

    public record Revoked(String id, boolean revoked) {
    }
}
