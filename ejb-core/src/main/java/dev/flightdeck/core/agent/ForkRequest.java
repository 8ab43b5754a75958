package dev.flightdeck.core.agent;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Fields;
import dev.flightdeck.core.session.SessionConfig;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A fork (contract §1.3): where to cut the source conversation, where the fork runs, and the settings
 * it runs with instead of the source's. Pure.
 *
 * @param nthUserMessage keep the turns before this user message; null keeps all of them
 * @param cwd            where the fork runs; null for the source's directory
 * @param overrides      settings that replace the source's, validated
 */
public record ForkRequest(Integer nthUserMessage, String cwd, JsonObject overrides) {
    /** What a fork may change; everything else is the source's configuration. */
    static final List<String> OVERRIDES = List.of("model", "approval_policy_details", "sandbox_policy_details",
            "permission_mode", "allowed_tools", "disallowed_tools");

    public static final ForkRequest WHOLE = new ForkRequest(null, null, JsonValue.EMPTY_JSON_OBJECT);

    public ForkRequest {
        SessionConfig.validate(overrides);
    }

    public static ForkRequest parse(JsonObject body) {
        JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        Integer nth = null;
        if (b.containsKey("nth_user_message") && b.get("nth_user_message") != JsonValue.NULL) {
            if (!(b.get("nth_user_message") instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1
                    || n.longValue() > Integer.MAX_VALUE) {
                throw ErrorCode.INVALID_FORK_ARGUMENT.error("nth_user_message: must be a positive integer");
            }
            nth = n.intValue();
        }
        String cwd = Fields.optionalString(b, "cwd");
        if (cwd != null) {
            Fields.absolutePath("cwd", cwd, ErrorCode.INVALID_REQUEST);
        }
        JsonObjectBuilder overrides = Json.createObjectBuilder();
        for (String field : OVERRIDES) {
            if (b.containsKey(field)) {
                overrides.add(field, b.get(field));
            }
        }
        return new ForkRequest(nth, cwd, overrides.build());
    }

    /** The same fork, run in another directory (a worktree). */
    public ForkRequest in(String directory) {
        return new ForkRequest(nthUserMessage, directory, overrides);
    }
}
