package dev.flightdeck.core.session.machine;

import dev.flightdeck.core.connector.RowDraft;
import dev.flightdeck.core.connector.Rows;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;

/** The rows a session writes itself (what the user said, and notices), as opposed to the agent's. Pure. */
public final class SessionRows {
    private SessionRows() {
    }

    /** A user or steer row; images as the client sent them. */
    public static RowDraft message(String rowType, String id, String content, JsonArray images, long now) {
        JsonObject row = Json.createObjectBuilder(Rows.message(rowType, id, content, Instant.ofEpochMilli(now).toString()))
                .add("images", images == null ? JsonValue.EMPTY_JSON_ARRAY : images).build();
        return new RowDraft(id, rowType, null, null, null, null, Rows.search(content), row, null);
    }

    public static RowDraft notice(String id, String severity, String text, long now) {
        JsonObject row = Json.createObjectBuilder().add("row_type", "notice").add("id", id)
                .add("kind", "turn_aborted").add("severity", severity).add("content", text)
                .add("timestamp", Instant.ofEpochMilli(now).toString()).build();
        return new RowDraft(id, "notice", null, null, null, null, Rows.search(text), row, null);
    }
}
