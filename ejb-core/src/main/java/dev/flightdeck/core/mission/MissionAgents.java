package dev.flightdeck.core.mission;

import dev.flightdeck.core.mission.config.MissionConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** The session config a mission run's agent is created with, from MISSION.md's agent section. Pure. */
public final class MissionAgents {
    /**
     * Told to every mission agent as developer instructions: how its work is reported. The tools are
     * the only way an outcome counts, so a run that never calls them is not a success.
     */
    public static final String INSTRUCTIONS = String.join("\n",
            "You are working on one tracker issue on your own, for Flightdeck.",
            "Use the mission tools (server flightdeck) to report your work:",
            "- mission_get_issue reads the issue, and your budget when one is set; mission_get_comments lists its comments.",
            "- When mission_get_issue shows a budget warning, wrap up: commit, link your pull request, hand off.",
            "- Keep one status comment up to date: create it once with mission_post_update, then edit it with "
                    + "mission_update_comment using the id it returned.",
            "- Commit your work on your branch; if your sandbox refuses git's own commit, call mission_commit.",
            "- When your branch is pushed and a pull request exists, call mission_link_pr with its URL.",
            "- When the work is ready for review, call mission_set_status with the review state.",
            "- If you cannot continue without a person, call mission_report_blocked with the reason.",
            "- File work outside this issue's scope with mission_create_followup instead of doing it.",
            "Work on the branch you are on. Never merge pull requests.");

    private MissionAgents() {
    }

    public static JsonObject sessionConfig(String provider, MissionConfig c) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if ("codex".equals(provider)) {
            MissionConfig.Codex x = c.agent().codexForLaunch();
            put(b, "model", x.model());
            put(b, "effort", x.effort());
            put(b, "approval_policy", x.approvalPolicy());
            put(b, "sandbox_mode", x.sandboxMode());
            put(b, "collaboration_mode", x.collaborationMode());
            put(b, "personality", x.personality());
            put(b, "service_tier", x.serviceTier());
            if (x.multiAgent() != null) {
                b.add("multi_agent", x.multiAgent());
            }
            put(b, "developer_instructions", join(x.developerInstructions()));
            list(b, "skills", x.skills());
        } else {
            MissionConfig.Claude x = c.agent().claudeForLaunch();
            put(b, "model", x.model());
            put(b, "effort", x.effort());
            put(b, "permission_mode", x.permissionMode());
            list(b, "allowed_tools", x.allowedTools());
            list(b, "disallowed_tools", x.disallowedTools());
            list(b, "skills", x.skills());
            // Only when MISSION.md asks for it: OrbitDock forces it on, but Claude Code refuses to start
            // with it as root, and an agent that cannot start is worse than one that asks for approval.
            MissionConfig.Claude asked = c.agent().claude();
            if (asked != null && asked.allowBypassPermissions()) {
                b.add("allow_bypass_permissions", true);
            }
            put(b, "developer_instructions", INSTRUCTIONS);
        }
        return b.build();
    }

    private static String join(String own) {
        return own == null || own.isBlank() ? INSTRUCTIONS : INSTRUCTIONS + "\n\n" + own;
    }

    private static void put(JsonObjectBuilder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.add(field, value);
        }
    }

    private static void list(JsonObjectBuilder b, String field, List<String> values) {
        if (!values.isEmpty()) {
            b.add(field, Json.createArrayBuilder(values));
        }
    }
}
