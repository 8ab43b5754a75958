package dev.flightdeck.core.sync;

import dev.flightdeck.core.connector.RowDraft;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;

/**
 * What applying one sync command means (contract §1.13), as a pure decision. A workspace's managed server
 * sends its own persistence commands (OrbitDock's {@code SyncCommand}: externally tagged,
 * {@code {"SetSummary": {…}}}). Flightdeck mirrors onto the workspace's session the ones whose effect it
 * stores itself: the session's name, summary and end, and its conversation rows. Everything else (the
 * remote server's rollout checkpoints, hook-session bookkeeping, its own approvals and worktrees, …) has
 * no counterpart here and is kept in the log only. A command about any session but the workspace's is
 * refused: a sync token speaks for its own workspace.
 */
public final class SyncCommands {
    public static final String APPLIED = "applied";
    public static final String RECORDED = "recorded";
    public static final String REFUSED = "refused";
    static final int MAX_ROW_ID = 200;
    static final int MAX_SEARCH = 32 * 1024;

    private SyncCommands() {
    }

    /** What to do with a command. Exactly one of its kinds. */
    public sealed interface Action {
        /** Kept in the log only; {@code why} says so. */
        record Record(String why) implements Action {
        }

        /** Not applied; the log says why. */
        record Refuse(String why) implements Action {
        }

        record Rename(String name) implements Action {
        }

        record Summary(String summary) implements Action {
        }

        record End(String reason) implements Action {
        }

        record Row(RowDraft row) implements Action {
        }
    }

    /**
     * @param type             the command's tag ({@link SyncBatch#typeOf})
     * @param workspaceSession the session the workspace runs, or null when it runs none
     */
    public static Action decide(String type, JsonObject command, String workspaceSession) {
        JsonObject body = command.get(type) instanceof JsonObject inner ? inner : command;
        return switch (type) {
            case "SetCustomName" -> target(body, "session_id", workspaceSession, new Action.Rename(text(body, "custom_name")));
            case "SetSummary" -> body.get("summary") instanceof JsonString
                    ? target(body, "session_id", workspaceSession, new Action.Summary(text(body, "summary")))
                    : new Action.Refuse("summary: a string is required");
            case "SessionEnd" -> target(body, "id", workspaceSession,
                    new Action.End(text(body, "reason") == null ? "remote_ended" : clip(text(body, "reason"), 100)));
            case "RowAppend", "RowUpsert" -> row(body, workspaceSession);
            default -> new Action.Record(type + " has no Flightdeck counterpart");
        };
    }

    private static Action target(JsonObject body, String field, String workspaceSession, Action then) {
        String named = text(body, field);
        if (named == null) {
            return new Action.Refuse(field + ": a session id is required");
        }
        if (workspaceSession == null) {
            return new Action.Refuse("the workspace runs no session");
        }
        if (!named.equals(workspaceSession)) {
            return new Action.Refuse("names session " + clip(named, 64) + ", not the workspace's");
        }
        return then;
    }

    /** A conversation row: {@code entry.row} in the contract's row shape, upserted by its id. */
    private static Action row(JsonObject body, String workspaceSession) {
        if (!(body.get("entry") instanceof JsonObject entry) || !(entry.get("row") instanceof JsonObject row)) {
            return new Action.Refuse("entry.row: an object is required");
        }
        String id = text(row, "id");
        String rowType = text(row, "row_type");
        if (id == null || id.isBlank() || id.length() > MAX_ROW_ID) {
            return new Action.Refuse("entry.row.id: a string of 1 to " + MAX_ROW_ID + " characters is required");
        }
        if (rowType == null || rowType.isBlank() || rowType.length() > 32) {
            return new Action.Refuse("entry.row.row_type: a short string is required");
        }
        Long duration = row.get("duration_ms") instanceof JsonNumber n && n.isIntegral() ? n.longValue() : null;
        String search = String.join(" ", nonNull(text(row, "title")), nonNull(text(row, "content")),
                nonNull(text(row, "subtitle"))).strip().toLowerCase(Locale.ROOT);
        RowDraft draft = new RowDraft(id, rowType, short32(text(row, "family")), short32(text(row, "status")),
                short32(text(row, "kind")), duration, clip(search, MAX_SEARCH), row, null);
        return target(body, "session_id", workspaceSession, new Action.Row(draft));
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String short32(String s) {
        return s == null ? null : clip(s, 32);
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
