package dev.flightdeck.core.mission.tracker;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** {@link GraphQl} over a MicroProfile Rest Client built for one endpoint. */
public final class RestGraphQl implements GraphQl, AutoCloseable {
    /** Trackers answer GraphQL errors with 4xx/5xx bodies worth reading, so no status becomes an exception. */
    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    private final GraphQlEndpoint endpoint;
    private final String userAgent;
    private final String host;

    public RestGraphQl(URI uri, String userAgent, long connectTimeoutMs, long readTimeoutMs) {
        this.endpoint = RestClientBuilder.newBuilder()
                .baseUri(uri)
                .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .build(GraphQlEndpoint.class);
        this.userAgent = userAgent;
        this.host = uri.getHost();
    }

    @Override
    public Reply post(String authorization, JsonObject request) {
        try (Response response = endpoint.execute(authorization, userAgent, request.toString())) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.getStringHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return new Reply(response.getStatus(), headers, parse(text));
        } catch (ProcessingException e) {
            // The cause names the host and what failed (refused, timed out); it never carries the key.
            throw new TrackerException("tracker_request", "no answer from " + host + ": " + rootMessage(e), true, null);
        }
    }

    @Override
    public void close() throws Exception {
        endpoint.close();
    }

    static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonValue v = Json.createReader(new StringReader(text)).readValue();
            return v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
        } catch (JsonException e) {
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }
}
