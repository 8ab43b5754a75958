package it.flightdeck.stub;

import dev.flightdeck.core.mission.tracker.GraphQl;
import dev.flightdeck.core.mission.tracker.TrackerException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tracker logic's transport over the JDK's HTTP client, for tests outside the server (which uses
 * MicroProfile Rest Client): it lets the real LinearTracker and GitHubTracker talk to the stubs.
 */
public final class HttpGraphQl implements GraphQl {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final Duration timeout;

    public HttpGraphQl(URI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
    }

    @Override
    public Reply post(String authorization, JsonObject request) {
        HttpRequest r = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", authorization)
                .header("Content-Type", "application/json").header("User-Agent", "Flightdeck-test")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build();
        try {
            HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            resp.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            JsonObject body = null;
            try {
                JsonValue v = Json.createReader(new StringReader(resp.body())).readValue();
                body = v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
            } catch (RuntimeException notJson) {
                // stays null, as the server's transport does
            }
            return new Reply(resp.statusCode(), headers, body);
        } catch (java.io.IOException e) {
            throw new TrackerException("tracker_request", "no answer: " + e.getClass().getSimpleName(), true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackerException("tracker_request", "interrupted", true, null);
        }
    }
}
