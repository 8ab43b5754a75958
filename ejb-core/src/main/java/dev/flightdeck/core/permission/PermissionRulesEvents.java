package dev.flightdeck.core.permission;

import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Logs permission_rules in a transaction of its own, after the settings file is written. */
@Stateless
public class PermissionRulesEvents {
    @Inject
    EventLog log;

    public void changed(String sessionId, JsonObject rules) {
        log.append(Scope.session(sessionId), EventType.PERMISSION_RULES, rev -> Json.createObjectBuilder()
                .add("type", EventType.PERMISSION_RULES.wire()).add("session_id", sessionId).add("rules", rules)
                .add("revision", rev).build());
    }
}
