package dev.flightdeck.core.mission.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class McpEndpointUrlTest {
    @Test
    void thePublicUrlWinsWithoutItsTrailingSlash() {
        assertThat(McpEndpointUrl.of("https://fd.example/base/", "0.0.0.0", "4000")).isEqualTo("https://fd.example/base/mcp");
    }

    @Test
    void elseTheServersOwnEndpointWithWildcardsOnLoopback() {
        assertThat(McpEndpointUrl.of(null, "127.0.0.1", "4000")).isEqualTo("http://127.0.0.1:4000/mcp");
        assertThat(McpEndpointUrl.of(" ", "*", "5300")).isEqualTo("http://127.0.0.1:5300/mcp");
        assertThat(McpEndpointUrl.of(null, "0.0.0.0", "4000")).isEqualTo("http://127.0.0.1:4000/mcp");
        assertThat(McpEndpointUrl.of(null, "::", "4000")).isEqualTo("http://[::1]:4000/mcp");
        assertThat(McpEndpointUrl.of(null, "fe80::1", "4000")).isEqualTo("http://[fe80::1]:4000/mcp");
        assertThat(McpEndpointUrl.of(null, "10.0.0.5", "4000")).isEqualTo("http://10.0.0.5:4000/mcp");
    }
}
