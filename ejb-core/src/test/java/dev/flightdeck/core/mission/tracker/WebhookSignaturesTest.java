package dev.flightdeck.core.mission.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {
    static final String SECRET = "whsec-test-9f1";
    static final long NOW = 1_764_640_000_000L;

    /** The expected digest, computed here with javax.crypto and hex by hand, not by the class under test. */
    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(body)) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }

    static byte[] linearBody(long timestamp) {
        return ("{\"action\":\"update\",\"type\":\"Issue\",\"data\":{\"id\":\"i1\"},\"webhookTimestamp\":" + timestamp + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linearAcceptsTheHexDigestOfTheRawBodyWhenFresh() throws Exception {
        byte[] body = linearBody(NOW - 5_000);
        assertThat(WebhookSignatures.linear(hmac(SECRET, body), body, SECRET, NOW, 60_000).valid()).isTrue();
        assertThat(WebhookSignatures.linear(hmac(SECRET, body).toUpperCase(), body, SECRET, NOW, 60_000).valid()).isTrue();
    }

    @Test
    void linearRefusesAnotherSecretAChangedBodyAStaleOrMissingTimestamp() throws Exception {
        byte[] body = linearBody(NOW);
        assertThat(WebhookSignatures.linear(hmac("other", body), body, SECRET, NOW, 60_000).valid()).isFalse();
        byte[] changed = linearBody(NOW + 1);
        assertThat(WebhookSignatures.linear(hmac(SECRET, body), changed, SECRET, NOW, 60_000).valid()).isFalse();
        byte[] stale = linearBody(NOW - 61_000);
        WebhookSignatures.Verdict v = WebhookSignatures.linear(hmac(SECRET, stale), stale, SECRET, NOW, 60_000);
        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).isEqualTo("stale delivery");
        byte[] noTs = "{\"action\":\"update\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignatures.linear(hmac(SECRET, noTs), noTs, SECRET, NOW, 60_000).valid()).isFalse();
        assertThat(WebhookSignatures.linear(null, body, SECRET, NOW, 60_000).valid()).isFalse();
        assertThat(WebhookSignatures.linear(hmac(SECRET, body), body, "", NOW, 60_000).valid()).isFalse();
    }

    @Test
    void githubWantsTheSha256Prefix() throws Exception {
        byte[] body = "{\"action\":\"opened\",\"issue\":{\"number\":4}}".getBytes(StandardCharsets.UTF_8);
        String digest = hmac(SECRET, body);
        assertThat(WebhookSignatures.github("sha256=" + digest, body, SECRET).valid()).isTrue();
        assertThat(WebhookSignatures.github(digest, body, SECRET).valid()).isFalse();
        assertThat(WebhookSignatures.github("sha1=" + digest, body, SECRET).valid()).isFalse();
        assertThat(WebhookSignatures.github("sha256=" + hmac("other", body), body, SECRET).valid()).isFalse();
        assertThat(WebhookSignatures.github("sha256=" + digest.substring(2), body, SECRET).valid()).isFalse();
    }

    @Test
    void aKnownVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(WebhookSignatures.hmacHex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
