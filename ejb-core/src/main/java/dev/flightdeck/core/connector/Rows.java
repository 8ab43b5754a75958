package dev.flightdeck.core.connector;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Locale;

/** The typed rows of the contract's §3 that every connector builds: messages and tool calls. Pure. */
public final class Rows {
    public static final int MAX_SEARCH = 32 * 1024;

    private Rows() {
    }

    /** user, steer, assistant, thinking or system. */
    public static JsonObject message(String rowType, String id, String content, String timestamp) {
        return Json.createObjectBuilder().add("row_type", rowType).add("id", id).add("content", content)
                .add("timestamp", timestamp).add("is_streaming", false).add("images", JsonValue.EMPTY_JSON_ARRAY)
                .build();
    }

    /** A tool row; raw input and output go to the row's content, not here. */
    public static JsonObject tool(String id, String provider, String family, String kind, String status, String title,
                                  String subtitle, String summary, Long durationMs, String toolName) {
        JsonObjectBuilder display = Json.createObjectBuilder().add("tool_name", toolName);
        if (subtitle != null) {
            display.add("input_summary", subtitle);
        }
        JsonObjectBuilder row = Json.createObjectBuilder().add("row_type", "tool").add("id", id)
                .add("provider", provider).add("family", family).add("kind", kind).add("status", status)
                .add("title", title);
        if (subtitle != null) {
            row.add("subtitle", subtitle);
        }
        if (summary != null) {
            row.add("summary", summary);
        }
        if (durationMs != null) {
            row.add("duration_ms", durationMs);
        }
        return row.add("tool_display", display).add("render_hints", JsonValue.EMPTY_JSON_OBJECT).build();
    }

    /** Lower-cased and bounded, as search_text is stored. */
    public static String search(String s) {
        String t = s == null ? "" : s.length() > MAX_SEARCH ? s.substring(0, MAX_SEARCH) : s;
        return t.toLowerCase(Locale.ROOT);
    }
}
