package it.flightdeck.stub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Delivers webhooks as Linear and GitHub sign them, so a test can post one to the server. */
public final class Webhooks {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Webhooks() {
    }

    public static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Linear delivery: {@code Linear-Signature} over the raw body; the body should carry webhookTimestamp. */
    public static HttpResponse<String> linear(URI url, String secret, String body) throws Exception {
        return linear(url, secret, body, UUID.randomUUID().toString());
    }

    /** The same, as delivery {@code deliveryId}: a redelivery carries the id of the first. */
    public static HttpResponse<String> linear(URI url, String secret, String body, String deliveryId) throws Exception {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Linear-Delivery", deliveryId)
                .header("Linear-Event", "Issue")
                .header("Linear-Signature", hmacHex(secret, raw))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GitHub delivery: {@code X-Hub-Signature-256: sha256=…}, with event and delivery headers. */
    public static HttpResponse<String> github(URI url, String secret, String event, String body) throws Exception {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + hmacHex(secret, raw))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
