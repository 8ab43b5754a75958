package dev.flightdeck.core.review;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Fields;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/** What a review comment may hold, and the message that carries comments to the agent. Pure. */
public final class ReviewRules {
    public static final Set<String> TAGS = Set.of("clarity", "scope", "risk", "nit");
    public static final Set<String> STATUSES = Set.of("open", "resolved");
    static final int MAX_BODY = 100_000;
    static final int MAX_PATH = 4096;

    private ReviewRules() {
    }

    /** A new comment's fields, checked. */
    public record Draft(String turnId, String filePath, int lineStart, Integer lineEnd, String body, String tag) {
    }

    public static Draft draft(JsonObject b) {
        if (b == null) {
            throw ErrorCode.INVALID_REQUEST.error("body: a JSON object is required");
        }
        String path = Fields.optionalString(b, "file_path");
        if (path == null || path.isBlank() || path.length() > MAX_PATH || path.indexOf('\0') >= 0) {
            throw ApiException.invalidField("file_path", "is required");
        }
        int start = line(b, "line_start", true);
        Integer end = b.containsKey("line_end") && b.get("line_end") != JsonValue.NULL ? line(b, "line_end", true) : null;
        if (end != null && end < start) {
            throw ApiException.invalidField("line_end", "must not be before line_start");
        }
        return new Draft(Fields.optionalString(b, "turn_id"), path, start, end, body(b, true), tag(b));
    }

    /**
     * An edit of a comment: what it names changes, the rest stays.
     *
     * @param tagGiven whether the edit names the tag (null then clears it)
     */
    public record Edit(String body, boolean tagGiven, String tag, String status) {
    }

    /**
     * Comments to send to the agent (contract §1.10 send): which, and whether as a steer of the
     * running turn (the default) or as a message.
     */
    public record Send(List<String> commentIds, boolean steer) {
    }

    public static Send send(JsonObject b) {
        if (b == null || !(b.get("comment_ids") instanceof JsonArray ids) || ids.isEmpty()
                || !ids.stream().allMatch(v -> v instanceof JsonString)) {
            throw ApiException.invalidField("comment_ids", "must be a non-empty list of comment ids");
        }
        String mode = b.get("mode") instanceof JsonString m ? m.getString() : "steer";
        if (!"steer".equals(mode) && !"message".equals(mode)) {
            throw ApiException.invalidField("mode", "must be steer or message");
        }
        return new Send(ids.getValuesAs(JsonString.class).stream().map(JsonString::getString).distinct().toList(),
                "steer".equals(mode));
    }

    public static Edit edit(JsonObject b) {
        return new Edit(body(b, false), b.containsKey("tag"), tag(b), status(b));
    }

    public static String body(JsonObject b, boolean required) {
        String body = Fields.optionalString(b, "body");
        if (body == null && !required) {
            return null;
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw ApiException.invalidField("body", "must be non-empty text of at most " + MAX_BODY + " characters");
        }
        return body;
    }

    public static String tag(JsonObject b) {
        String tag = Fields.optionalString(b, "tag");
        if (tag != null && !TAGS.contains(tag)) {
            throw ApiException.invalidField("tag", "must be one of clarity, nit, risk, scope");
        }
        return tag;
    }

    public static String status(JsonObject b) {
        String status = Fields.optionalString(b, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalidField("status", "must be open or resolved");
        }
        return status;
    }

    /** One message for the agent that quotes each comment's file, lines and text. */
    public static String message(List<ReviewWire.Comment> comments) {
        StringBuilder sb = new StringBuilder("Review comments on your changes; please address each:\n");
        int n = 1;
        for (ReviewWire.Comment c : comments) {
            sb.append('\n').append(n++).append(". ").append(c.filePath()).append(", ")
                    .append(c.lineEnd() == null || c.lineEnd() == c.lineStart() ? "line " + c.lineStart()
                            : "lines " + c.lineStart() + "-" + c.lineEnd());
            if (c.tag() != null) {
                sb.append(" [").append(c.tag()).append(']');
            }
            sb.append(":\n");
            for (String line : c.body().split("\n", -1)) {
                sb.append("   ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static int line(JsonObject b, String field, boolean required) {
        if (!(b.get(field) instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1 || n.longValue() > Integer.MAX_VALUE) {
            throw ApiException.invalidField(field, "must be a line number (an integer from 1)");
        }
        return n.intValue();
    }

}
