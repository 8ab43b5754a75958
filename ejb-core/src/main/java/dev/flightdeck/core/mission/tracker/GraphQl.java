package dev.flightdeck.core.mission.tracker;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One POST of a GraphQL request to a tracker. The tracker logic sees only this, so it runs against an
 * in-memory fake in unit tests and against MicroProfile Rest Client in the server.
 */
public interface GraphQl {
    /**
     * Sends {@code {query, variables, operationName}} with this Authorization header value and answers
     * what came back; a request that got no answer at all is a {@link TrackerException} (tracker_request).
     */
    Reply post(String authorization, JsonObject request);

    /** The HTTP answer: status, headers (names lower-cased) and the body parsed, or null when it was no JSON object. */
    record Reply(int status, Map<String, List<String>> headers, JsonObject body) {
        public Reply {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }
}
