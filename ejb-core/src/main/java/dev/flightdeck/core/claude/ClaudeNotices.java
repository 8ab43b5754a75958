package dev.flightdeck.core.claude;

import dev.flightdeck.core.connector.AgentEvent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Claude Code messages that reach a session's subscribers as they are (contract §2.2), in the
 * contract's shapes. Pure.
 */
final class ClaudeNotices {
    private ClaudeNotices() {
    }

    /** {@code system/compact_boundary}: the CLI compacted the context. */
    static AgentEvent.Notice contextCompacted() {
        return new AgentEvent.Notice("context_compacted", JsonValue.EMPTY_JSON_OBJECT);
    }

    /**
     * {@code rate_limit_event}: its {@code rate_limit_info} as {@code info}, keys in snake_case like the
     * rest of the wire (the CLI's are camelCase: resetsAt, rateLimitType, isUsingOverage, …). Values are
     * the CLI's own: {@code utilization} a fraction, {@code resets_at} Unix seconds.
     */
    static AgentEvent.Notice rateLimit(JsonObject info) {
        return new AgentEvent.Notice("rate_limit_event", Json.createObjectBuilder().add("info", snakeKeys(info)).build());
    }

    /** {@code prompt_suggestion}: the CLI's guess at the user's next prompt; nothing for a blank one. */
    static List<AgentEvent> promptSuggestion(JsonObject line) {
        String suggestion = ClaudeMapper.str(line, "suggestion");
        if (suggestion == null || suggestion.isBlank()) {
            return List.of();
        }
        return List.of(new AgentEvent.Notice("prompt_suggestion",
                Json.createObjectBuilder().add("suggestion", suggestion).build()));
    }

    /**
     * {@code system/files_persisted}: the names of the files the CLI saved ({@code files[].filename});
     * the ones it could not save ({@code failed[]}) are not in the contract's message and are left out.
     */
    static List<AgentEvent> filesPersisted(JsonObject line) {
        JsonArrayBuilder files = Json.createArrayBuilder();
        int n = 0;
        if (line.get("files") instanceof JsonArray a) {
            for (JsonValue v : a) {
                String name = v instanceof JsonObject f ? ClaudeMapper.str(f, "filename")
                        : v instanceof JsonString str ? str.getString() : null;
                if (name != null) {
                    files.add(name);
                    n++;
                }
            }
        }
        return n == 0 ? List.of() : List.of(new AgentEvent.Notice("files_persisted",
                Json.createObjectBuilder().add("files", files).build()));
    }

    /** The object's top-level keys in snake_case; nested values are kept as they are. */
    static JsonObject snakeKeys(JsonObject o) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            b.add(snake(e.getKey()), e.getValue());
        }
        return b.build();
    }

    static String snake(String key) {
        StringBuilder sb = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
