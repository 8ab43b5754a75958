package dev.flightdeck.core.mission.tracker;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an answer from a tracker means, as a pure function: null when it carries usable data, else the
 * failure with its category and whether (and when) trying again can help.
 */
public final class TrackerErrors {
    private TrackerErrors() {
    }

    public static TrackerException classify(TrackerKind kind, String operation, GraphQl.Reply reply, long nowMs,
            boolean allowNotFound) {
        int status = reply.status();
        JsonObject body = reply.body();
        List<JsonObject> errors = errors(body);
        String where = kind.wire() + " " + operation;

        if (isRateLimited(kind, reply, errors)) {
            return new TrackerException("tracker_rate_limited", where + ": rate limited (HTTP " + status + ")", true,
                    retryAfter(reply, nowMs));
        }
        if (status >= 500) {
            return new TrackerException("tracker_status", where + ": HTTP " + status, true, retryAfter(reply, nowMs));
        }
        if (status == 401 || status == 403) {
            return new TrackerException("tracker_status", where + ": HTTP " + status + " (the key was refused)", false, null);
        }
        if (!errors.isEmpty()) {
            // Linear answers some GraphQL errors with 400, GitHub with 200: the errors decide, not the status.
            boolean allNotFound = errors.stream().allMatch(e -> isNotFound(kind, e));
            if (allNotFound && allowNotFound && status == 200 && body.get("data") instanceof JsonObject) {
                return null;
            }
            if (allNotFound) {
                return new TrackerException("not_found", where + ": " + messages(errors), false, null);
            }
            return new TrackerException("tracker_response", where + ": " + messages(errors), false, null);
        }
        if (status < 200 || status >= 300) {
            return new TrackerException("tracker_status", where + ": HTTP " + status, false, null);
        }
        if (body == null) {
            return new TrackerException("tracker_response", where + ": the answer is not a JSON object", false, null);
        }
        if (!(body.get("data") instanceof JsonObject)) {
            return new TrackerException("tracker_response", where + ": the answer has no data", false, null);
        }
        return null;
    }

    static List<JsonObject> errors(JsonObject body) {
        List<JsonObject> out = new ArrayList<>();
        if (body != null && body.get("errors") instanceof JsonArray a) {
            for (JsonValue v : a) {
                if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                    out.add(v.asJsonObject());
                }
            }
        }
        return out;
    }

    private static boolean isRateLimited(TrackerKind kind, GraphQl.Reply reply, List<JsonObject> errors) {
        if (reply.status() == 429) {
            return true;
        }
        if (kind == TrackerKind.LINEAR) {
            return errors.stream().anyMatch(e -> "RATELIMITED".equals(code(e)));
        }
        // GitHub: primary limit = 403/429 with no requests left; secondary limit = 403 with retry-after.
        if (reply.status() == 403 && (reply.header("x-ratelimit-remaining").filter("0"::equals).isPresent()
                || reply.header("retry-after").isPresent())) {
            return true;
        }
        return errors.stream().anyMatch(e -> "RATE_LIMITED".equals(GraphQlClient.stringOf(e, "type")));
    }

    private static boolean isNotFound(TrackerKind kind, JsonObject error) {
        if (kind == TrackerKind.GITHUB) {
            return "NOT_FOUND".equals(GraphQlClient.stringOf(error, "type"));
        }
        String code = code(error);
        String message = GraphQlClient.stringOf(error, "message");
        return "NOT_FOUND".equals(code) || "ENTITY_NOT_FOUND".equals(code)
                || (message != null && message.toLowerCase(Locale.ROOT).startsWith("entity not found"));
    }

    private static String code(JsonObject error) {
        return GraphQlClient.stringOf(GraphQlClient.objectOf(error, "extensions"), "code");
    }

    /** retry-after in seconds, else GitHub's x-ratelimit-reset (epoch seconds); null when neither is given. */
    static Long retryAfter(GraphQl.Reply reply, long nowMs) {
        Long fromRetryAfter = reply.header("retry-after").map(TrackerErrors::seconds).orElse(null);
        if (fromRetryAfter != null) {
            return fromRetryAfter * 1000L;
        }
        Long reset = reply.header("x-ratelimit-reset").map(TrackerErrors::seconds).orElse(null);
        if (reset != null) {
            return Math.max(0L, reset * 1000L - nowMs);
        }
        return null;
    }

    private static Long seconds(String s) {
        try {
            long v = Long.parseLong(s.trim());
            return v < 0 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String messages(List<JsonObject> errors) {
        List<String> out = new ArrayList<>();
        for (JsonObject e : errors) {
            String m = GraphQlClient.stringOf(e, "message");
            out.add(m == null ? "(no message)" : m.length() > 300 ? m.substring(0, 300) + "…" : m);
            if (out.size() == 3) {
                break;
            }
        }
        return String.join("; ", out);
    }
}
