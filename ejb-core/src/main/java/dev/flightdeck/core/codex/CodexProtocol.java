package dev.flightdeck.core.codex;

import dev.flightdeck.core.connector.AgentHandle;
import dev.flightdeck.core.connector.ApprovalDecision;
import dev.flightdeck.core.connector.LaunchSpec;
import dev.flightdeck.core.connector.ProcessEnv;
import dev.flightdeck.core.mission.tools.MissionTools;
import dev.flightdeck.core.mission.tools.ToolGrant;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * The JSON-RPC 2.0 lines Flightdeck writes to {@code codex app-server} (one JSON object per line on
 * stdin), as its generated schema describes them. Pure.
 */
public final class CodexProtocol {
    private CodexProtocol() {
    }

    /**
     * {@code codex app-server}, and for a mission run its mission tools: Flightdeck's /mcp as a
     * streamable HTTP server whose bearer token Codex reads from {@link ProcessEnv#MISSION_TOKEN} in its
     * own environment. They go as {@code -c} overrides on the command line because a thread's own config
     * override makes Codex hang its next turn (openai/codex#45361). The shell Codex gives the model
     * leaves out every FLIGHTDECK_ variable, so the token stays in the app-server. The session's
     * multi-agent setting goes the same way: it is a feature flag, which no thread parameter carries.
     */
    public static java.util.List<String> appServerCommand(String executable, ToolGrant grant, Boolean multiAgent) {
        java.util.List<String> cmd = new java.util.ArrayList<>(List.of(executable, "app-server"));
        if (multiAgent != null) {
            cmd.addAll(List.of("-c", "features.multi_agent=" + multiAgent));
        }
        if (grant != null) {
            String server = "mcp_servers." + MissionTools.SERVER_NAME + ".";
            cmd.addAll(List.of("-c", server + "url=" + tomlString(grant.url()),
                    "-c", server + "bearer_token_env_var=" + tomlString(ProcessEnv.MISSION_TOKEN),
                    // A run without its tools cannot report; better that the launch fails.
                    "-c", server + "required=true",
                    // The tools reach only the run's own issue, so no human is asked before each call.
                    "-c", server + "default_tools_approval_mode=" + tomlString("approve"),
                    "-c", "shell_environment_policy.exclude=[" + tomlString("FLIGHTDECK_*") + "]"));
        }
        return cmd;
    }

    /** A TOML basic string: quoted, with backslash, quote and control characters escaped. */
    static String tomlString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    public static String request(long id, String method, JsonObject params) {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", method)
                .add("params", params).build().toString();
    }

    public static String notification(String method) {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("method", method).build().toString();
    }

    public static JsonObject initialize(String version) {
        return Json.createObjectBuilder().add("clientInfo", Json.createObjectBuilder().add("name", "flightdeck")
                .add("title", "Flightdeck").add("version", version)).build();
    }

    /**
     * How the launch opens its thread: thread/start for a new conversation, thread/resume to go on with
     * one, thread/fork to copy one (up to {@code resumeAt}, a turn id, when set: a fork or a rollback).
     */
    public static String openMethod(LaunchSpec spec) {
        if (spec.resumeId() == null) {
            return "thread/start";
        }
        return spec.fork() || spec.resumeAt() != null ? "thread/fork" : "thread/resume";
    }

    public static JsonObject openParams(LaunchSpec spec) {
        JsonObjectBuilder p = Json.createObjectBuilder().add("cwd", spec.cwd().toString());
        if (spec.model() != null) {
            p.add("model", spec.model());
        }
        if (spec.developerInstructions() != null && !spec.developerInstructions().isBlank()) {
            p.add("developerInstructions", spec.developerInstructions());
        }
        if (spec.permissionMode() != null) {
            p.add("approvalPolicy", approvalPolicy(spec.permissionMode()));
        }
        if (spec.sandboxMode() != null) {
            p.add("sandbox", spec.sandboxMode());
        }
        if (spec.serviceTier() != null) {
            p.add("serviceTier", spec.serviceTier());
        }
        if (spec.resumeId() != null) {
            p.add("threadId", spec.resumeId());
            if (spec.resumeAt() != null) {
                p.add("lastTurnId", spec.resumeAt());
            }
        }
        return p.build();
    }

    /**
     * The approval policy as the pinned app-server takes it: it has no on-failure any more, and its
     * nearest (the sandbox holds, anything beyond it is asked) is on-request.
     */
    static String approvalPolicy(String policy) {
        return "on-failure".equals(policy) ? "on-request" : policy;
    }

    public static JsonArray input(String text, List<AgentHandle.ImageInput> images) {
        return input(text, images, AgentHandle.References.NONE);
    }

