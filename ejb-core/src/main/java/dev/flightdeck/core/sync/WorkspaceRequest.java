package dev.flightdeck.core.sync;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.json.Fields;
import dev.flightdeck.core.settings.SettingRules;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A workspace to register, checked: the provider (the server's setting when absent) and what it is
 * for. Pure; the route that mints its sync token is {@code POST /api/workspaces}.
 */
public record WorkspaceRequest(String provider, String sessionId, String missionIssueId, String externalId,
                               String repoUrl, String branch) {
    static final int MAX_ID = 200;
    static final int MAX_URL = 2000;

    public static WorkspaceRequest parse(JsonValue body, String defaultProvider) {
        JsonObject b = body == null || body == JsonValue.NULL ? JsonValue.EMPTY_JSON_OBJECT : object(body);
        String provider = Fields.optionalString(b, "provider");
        if (provider == null) {
            provider = defaultProvider;
        } else if (!SettingRules.PROVIDERS.contains(provider)) {
            throw ApiException.invalidField("provider", "must be one of " + String.join(", ", SettingRules.PROVIDERS));
        }
        return new WorkspaceRequest(provider, bounded(b, "session_id", MAX_ID), bounded(b, "mission_issue_id", MAX_ID),
                bounded(b, "external_id", MAX_ID), bounded(b, "repo_url", MAX_URL), bounded(b, "branch", 500));
    }

    private static JsonObject object(JsonValue body) {
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw dev.flightdeck.core.error.ErrorCode.INVALID_REQUEST.error("body: must be a JSON object");
        }
        return body.asJsonObject();
    }

    private static String bounded(JsonObject b, String field, int max) {
        String v = Fields.optionalString(b, field);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters, without control characters");
        }
        return v;
    }
}
