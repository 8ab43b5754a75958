package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What /mcp shows to anyone without a live mission run's token: a plain 401 with no OAuth hint, and
 * no OAuth discovery document anywhere (an MCP client that found one would drop the header it was
 * given). The tools themselves, with a run's token, are the mission end-to-end test's.
 */
class McpEndpointIT {
    static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";

    @Test
    void withoutATokenMcpIsAPlain401() {
        Api.Resp r = Api.call("POST", "/mcp", INIT, null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("resource_metadata");
        assertThat(r.json().getString("code")).isEqualTo("unauthorized");
        assertThat(Api.call("POST", "/mcp", INIT, "fdk_not_a_token").status()).isEqualTo(401);
        assertThat(Api.call("GET", "/mcp", null, null).status()).isEqualTo(401);
    }

    @Test
    void theApiTokenDoesNotOpenMcp() {
        Api.Resp r = Api.call("POST", "/mcp", INIT, Api.token());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("mission");
    }

    @Test
    void thereIsNoOAuthDiscovery() {
        for (String path : List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp",
                "/.well-known/oauth-authorization-server", "/.well-known/oauth-authorization-server/mcp",
                "/.well-known/openid-configuration", "/mcp/.well-known/openid-configuration")) {
            Api.Resp r = Api.call("GET", path, null, null);
            assertThat(r.status()).as(path).isIn(401, 404);
            if (path.startsWith("/.well-known/")) {
                assertThat(r.status()).as(path).isEqualTo(404);
            }
            assertThat(r.body()).as(path).doesNotContain("authorization_endpoint", "token_endpoint");
        }
        assertThat(Api.call("POST", "/register", "{}", null).status()).isEqualTo(401);
    }

    @Test
    void missionToolTokensAreNotMintedByHand() {
        Api.Resp r = Api.post("/api/auth/tokens", "{\"label\":\"x\",\"kind\":\"mission_tools\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getString("code")).isEqualTo("invalid_request");
    }

    @Test
    void mcpIsNotInTheOpenApiDocument() {
        Api.Resp doc = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/openapi?format=JSON"))
                .GET().build());
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().getJsonObject("paths").keySet()).doesNotContain("/mcp");
    }
}
