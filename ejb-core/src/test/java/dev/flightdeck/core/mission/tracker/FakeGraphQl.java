package dev.flightdeck.core.mission.tracker;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An in-memory tracker endpoint: answers by operation name and keeps every request it got. */
public final class FakeGraphQl implements GraphQl {
    public record Call(String authorization, String operation, String query, JsonObject variables) {
    }

    private final Map<String, Function<JsonObject, Reply>> answers = new HashMap<>();
    public final List<Call> calls = new ArrayList<>();

    /** Answers this operation with {@code {"data": <json>}}. */
    public FakeGraphQl on(String operation, String dataJson) {
        return on(operation, vars -> ok(dataJson));
    }

    public FakeGraphQl on(String operation, Function<JsonObject, Reply> answer) {
        answers.put(operation, answer);
        return this;
    }

    @Override
    public Reply post(String authorization, JsonObject request) {
        String op = request.getString("operationName");
        // The operation a request names must be the one its document defines.
        if (!request.getString("query").matches("(?s)\\s*(query|mutation) " + op + "\\b.*")) {
            throw new AssertionError("document does not start with operation " + op);
        }
        calls.add(new Call(authorization, op, request.getString("query"), request.getJsonObject("variables")));
        Function<JsonObject, Reply> answer = answers.get(op);
        if (answer == null) {
            throw new AssertionError("unexpected operation " + op);
        }
        return answer.apply(request.getJsonObject("variables"));
    }

    public List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    public static Reply ok(String dataJson) {
        return reply(200, Map.of(), "{\"data\":" + dataJson + "}");
    }

    public static Reply reply(int status, Map<String, List<String>> headers, String body) {
        return new Reply(status, headers, body == null ? null : Json.createReader(new StringReader(body)).readObject());
    }

    public static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
