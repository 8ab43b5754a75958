package dev.flightdeck.core.mission.tracker;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whether a webhook delivery came from the tracker: HMAC-SHA256 of the raw body with the webhook's
 * secret, compared in constant time. Pure; the caller passes the clock's reading.
 */
public final class WebhookSignatures {
    /** Linear's advice: refuse deliveries whose webhookTimestamp is more than a minute off. */
    public static final long LINEAR_MAX_AGE_MS = 60_000L;
    public static final String LINEAR_HEADER = "Linear-Signature";
    public static final String GITHUB_HEADER = "X-Hub-Signature-256";

    private WebhookSignatures() {
    }

    /** The outcome, with a reason that never repeats the secret or the expected signature. */
    public record Verdict(boolean valid, String reason) {
        static Verdict ok() {
            return new Verdict(true, "ok");
        }

        static Verdict no(String reason) {
            return new Verdict(false, reason);
        }
    }

    /** Linear: {@code Linear-Signature} is the hex digest; the body's {@code webhookTimestamp} (epoch ms) must be fresh. */
    public static Verdict linear(String signatureHeader, byte[] rawBody, String secret, long nowMs, long maxAgeMs) {
        if (secret == null || secret.isEmpty()) {
            return Verdict.no("no webhook secret is configured");
        }
        if (signatureHeader == null || !matches(hmacHex(secret, rawBody), signatureHeader.trim())) {
            return Verdict.no("signature mismatch");
        }
        Long sent = linearTimestamp(rawBody);
        if (sent == null) {
            return Verdict.no("no webhookTimestamp in the body");
        }
        if (Math.abs(nowMs - sent) > maxAgeMs) {
            return Verdict.no("stale delivery");
        }
        return Verdict.ok();
    }

    /** GitHub: {@code X-Hub-Signature-256} is {@code sha256=} and the hex digest. */
    public static Verdict github(String signatureHeader, byte[] rawBody, String secret) {
        if (secret == null || secret.isEmpty()) {
            return Verdict.no("no webhook secret is configured");
        }
        String prefix = "sha256=";
        if (signatureHeader == null || !signatureHeader.trim().startsWith(prefix)) {
            return Verdict.no("signature mismatch");
        }
        return matches(hmacHex(secret, rawBody), signatureHeader.trim().substring(prefix.length()))
                ? Verdict.ok() : Verdict.no("signature mismatch");
    }

    /** The lower-case hex HMAC-SHA256 of the body with this secret. */
    public static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Constant time over the expected length; hex case does not matter. */
    private static boolean matches(String expectedHex, String givenHex) {
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                givenHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static Long linearTimestamp(byte[] rawBody) {
        try {
            JsonValue v = Json.createReader(new ByteArrayInputStream(rawBody)).readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            JsonObject o = v.asJsonObject();
            return o.get("webhookTimestamp") instanceof JsonNumber n ? n.longValue() : null;
        } catch (JsonException e) {
            return null;
        }
    }
}
