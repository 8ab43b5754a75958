package dev.flightdeck.core.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.mission.tools.ToolGrant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a mission run's Claude Code is given Flightdeck's mission tools. */
class ClaudeMissionLaunchTest {
    static JsonObject json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    @Test
    void theConfigIsOneHttpServerNamedFlightdeckWithALiteralBearerHeader() {
        JsonObject c = json(ClaudeProtocol.missionMcpConfig(new ToolGrant("http://127.0.0.1:4000/mcp", "fdk_tok")));
        JsonObject servers = c.getJsonObject("mcpServers");
        assertThat(servers.keySet()).containsExactly("flightdeck");
        JsonObject fd = servers.getJsonObject("flightdeck");
        assertThat(fd.getString("type")).isEqualTo("http");
        assertThat(fd.getString("url")).isEqualTo("http://127.0.0.1:4000/mcp");
        assertThat(fd.getJsonObject("headers").getString("Authorization")).isEqualTo("Bearer fdk_tok");
    }

    @Test
    void aMissionRunLoadsOnlyThatConfigAndMayUseItsToolsWithoutAsking() {
        List<String> cmd = ClaudeProtocol.command("claude", ClaudeProtocolTest.tools(List.of("Read"), List.of(), false,
                List.of()), null, Path.of("/data/mission-mcp/claude-mcp-1.json"));
        int config = cmd.indexOf("--mcp-config=/data/mission-mcp/claude-mcp-1.json");
        assertThat(config).isPositive();
        // The variadic option is in its = form and a flag follows it, so it takes nothing else.
        assertThat(cmd.get(config + 1)).isEqualTo("--strict-mcp-config");
        assertThat(cmd).doesNotContain("--mcp-config");
        String allowed = cmd.stream().filter(a -> a.startsWith("--allowedTools=")).findFirst().orElseThrow();
        assertThat(allowed).startsWith("--allowedTools=Read,").contains("mcp__flightdeck__mission_get_issue",
                "mcp__flightdeck__mission_report_blocked", "mcp__flightdeck__mission_set_status");
        assertThat(ClaudeProtocol.missionToolNames()).hasSize(9).allMatch(n -> n.startsWith("mcp__flightdeck__mission_"));
        assertThat(ClaudeProtocol.MISSION_ENV).containsEntry("ENABLE_TOOL_SEARCH", "false");
        assertThat(cmd).as("a mission run has no user to suggest prompts to").doesNotContain("--prompt-suggestions=true");
    }

    @Test
    void aDirectSessionAsksForPromptSuggestions() {
        assertThat(ClaudeProtocol.command("claude", ClaudeProtocolTest.tools(List.of(), List.of(), false, List.of()),
                null, null)).contains("--prompt-suggestions=true");
    }

    @Test
    void aDirectSessionsEnvironmentTurnsSuggestionsOnUnlessTheOperatorSaidOtherwise() {
        Map<String, String> direct = ClaudeProtocol.env(Map.of("PATH", "/bin"), false);
        assertThat(direct).containsEntry("CLAUDE_CODE_ENABLE_PROMPT_SUGGESTION", "1")
                .containsEntry("CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING", "true").containsEntry("PATH", "/bin")
                .doesNotContainKey("ENABLE_TOOL_SEARCH");
        assertThat(ClaudeProtocol.env(Map.of("CLAUDE_CODE_ENABLE_PROMPT_SUGGESTION", "0"), false))
                .containsEntry("CLAUDE_CODE_ENABLE_PROMPT_SUGGESTION", "0");
        Map<String, String> mission = ClaudeProtocol.env(Map.of(), true);
        assertThat(mission).containsEntry("ENABLE_TOOL_SEARCH", "false")
                .containsEntry("CLAUDE_CODE_ENABLE_SDK_FILE_CHECKPOINTING", "true")
                .doesNotContainKey("CLAUDE_CODE_ENABLE_PROMPT_SUGGESTION");
    }

    @Test
    void anyOtherSessionGetsNoMcpFlags() {
        List<String> cmd = ClaudeProtocol.command("claude", ClaudeProtocolTest.tools(List.of(), List.of(), false,
                List.of()), null, null);
        assertThat(cmd).noneMatch(a -> a.contains("mcp"));
        assertThat(ClaudeProtocol.command("claude", ClaudeProtocolTest.tools(List.of(), List.of(), false, List.of()), null))
                .isEqualTo(cmd);
    }

    @Test
    void permissionRequestsForMissionToolsAreAllowedAndNoOthers() {
        String ask = "{\"type\":\"control_request\",\"request_id\":\"r1\",\"request\":{\"subtype\":\"can_use_tool\","
                + "\"tool_name\":\"%s\",\"input\":{\"state\":\"Done\"}}}";
        JsonObject answer = json(ClaudeProtocol.missionToolApproval(json(String.format(ask,
                "mcp__flightdeck__mission_set_status"))).orElseThrow());
        JsonObject response = answer.getJsonObject("response");
        assertThat(response.getString("request_id")).isEqualTo("r1");
        assertThat(response.getJsonObject("response").getString("behavior")).isEqualTo("allow");
        assertThat(response.getJsonObject("response").getJsonObject("updatedInput").getString("state")).isEqualTo("Done");
        assertThat(response.getJsonObject("response").containsKey("updatedPermissions")).isFalse();

        for (String other : new String[] {"Bash", "mcp__flightdeck__rm", "mcp__other__mission_get_issue",
                "mcp__flightdeck__mission_get_issue_x"}) {
            assertThat(ClaudeProtocol.missionToolApproval(json(String.format(ask, other)))).as(other).isEmpty();
        }
        assertThat(ClaudeProtocol.missionToolApproval(json("{\"type\":\"assistant\"}"))).isEmpty();
        assertThat(ClaudeProtocol.missionToolApproval(json("{\"type\":\"control_request\",\"request\":{\"subtype\":"
                + "\"can_use_tool\",\"tool_name\":\"mcp__flightdeck__mission_get_issue\"}}"))).as("no request id").isEmpty();
    }
}
