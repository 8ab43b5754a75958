package dev.flightdeck.ws.subscription;

import dev.flightdeck.core.json.Json;

/** The {@code error} frame (contract §2): a code, words for a person, and the session it concerns. */
public record ErrorFrame(String type, String code, String message, String sessionId) {
    public static String json(String code, String message, String sessionId) {
        return Json.write(new ErrorFrame("error", code, message, sessionId));
    }
}
