package dev.flightdeck.core.sync;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Fields;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code POST /api/sync} batch (contract §1.13) and the sequence rule it must keep, as pure
 * functions. The commands of a workspace are numbered 1, 2, 3, … with no gap; the server has applied
 * every one up to {@code acked_through}, and a batch must go on from there. A batch that repeats
 * applied commands (a client that lost the answer sends it again) is a replay: those are skipped,
 * never applied twice.
 */
public final class SyncBatch {
    /** Enough for a burst of a busy session; a longer backlog comes in several batches. */
    public static final int MAX_COMMANDS = 1000;
    static final int MAX_TYPE = 100;

    private SyncBatch() {
    }

    /**
     * One command as sent. {@code type} is its tag: the {@code type} field, or the one key of an
     * externally tagged object ({@code {"session_upsert": {…}}}).
     */
    public record Entry(long sequence, String workspaceId, String timestamp, JsonObject command, String type) {
    }

    /** What to do with a batch: skip the replayed entries, apply the fresh ones, then ack through. */
    public record Plan(List<Entry> replayed, List<Entry> fresh, long ackedThrough) {
    }

    public static List<Entry> parse(JsonObject body, String workspaceId) {
        JsonObject b = Fields.required(body);
        if (!(b.get("commands") instanceof JsonArray commands)) {
            throw ApiException.invalidField("commands", "an array is required");
        }
        if (commands.size() > MAX_COMMANDS) {
            throw ApiException.invalidField("commands", "at most " + MAX_COMMANDS + " in one batch");
        }
        List<Entry> out = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            String at = "commands[" + i + "].";
            if (!(commands.get(i) instanceof JsonObject c)) {
                throw ErrorCode.INVALID_REQUEST.error(at.substring(0, at.length() - 1) + ": must be an object");
            }
            if (!(c.get("sequence") instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1) {
                throw ErrorCode.INVALID_REQUEST.error(at + "sequence: must be an integer of at least 1");
            }
            String ws = c.get("workspace_id") instanceof JsonString s ? s.getString() : null;
            if (ws == null || !ws.equals(workspaceId)) {
                throw ErrorCode.INVALID_REQUEST.error(at + "workspace_id: must be " + workspaceId
                        + ", the workspace this token syncs");
            }
            JsonValue ts = c.get("timestamp");
            String timestamp = ts instanceof JsonString s ? s.getString() : ts instanceof JsonNumber tn ? tn.toString() : null;
            if (ts != null && ts != JsonValue.NULL && timestamp == null || timestamp != null && timestamp.length() > 64) {
                throw ErrorCode.INVALID_REQUEST.error(at + "timestamp: must be a string or number of at most 64 characters");
            }
            if (!(c.get("command") instanceof JsonObject command)) {
                throw ErrorCode.INVALID_REQUEST.error(at + "command: must be an object");
            }
            out.add(new Entry(n.longValue(), ws, timestamp, command, typeOf(command)));
        }
        return out;
    }

    static String typeOf(JsonObject command) {
        String t = command.get("type") instanceof JsonString s ? s.getString()
                : command.size() == 1 ? command.keySet().iterator().next() : null;
        return t == null || t.isBlank() ? "unknown" : t.length() > MAX_TYPE ? t.substring(0, MAX_TYPE) : t;
    }

    /**
     * Checks the batch against what was applied: its sequences ascend by one, and it starts at or
     * before {@code ackedThrough + 1}, so there is no gap. 409 {@code sync_sequence_conflict} otherwise.
     */
    public static Plan plan(long ackedThrough, List<Entry> entries) {
        if (entries.isEmpty()) {
            return new Plan(List.of(), List.of(), ackedThrough);
        }
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).sequence() != entries.get(i - 1).sequence() + 1) {
                throw ErrorCode.SYNC_SEQUENCE_CONFLICT.error("sequences must be contiguous: " + entries.get(i - 1).sequence()
                        + " is followed by " + entries.get(i).sequence());
            }
        }
        long first = entries.get(0).sequence();
        if (first > ackedThrough + 1) {
            throw ErrorCode.SYNC_SEQUENCE_CONFLICT.error("expected sequence " + (ackedThrough + 1) + " next (acked through "
                    + ackedThrough + "), got " + first);
        }
        List<Entry> replayed = new ArrayList<>();
        List<Entry> fresh = new ArrayList<>();
        for (Entry e : entries) {
            (e.sequence() <= ackedThrough ? replayed : fresh).add(e);
        }
        long last = entries.get(entries.size() - 1).sequence();
        return new Plan(replayed, fresh, Math.max(ackedThrough, last));
    }
}
