package dev.flightdeck.core.connector;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start an agent for a session.
 *
 * @param resumeId the provider's own session id to resume, or null for a new conversation
 * @param fork     with a resumeId: continue from it under a new provider session id
 * @param resumeAt with a resumeId: keep the conversation only up to this provider message id (rollback, fork)
 * @param permissionMode Claude's permission mode, or Codex's approval policy
 * @param sandboxMode    Codex's sandbox (read-only, workspace-write, danger-full-access), or null for its own config
 * @param allowBypassPermissions Claude may be switched to bypassPermissions later in the session
 * @param skills         Claude skills the session runs without asking
 * @param multiAgent     Codex's multi-agent tools on or off, or null for Codex's own default (on)
 * @param serviceTier    Codex's service tier (fast, flex), or null for its own config
 */
public record LaunchSpec(String sessionId, Path cwd, String model, String permissionMode, String resumeId,
                         boolean fork, String resumeAt, String developerInstructions, List<String> allowedTools,
                         List<String> disallowedTools, String sandboxMode, boolean allowBypassPermissions,
                         List<String> skills, Boolean multiAgent, String serviceTier) {
}