    /** A message as turn/start and turn/steer take it: text, images, then skill and mention items. */
    public static JsonArray input(String text, List<AgentHandle.ImageInput> images, AgentHandle.References refs) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        if (text != null && !text.isEmpty()) {
            a.add(Json.createObjectBuilder().add("type", "text").add("text", text)
                    .add("text_elements", JsonValue.EMPTY_JSON_ARRAY));
        }
        for (AgentHandle.ImageInput image : images) {
            a.add(Json.createObjectBuilder().add("type", "image")
                    .add("url", "data:" + image.mediaType() + ";base64," + image.base64()));
        }
        refs.skills().forEach(r -> a.add(reference("skill", r)));
        refs.mentions().forEach(r -> a.add(reference("mention", r)));
        return a.build();
    }

    private static JsonObjectBuilder reference(String type, AgentHandle.Reference r) {
        return Json.createObjectBuilder().add("type", type).add("name", r.name()).add("path", r.path());
    }

    public static JsonObject turnStart(String threadId, JsonArray input, String messageId, String model, String effort) {
        JsonObjectBuilder p = Json.createObjectBuilder().add("threadId", threadId).add("input", input);
        if (messageId != null) {
            p.add("clientUserMessageId", messageId);
        }
        if (model != null) {
            p.add("model", model);
        }
        if (effort != null) {
            p.add("effort", effort);
        }
        return p.build();
    }

    public static JsonObject turnSteer(String threadId, String turnId, JsonArray input, String messageId) {
        JsonObjectBuilder p = Json.createObjectBuilder().add("threadId", threadId).add("expectedTurnId", turnId)
                .add("input", input);
        if (messageId != null) {
            p.add("clientUserMessageId", messageId);
        }
        return p.build();
    }

    public static JsonObject turnInterrupt(String threadId, String turnId) {
        return Json.createObjectBuilder().add("threadId", threadId).add("turnId", turnId).build();
    }

    public static JsonObject thread(String threadId) {
        return Json.createObjectBuilder().add("threadId", threadId).build();
    }

    public static JsonObject shellCommand(String threadId, String command) {
        return Json.createObjectBuilder().add("threadId", threadId).add("command", command).build();
    }

    /** The answer to an approval request: the decision names of the command and file-change schemas. */
    public static String approval(JsonValue id, ApprovalDecision d) {
        String decision = switch (d.decision()) {
            case "approved" -> "accept";
            case "approved_for_session", "approved_always" -> "acceptForSession";
            case "abort" -> "cancel";
            default -> "decline";
        };
        return response(id, Json.createObjectBuilder().add("decision", decision).build());
    }

    /**
     * The answer to a permissions request: what the human granted ({@code updatedInput.permissions}),
     * else what it asked for, for the turn or the session; or nothing.
     */
    public static String permissions(JsonValue id, ApprovalDecision d, JsonObject request) {
        JsonValue asked = request != null && request.get("permissions") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
        JsonValue granted = d.updatedInput() != null && d.updatedInput().get("permissions") instanceof JsonObject g ? g : asked;
        return response(id, Json.createObjectBuilder().add("permissions", d.allows() ? granted : JsonValue.EMPTY_JSON_OBJECT)
                .add("scope", "approved".equals(d.decision()) || !d.allows() ? "turn" : "session").build());
    }

    /**
     * The answer to request_user_input: per question id, the answer the human gave. {@code answered}
     * is the request with {@code answers} keyed by question text (as the answer route builds it for
     * every agent); a refusal answers nothing.
     */
    public static String userInput(JsonValue id, ApprovalDecision d, JsonObject request) {
        JsonObjectBuilder answers = Json.createObjectBuilder();
        JsonObject given = d.allows() && d.updatedInput() != null && d.updatedInput().get("answers") instanceof JsonObject a
                ? a : JsonValue.EMPTY_JSON_OBJECT;
        if (request != null && request.get("questions") instanceof JsonArray questions) {
            for (JsonValue q : questions) {
                JsonObject question = q.asJsonObject();
                String text = question.getString("question", "");
                if (given.get(text) instanceof jakarta.json.JsonString answer && question.get("id") instanceof jakarta.json.JsonString qid) {
                    answers.add(qid.getString(), Json.createObjectBuilder().add("answers",
                            Json.createArrayBuilder().add(answer.getString())));
                }
            }
        }
        return response(id, Json.createObjectBuilder().add("answers", answers).build());
    }

    public static String response(JsonValue id, JsonObject result) {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build().toString();
    }

    /** Refuses a server request Flightdeck does not serve (dynamic tools, ChatGPT token refresh, …). */
    public static String refusal(JsonValue id, String message) {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("error", Json.createObjectBuilder()
                .add("code", -32601).add("message", message)).build().toString();
    }
}
