package dev.flightdeck.core.connector;

import jakarta.json.JsonObject;

/** The actions a running agent accepts. Each call only writes to the agent; the outcome comes back as events. */
public interface AgentHandle {
    long pid();

    boolean isAlive();

    /** A new user message; while a turn runs, the agent takes it as steering. */
    void sendMessage(String content, java.util.List<ImageInput> images);

    void interrupt();

    /** Answers a pending tool-permission request. */
    void decide(String requestId, ApprovalDecision decision, JsonObject originalInput);

    void setModel(String model);

    void setPermissionMode(String mode);

    /** Kills the whole process tree. Idempotent. */
    void stop();

    /** An image to pass to the agent: base64 data with its media type. */
    record ImageInput(String mediaType, String base64) {
    }
}
