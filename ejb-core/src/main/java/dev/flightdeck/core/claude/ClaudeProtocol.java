package dev.flightdeck.core.claude;

import dev.flightdeck.core.connector.AgentArgs;
import dev.flightdeck.core.connector.AgentHandle;
import dev.flightdeck.core.connector.ApprovalDecision;
import dev.flightdeck.core.connector.LaunchSpec;
import dev.flightdeck.core.mission.tools.MissionTools;
import dev.flightdeck.core.mission.tools.ToolGrant;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines Flightdeck writes to Claude Code, and its command line: the stream-json input format
 * and the stdio control protocol, as the Agent SDK drives them. Pure.
 */
public final class ClaudeProtocol {
    private ClaudeProtocol() {
    }

    /**
     * The command line. Every value goes as {@code --opt=value}, checked by {@link AgentArgs}, so none
     * can be read as a flag. The developer instructions are not on it: they can be longer than Linux
     * takes in one argument, and argv is readable by every local user, so they go in a file
     * ({@code instructionsFile}, null when there are none).
     */
    public static List<String> command(String executable, LaunchSpec spec, Path instructionsFile) {
        return command(executable, spec, instructionsFile, null);
    }

    /**
     * The command line of a mission run's agent, whose only MCP server is Flightdeck's mission tools:
     * {@code missionMcpConfig} is the file {@link #missionMcpConfig} wrote (null for any other session).
     */
    public static List<String> command(String executable, LaunchSpec spec, Path instructionsFile, Path missionMcpConfig) {
        List<String> cmd = new ArrayList<>(List.of(executable, "-p", "--output-format=stream-json", "--verbose",
                "--input-format=stream-json", "--permission-prompt-tool=stdio"));
        if (spec.model() != null) {
            cmd.add(AgentArgs.model("--model", spec.model()));
        }
        if (spec.permissionMode() != null) {
            cmd.add(AgentArgs.word("--permission-mode", spec.permissionMode()));
        }
        if (spec.resumeId() != null) {
            cmd.add(AgentArgs.id("--resume", spec.resumeId()));
            if (spec.fork()) {
                cmd.add("--fork-session");
            }
            if (spec.resumeAt() != null) {
                cmd.add(AgentArgs.id("--resume-session-at", spec.resumeAt()));
            }
        }
        if (instructionsFile != null) {
            cmd.add(AgentArgs.text("--append-system-prompt-file", instructionsFile.toString()));
        }
        List<String> allowed = allowedTools(spec);
        if (missionMcpConfig != null) {
            allowed.addAll(missionToolNames());
        }
        if (!allowed.isEmpty()) {
            cmd.add(AgentArgs.text("--allowedTools", String.join(",", allowed)));
        }
        if (spec.disallowedTools() != null && !spec.disallowedTools().isEmpty()) {
            cmd.add(AgentArgs.text("--disallowedTools", String.join(",", spec.disallowedTools())));
        }
        if (spec.allowBypassPermissions()) {
            // Makes bypassPermissions a mode the session may switch to; it does not start in it.
            cmd.add("--allow-dangerously-skip-permissions");
        }
        if (missionMcpConfig == null) {
            // After each turn's result the CLI guesses the user's next prompt (one small extra model
            // request) and prints prompt_suggestion (contract §2.2). A mission run has no user to suggest to.
            cmd.add("--prompt-suggestions=true");
        }
        if (missionMcpConfig != null) {
            // --mcp-config takes several values; in the = form, followed by a flag, it takes exactly this one.
            cmd.add(AgentArgs.text("--mcp-config", missionMcpConfig.toString()));
            // The user's own MCP servers (~/.claude.json, a project's .mcp.json) stay out of a mission run.
            cmd.add("--strict-mcp-config");
        }
        return cmd;
    }

    /**
     * Set in a mission run's environment: Claude Code defers MCP tools behind its ToolSearch tool by
     * default, and a run's agent should see its mission tools from the first turn.
     */
    public static final java.util.Map<String, String> MISSION_ENV = java.util.Map.of("ENABLE_TOOL_SEARCH", "false");

    /** Claude Code's switch for prompt suggestions, which otherwise waits on a remote feature gate. */
    public static final String PROMPT_SUGGESTIONS_ENV = "CLAUDE_CODE_ENABLE_PROMPT_SUGGESTION";

