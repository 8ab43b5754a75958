package dev.flightdeck.core.connector;

import jakarta.json.JsonObject;

/**
 * The actions a running agent accepts. Each call only writes to the agent; the outcome comes back as
 * events. Actions only some agents have are the nested capability interfaces, which a handle
 * implements when its agent has them.
 */
public interface AgentHandle {
    long pid();

    boolean isAlive();

    /**
     * A new user message; while a turn runs, the agent takes it as steering. {@code messageId} is a
     * UUID the agent records as the message's own id, so rewinds can name it.
     */
    void sendMessage(String content, java.util.List<ImageInput> images, References refs, String messageId);

    void interrupt();

    /** Summarises the conversation so far to free context. */
    void compact(String messageId);

    /** The reasoning effort for the next turns. */
    void setEffort(String effort);

    /** Answers a pending tool-permission request. */
    void decide(String requestId, String toolName, ApprovalDecision decision, JsonObject originalInput);

    void setModel(String model);

    void setPermissionMode(String mode);

    /** Kills the whole process tree. Idempotent. */
    void stop();

    /** Background tasks and file checkpoints (Claude Code). */
    interface Tasks {
        /** Stops one background task (a shell command or subagent the agent started). */
        void stopTask(String taskId);

        /** Restores the files the agent changed since the given user message. */
        void rewindFiles(String messageId);
    }

    /**
     * Control requests whose answer the caller needs (Claude Code's MCP and flag-settings requests).
     * The future completes with the agent's response object, or fails with the agent's error message.
     */
    interface Control {
        java.util.concurrent.CompletableFuture<JsonObject> control(JsonObject request);
    }

    /** A shell command the agent runs in its own thread (Codex's thread/shellCommand). */
    interface ThreadShell {
        void shellCommand(String command);
    }

    /** A skill or a mention a message names: {@code name} and where it is ({@code path}). */
    record Reference(String name, String path) {
    }

    /** The skills a message invokes and the files or resources it mentions, in the order given. */
    record References(java.util.List<Reference> skills, java.util.List<Reference> mentions) {
        public static final References NONE = new References(java.util.List.of(), java.util.List.of());

        public boolean isEmpty() {
            return skills.isEmpty() && mentions.isEmpty();
        }
    }

    /** An image to pass to the agent: base64 data with its media type. */
    record ImageInput(String mediaType, String base64) {
    }
}
