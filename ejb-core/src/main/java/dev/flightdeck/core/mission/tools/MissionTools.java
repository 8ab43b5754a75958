package dev.flightdeck.core.mission.tools;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The mission tools: OrbitDock's eight, with their names and input schemas (so a MISSION.md prompt
 * written for OrbitDock names the same tools and arguments), plus Flightdeck's {@code mission_commit};
 * and the check of a call's arguments against them. Pure.
 *
 * <p>mission_commit exists because a sandboxed agent cannot commit: Codex's workspace-write sandbox
 * mounts {@code .git} (and a linked worktree's git directory) read-only by design. Flightdeck commits
 * for it, outside the sandbox, in the run's own worktree only, with hooks and filters off.
 */
public final class MissionTools {
    public static final String GET_ISSUE = "mission_get_issue";
    public static final String POST_UPDATE = "mission_post_update";
    public static final String UPDATE_COMMENT = "mission_update_comment";
    public static final String GET_COMMENTS = "mission_get_comments";
    public static final String SET_STATUS = "mission_set_status";
    public static final String LINK_PR = "mission_link_pr";
    public static final String CREATE_FOLLOWUP = "mission_create_followup";
    public static final String REPORT_BLOCKED = "mission_report_blocked";
    public static final String COMMIT = "mission_commit";

    /** The MCP server name both CLIs are given; Claude shows the tools as {@code mcp__flightdeck__<tool>}. */
    public static final String SERVER_NAME = "flightdeck";

    public static final int COMMENTS_DEFAULT = 20;
    public static final int COMMENTS_MAX = 50;
    /** A comment or description longer than this is a runaway model, not an update. */
    static final int MAX_TEXT = 65_536;

    private static final List<ToolDefinition> ALL = List.of(
            tool(GET_ISSUE, "Read the issue this run works on: identifier, title, description, state, URL, labels"
                    + " and priority.", schema(Map.of(), List.of())),
            tool(POST_UPDATE, "Post a new comment on this issue (progress notes, a workpad, a handoff summary)."
                    + " Returns the comment's id, so you can edit it later with mission_update_comment.",
                    schema(Map.of("body", string("The comment, in Markdown.")), List.of("body"))),
            tool(UPDATE_COMMENT, "Replace the text of a comment on this issue, by its id (from mission_post_update"
                    + " or mission_get_comments). Comments on other issues cannot be edited.",
                    schema(Map.of("comment_id", string("The id of a comment on this issue."),
                            "body", string("The comment's new text, in Markdown.")), List.of("comment_id", "body"))),
            tool(GET_COMMENTS, "List this issue's newest comments, oldest first, with their ids.",
                    schema(Map.of("first", Json.createObjectBuilder().add("type", "integer")
                            .add("description", "How many comments to read: 1 to " + COMMENTS_MAX + ", "
                                    + COMMENTS_DEFAULT + " when omitted.")
                            .add("default", COMMENTS_DEFAULT).add("minimum", 1).add("maximum", COMMENTS_MAX).build()),
                            List.of())),
            tool(SET_STATUS, "Move this issue to a workflow state by its name, e.g. \"In Review\" or \"Done\"."
                    + " Moving it to a finished state ends this run.",
                    schema(Map.of("state", string("The state's name as the tracker shows it.")), List.of("state"))),
            tool(LINK_PR, "Link a pull request to this issue. Linking the same URL twice changes nothing.",
                    schema(Map.of("url", string("The pull request's http(s) URL."),
                            "title", string("The link's title; \"Pull Request\" when omitted.")), List.of("url"))),
            tool(CREATE_FOLLOWUP, "Open a new issue for work found along the way that is out of this issue's scope."
                    + " It refers back to this issue and gets the labels given.",
                    schema(Map.of("title", string("The new issue's title."),
                            "description", string("What needs doing and why, in Markdown."),
                            "labels", Json.createObjectBuilder().add("type", "array")
                                    .add("items", Json.createObjectBuilder().add("type", "string"))
                                    .add("description", "Label names to put on the new issue.").build()),
                            List.of("title", "description"))),
            tool(REPORT_BLOCKED, "Say that you cannot go on without a human (missing access, a secret, a decision)."
                    + " The issue is set aside as blocked and is not retried until someone acts.",
                    schema(Map.of("reason", string("What blocks you and what a human must do.")), List.of("reason"))),
            tool(COMMIT, "Commit every change in this run's worktree (new, changed and deleted files) on its branch."
                    + " Use it when your own git commit is refused, as it is in a sandbox that keeps .git read-only."
                    + " Returns the commit's sha and branch; committed is false when there was nothing to commit.",
                    schema(Map.of("message", string("The commit message: a summary line, then details if any.")),
                            List.of("message"))));

    private static final Map<String, ToolDefinition> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(ToolDefinition::name, Function.identity()));

    private MissionTools() {
    }

    public static List<ToolDefinition> all() {
        return ALL;
    }

    public static Optional<ToolDefinition> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /**
     * Why these arguments do not fit the tool's schema, or empty when they do. Covers exactly what the
     * schemas use: required properties, no others, and string / integer (with bounds) / string-array
     * types. Blank required strings are refused too: an empty state or comment is never meant.
     */
    public static Optional<String> check(ToolDefinition tool, JsonObject arguments) {
        JsonObject properties = tool.inputSchema().getJsonObject("properties");
        for (String name : arguments.keySet()) {
            if (!properties.containsKey(name)) {
                return Optional.of("unknown argument '" + name + "'; " + tool.name() + " takes "
                        + (properties.isEmpty() ? "no arguments" : String.join(", ", properties.keySet())));
            }
        }
        JsonArray required = tool.inputSchema().getJsonArray("required");
        if (required != null) {
            for (JsonValue r : required) {
                String name = ((jakarta.json.JsonString) r).getString();
                JsonValue v = arguments.get(name);
                if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                    return Optional.of("'" + name + "' is required");
                }
                if (v instanceof jakarta.json.JsonString s && s.getString().isBlank()) {
                    return Optional.of("'" + name + "' must not be empty");
                }
            }
        }
        for (Map.Entry<String, JsonValue> e : arguments.entrySet()) {
            Optional<String> problem = checkValue(e.getKey(), properties.getJsonObject(e.getKey()), e.getValue());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkValue(String name, JsonObject schema, JsonValue value) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            // An optional argument sent as null means "not given", as most clients send it.
            return Optional.empty();
        }
        switch (schema.getString("type")) {
            case "string":
                if (!(value instanceof jakarta.json.JsonString text)) {
                    return Optional.of("'" + name + "' must be a string");
                }
                if (text.getString().length() > MAX_TEXT) {
                    return Optional.of("'" + name + "' must be at most " + MAX_TEXT + " characters");
                }
                if (text.getString().indexOf('\0') >= 0) {
                    return Optional.of("'" + name + "' must not contain NUL");
                }
                return Optional.empty();
            case "integer":
                if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
                    return Optional.of("'" + name + "' must be an integer");
                }
                long min = schema.containsKey("minimum") ? schema.getJsonNumber("minimum").longValue() : Long.MIN_VALUE;
                long max = schema.containsKey("maximum") ? schema.getJsonNumber("maximum").longValue() : Long.MAX_VALUE;
                java.math.BigDecimal d = n.bigDecimalValue();
                if (d.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || d.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
                    return Optional.of("'" + name + "' must be between " + min + " and " + max);
                }
                return Optional.empty();
            case "array":
                if (!(value instanceof JsonArray a)) {
                    return Optional.of("'" + name + "' must be an array of strings");
                }
                for (JsonValue item : a) {
                    if (!(item instanceof jakarta.json.JsonString label) || label.getString().isBlank()
                            || label.getString().length() > 200) {
                        return Optional.of("'" + name + "' must hold non-empty strings of at most 200 characters");
                    }
                }
                return a.size() > 50 ? Optional.of("'" + name + "' may hold at most 50 items") : Optional.empty();
            default:
                throw new IllegalStateException("a mission tool schema uses type " + schema.getString("type"));
        }
    }

    /** tools/list's entry for a tool. */
    public static JsonObject listing(ToolDefinition tool) {
        return Json.createObjectBuilder().add("name", tool.name()).add("description", tool.description())
                .add("inputSchema", tool.inputSchema()).build();
    }

    private static ToolDefinition tool(String name, String description, JsonObject schema) {
        return new ToolDefinition(name, description, schema);
    }

    private static JsonObject string(String description) {
        return Json.createObjectBuilder().add("type", "string").add("description", description).build();
    }

    private static JsonObject schema(Map<String, JsonObject> properties, List<String> required) {
        JsonObjectBuilder props = Json.createObjectBuilder();
        // Sorted, so the listing is the same on every node and every start.
        new java.util.TreeMap<>(properties).forEach(props::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", "object").add("properties", props);
        if (!required.isEmpty()) {
            b.add("required", Json.createArrayBuilder(required));
        }
        return b.add("additionalProperties", false).build();
    }
}
