package dev.flightdeck.core.codex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.connector.ProcessEnv;
import dev.flightdeck.core.mission.tools.ToolGrant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a mission run's codex app-server is given Flightdeck's mission tools. */
class CodexMissionLaunchTest {
    @Test
    void aMissionRunsAppServerGetsTheServerAsConfigOverrides() {
        List<String> cmd = CodexProtocol.appServerCommand("codex", new ToolGrant("http://127.0.0.1:4000/mcp", "fdk_secret"), null);
        assertThat(cmd).containsExactly("codex", "app-server",
                "-c", "mcp_servers.flightdeck.url=\"http://127.0.0.1:4000/mcp\"",
                "-c", "mcp_servers.flightdeck.bearer_token_env_var=\"FLIGHTDECK_MISSION_TOKEN\"",
                "-c", "mcp_servers.flightdeck.required=true",
                "-c", "mcp_servers.flightdeck.default_tools_approval_mode=\"approve\"",
                "-c", "shell_environment_policy.exclude=[\"FLIGHTDECK_*\"]");
        assertThat(String.join(" ", cmd)).as("the token is never on the command line").doesNotContain("fdk_secret");
    }

    @Test
    void anyOtherSessionRunsThePlainAppServer() {
        assertThat(CodexProtocol.appServerCommand("/bin/codex", null, null)).containsExactly("/bin/codex", "app-server");
    }

    @Test
    void aSessionsMultiAgentSettingIsCodexsFeatureFlag() {
        assertThat(CodexProtocol.appServerCommand("codex", null, false))
                .containsExactly("codex", "app-server", "-c", "features.multi_agent=false");
        assertThat(CodexProtocol.appServerCommand("codex", null, true))
                .containsExactly("codex", "app-server", "-c", "features.multi_agent=true");
    }

    @Test
    void tomlStringsAreEscaped() {
        assertThat(CodexProtocol.tomlString("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\u000Ad\"");
    }

    @Test
    void theTokenIsTheOnlyFlightdeckVariableAndOnlyWhenAsked() {
        Map<String, String> server = Map.of("PATH", "/bin", "FLIGHTDECK_AUTH_TOKEN", "server-secret",
                "FLIGHTDECK_MISSION_TOKEN", "stale", ProcessEnv.PASS_THROUGH, "FLIGHTDECK_MISSION_TOKEN");
        Map<String, String> plain = ProcessEnv.agent(server);
        assertThat(plain.keySet()).noneMatch(k -> k.startsWith("FLIGHTDECK_"));
        Map<String, String> mission = ProcessEnv.withMissionToken(plain, "fdk_run");
        assertThat(mission).containsEntry("FLIGHTDECK_MISSION_TOKEN", "fdk_run").containsEntry("PATH", "/bin");
        assertThat(mission.keySet().stream().filter(k -> k.startsWith("FLIGHTDECK_")).toList())
                .containsExactly("FLIGHTDECK_MISSION_TOKEN");
        assertThat(plain).doesNotContainKey("FLIGHTDECK_MISSION_TOKEN");
    }
}
