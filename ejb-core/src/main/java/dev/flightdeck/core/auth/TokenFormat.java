package dev.flightdeck.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Database tokens look like {@code fdk_<id>_<secret>}: a 12-character id and a 43-character secret,
 * both base64url. Both parts have a fixed length because base64url itself may contain '_'.
 * Secrets are 256 random bits, so a salted SHA-256 is enough: a slow password hash would buy nothing
 * against brute force and cost every request.
 */
public final class TokenFormat {
    static final String PREFIX = "fdk_";
    static final int ID_LENGTH = 12;
    static final int SECRET_LENGTH = 43;
    private static final int TOKEN_LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public record Parsed(String id, String secret) {
    }

    public record Minted(String id, String secret, String token) {
    }

    private TokenFormat() {
    }

    public static Minted mint() {
        String id = B64.encodeToString(random(9));
        String secret = B64.encodeToString(random(32));
        return new Minted(id, secret, PREFIX + id + "_" + secret);
    }

    public static Optional<Parsed> parse(String token) {
        if (token == null || token.length() != TOKEN_LENGTH || !token.startsWith(PREFIX)
                || token.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return Optional.empty();
        }
        String id = token.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        String secret = token.substring(PREFIX.length() + ID_LENGTH + 1);
        if (!isBase64Url(id) || !isBase64Url(secret)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(id, secret));
    }

    public static String newSalt() {
        return HexFormat.of().formatHex(random(16));
    }

    public static String hash(String saltHex, String secret) {
        MessageDigest sha = sha256();
        sha.update(HexFormat.of().parseHex(saltHex));
        sha.update(secret.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    public static boolean verify(String saltHex, String expectedHashHex, String secret) {
        return MessageDigest.isEqual(HexFormat.of().parseHex(expectedHashHex),
                HexFormat.of().parseHex(hash(saltHex, secret)));
    }

    /** Compares digests rather than the strings, so neither content nor length leaks through timing. */
    public static boolean constantTimeEquals(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        MessageDigest sha = sha256();
        byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
        byte[] b = sha.digest(presented.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(a, b);
    }

    private static boolean isBase64Url(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
