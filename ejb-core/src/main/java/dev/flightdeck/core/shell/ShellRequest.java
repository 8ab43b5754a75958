package dev.flightdeck.core.shell;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.json.Fields;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A shell command to run in a session (contract §1.6), checked field by field. Pure.
 *
 * @param cwd where to run it, relative to or inside the project; null for the project itself
 */
public record ShellRequest(String command, String requestId, int timeoutSecs, String cwd) {
    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public static ShellRequest parse(JsonObject body) {
        JsonObject b = Fields.required(body);
        String command = Fields.optionalString(b, "command");
        if (command == null || command.isBlank() || command.length() > ShellRules.MAX_COMMAND) {
            throw ApiException.invalidField("command", "must be a non-empty string of at most "
                    + ShellRules.MAX_COMMAND + " characters");
        }
        String requestId = Fields.optionalString(b, "request_id");
        if (requestId == null) {
            requestId = "shell-" + UUID.randomUUID();
        } else if (!REQUEST_ID.matcher(requestId).matches()) {
            throw ApiException.invalidField("request_id", "must be 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
        int timeout = ShellRules.DEFAULT_TIMEOUT_SECS;
        if (b.get("timeout_secs") instanceof JsonNumber n) {
            if (!n.isIntegral() || n.longValue() < 1 || n.longValue() > ShellRules.MAX_TIMEOUT_SECS) {
                throw ApiException.invalidField("timeout_secs", "must be an integer from 1 to " + ShellRules.MAX_TIMEOUT_SECS);
            }
            timeout = n.intValue();
        } else if (b.containsKey("timeout_secs") && b.get("timeout_secs") != JsonValue.NULL) {
            throw ApiException.invalidField("timeout_secs", "must be an integer");
        }
        return new ShellRequest(command, requestId, timeout, Fields.optionalString(b, "cwd"));
    }
}