    /**
     * The CLI's environment: the built one, plus file checkpointing (so rewind_files can restore what
     * the agent changed), plus for a mission run its own variables and for a direct session prompt
     * suggestions. Claude Code 2.1.330 makes a suggestion only when a remote feature gate, off by
     * default, or {@link #PROMPT_SUGGESTIONS_ENV} says so, and --prompt-suggestions alone does not; the
     * server's own value (CLAUDE_* variables are passed through) wins.
     */
    public static java.util.Map<String, String> env(java.util.Map<String, String> built, boolean mission) {
        java.util.Map<String, String> env = new java.util.HashMap<>(built);
        env.put("CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING", "true");
        if (mission) {
            env.putAll(MISSION_ENV);
        } else {
            env.putIfAbsent(PROMPT_SUGGESTIONS_ENV, "1");
        }
        return env;
    }

    /**
     * The --mcp-config file of a mission run: Flightdeck's /mcp over streamable HTTP with the run's token as
     * a literal header. Literal, because Claude Code expands {@code ${VAR}} in headers only for its first
     * call; the file is owner-only and outside the worktree, so the agent's tools never read it there.
     */
    public static String missionMcpConfig(ToolGrant grant) {
        return Json.createObjectBuilder().add("mcpServers", Json.createObjectBuilder().add(MissionTools.SERVER_NAME,
                Json.createObjectBuilder().add("type", "http").add("url", grant.url())
                        .add("headers", Json.createObjectBuilder().add("Authorization", "Bearer " + grant.token()))))
                .build().toString();
    }

    /** The mission tools as Claude Code names them: {@code mcp__flightdeck__mission_get_issue} and so on. */
    public static List<String> missionToolNames() {
        return MissionTools.all().stream().map(t -> "mcp__" + MissionTools.SERVER_NAME + "__" + t.name()).toList();
    }

    /**
     * The answer to a permission request for a mission tool, which runs without asking anyone: the run's
     * token can reach nothing but its own issue. Empty for every other line. The tools are allowed on
     * the command line too, so this only answers when a permission mode asks regardless.
     */
    public static Optional<String> missionToolApproval(JsonObject line) {
        if (!"control_request".equals(line.getString("type", "")) || !(line.get("request") instanceof JsonObject req)
                || !"can_use_tool".equals(req.getString("subtype", ""))
                || !(req.get("tool_name") instanceof jakarta.json.JsonString tool)
                || !missionToolNames().contains(tool.getString())
                || !(line.get("request_id") instanceof jakarta.json.JsonString requestId)) {
            return Optional.empty();
        }
        JsonObject input = req.get("input") instanceof JsonObject i ? i : JsonObject.EMPTY_JSON_OBJECT;
        return Optional.of(permission(requestId.getString(), tool.getString(),
                new ApprovalDecision("approved", null, false, null), input));
    }

    /** The session's allow rules: its allowed tools, and each of its skills as a Skill(name) rule. */
    static List<String> allowedTools(LaunchSpec spec) {
        List<String> out = new ArrayList<>(spec.allowedTools() == null ? List.of() : spec.allowedTools());
        if (spec.skills() != null) {
            spec.skills().forEach(skill -> out.add("Skill(" + skill + ")"));
        }
        return out;
    }

    /** Whether the session has developer instructions to append to Claude's system prompt. */
    public static boolean hasInstructions(LaunchSpec spec) {
        return spec.developerInstructions() != null && !spec.developerInstructions().isBlank();
    }

    public static String initialize(String requestId) {
        return control(requestId, Json.createObjectBuilder().add("subtype", "initialize").addNull("hooks"));
    }

    /**
     * A user message. {@code uuid} becomes the message's id in Claude's transcript, so a later
     * rewind_files can name it.
     */
    public static String userMessage(String content, List<AgentHandle.ImageInput> images, String uuid) {
        JsonArrayBuilder blocks = Json.createArrayBuilder();
        for (AgentHandle.ImageInput image : images) {
            blocks.add(Json.createObjectBuilder().add("type", "image").add("source", Json.createObjectBuilder()
                    .add("type", "base64").add("media_type", image.mediaType()).add("data", image.base64())));
        }
        blocks.add(Json.createObjectBuilder().add("type", "text").add("text", content));
        return Json.createObjectBuilder().add("type", "user")
                .add("message", Json.createObjectBuilder().add("role", "user").add("content", blocks))
                .addNull("parent_tool_use_id").add("session_id", "").add("uuid", uuid).build().toString();
    }

