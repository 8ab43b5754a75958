package dev.flightdeck.core.terminal;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Base64;

/** The client's terminal messages (contract §2.1), read and checked at the edge. */
public final class TerminalRequest {
    private TerminalRequest() {
    }

    public record Create(String terminalId, String cwd, String shell, int cols, int rows, String sessionId) {
        public static Create parse(JsonObject m) {
            return new Create(TerminalRules.terminalId(string(m, "terminal_id")), string(m, "cwd"), string(m, "shell"),
                    TerminalRules.dimension("cols", integer(m, "cols")),
                    TerminalRules.dimension("rows", integer(m, "rows")), string(m, "session_id"));
        }
    }

    public record Resize(String terminalId, int cols, int rows) {
        public static Resize parse(JsonObject m) {
            return new Resize(TerminalRules.terminalId(string(m, "terminal_id")),
                    TerminalRules.dimension("cols", integer(m, "cols")),
                    TerminalRules.dimension("rows", integer(m, "rows")));
        }
    }

    public static String terminalId(JsonObject m) {
        return TerminalRules.terminalId(string(m, "terminal_id"));
    }

    /** terminal_input's {@code data}: the bytes to type, base64 (standard alphabet, as OrbitDock sends). */
    public static byte[] input(JsonObject m) {
        String data = string(m, "data");
        if (data == null) {
            throw ApiException.invalidField("data", "is required (base64 of the bytes to type)");
        }
        try {
            return Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("data", "must be base64 of the bytes to type");
        }
    }

    static String string(JsonObject m, String key) {
        JsonValue v = m.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonString)) {
            throw ApiException.invalidField(key, "must be a string");
        }
        return ((JsonString) v).getString();
    }

    static Integer integer(JsonObject m, String key) {
        JsonValue v = m.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber) || !((JsonNumber) v).isIntegral()) {
            throw ApiException.invalidField(key, "must be an integer");
        }
        long n = ((JsonNumber) v).longValue();
        return n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? Integer.MAX_VALUE : (int) n;
    }
}