    /**
     * A message's text as Claude Code reads it: the first skill invoked as its {@code /name} command
     * with the text as its arguments, and every other skill (its SKILL.md) and every mention as an
     * {@code @path} reference, which the CLI reads into the turn. Quoted when the path has spaces.
     */
    public static String text(String content, AgentHandle.References refs) {
        if (refs == null || refs.isEmpty()) {
            return content;
        }
        StringBuilder out = new StringBuilder();
        List<AgentHandle.Reference> attached = new ArrayList<>();
        if (!refs.skills().isEmpty()) {
            out.append('/').append(refs.skills().get(0).name());
            attached.addAll(refs.skills().subList(1, refs.skills().size()));
            if (!content.isEmpty()) {
                out.append(' ');
            }
        }
        out.append(content);
        attached.addAll(refs.mentions());
        for (AgentHandle.Reference r : attached) {
            out.append(out.isEmpty() ? "" : " ").append('@')
                    .append(r.path().chars().anyMatch(Character::isWhitespace) ? "\"" + r.path() + "\"" : r.path());
        }
        return out.toString();
    }

    /** Compaction is the CLI's own slash command, sent as a message. */
    public static String compact(String uuid) {
        return userMessage("/compact", List.of(), uuid);
    }

    public static String stopTask(String requestId, String taskId) {
        return control(requestId, Json.createObjectBuilder().add("subtype", "stop_task").add("task_id", taskId));
    }

    /** Restores the files the agent changed since that user message (needs file checkpointing on). */
    public static String rewindFiles(String requestId, String userMessageId) {
        return control(requestId, Json.createObjectBuilder().add("subtype", "rewind_files")
                .add("user_message_id", userMessageId));
    }

    /** The effort level for the next turns: the flag setting that {@code --effort} sets at launch. */
    public static String setEffort(String requestId, String effort) {
        return control(requestId, Json.createObjectBuilder().add("subtype", "apply_flag_settings")
                .add("settings", Json.createObjectBuilder().add("effortLevel", effort)));
    }

    public static String interrupt(String requestId) {
        return control(requestId, Json.createObjectBuilder().add("subtype", "interrupt"));
    }

    public static String setModel(String requestId, String model) {
        JsonObjectBuilder req = Json.createObjectBuilder().add("subtype", "set_model");
        return control(requestId, model == null ? req.addNull("model") : req.add("model", model));
    }

    public static String setPermissionMode(String requestId, String mode) {
        return control(requestId, Json.createObjectBuilder().add("subtype", "set_permission_mode").add("mode", mode));
    }

    /**
     * The answer to a can_use_tool request. Approving for the session (or always) also adds an allow
     * rule for the tool, so the agent stops asking: kept in memory for the session, or written to the
     * project's local settings.
     */
    public static String permission(String requestId, String toolName, ApprovalDecision d, JsonObject originalInput) {
        JsonObjectBuilder response = Json.createObjectBuilder();
        if (d.allows()) {
            response.add("behavior", "allow").add("updatedInput", d.updatedInput() != null ? d.updatedInput()
                    : originalInput != null ? originalInput : JsonObject.EMPTY_JSON_OBJECT);
            if (!"approved".equals(d.decision()) && toolName != null) {
                response.add("updatedPermissions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "addRules").add("behavior", "allow")
                        .add("destination", "approved_always".equals(d.decision()) ? "localSettings" : "session")
                        .add("rules", Json.createArrayBuilder().add(Json.createObjectBuilder().add("toolName", toolName)))));
            }
        } else {
            response.add("behavior", "deny").add("message", d.message() != null && !d.message().isBlank()
                    ? d.message() : "The user denied this tool use.");
            if (d.stopsTurn()) {
                response.add("interrupt", true);
            }
        }
        return Json.createObjectBuilder().add("type", "control_response").add("response", Json.createObjectBuilder()
                .add("subtype", "success").add("request_id", requestId).add("response", response)).build().toString();
    }

    /** A control request built elsewhere (the MCP requests of capability.McpControl). */
    public static String control(String requestId, JsonObject request) {
        return Json.createObjectBuilder().add("type", "control_request").add("request_id", requestId)
                .add("request", request).build().toString();
    }

    private static String control(String requestId, JsonObjectBuilder request) {
        return Json.createObjectBuilder().add("type", "control_request").add("request_id", requestId)
                .add("request", request).build().toString();
    }
}
