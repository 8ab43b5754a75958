package dev.flightdeck.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.auth.TokenKind;
import org.junit.jupiter.api.Test;

class BearerAuthMechanismTest {
    @Test
    void thePathIsServletPathPlusPathInfo() {
        // The JAX-RS application is mapped to /*: an empty servlet path, the route in the path info.
        assertThat(BearerAuthMechanism.dispatchedPath("", "/api/auth/tokens")).isEqualTo("/api/auth/tokens");
        // A servlet mapped by exact path or the default servlet: all of it in the servlet path.
        assertThat(BearerAuthMechanism.dispatchedPath("/ws", null)).isEqualTo("/ws");
        assertThat(BearerAuthMechanism.dispatchedPath("", null)).isEqualTo("/");
        assertThat(BearerAuthMechanism.dispatchedPath(null, null)).isEqualTo("/");
    }

    @Test
    void onlyTheProbesAndTrackerWebhooksAreOpen() {
        assertThat(BearerAuthMechanism.isOpen("/health")).isTrue();
        assertThat(BearerAuthMechanism.isOpen("/health/ready")).isTrue();
        assertThat(BearerAuthMechanism.isOpen("/healthz")).isFalse();
        assertThat(BearerAuthMechanism.isOpen("/api/auth/tokens")).isFalse();
        assertThat(BearerAuthMechanism.isOpen("/ws")).isFalse();
        assertThat(BearerAuthMechanism.isOpen("/")).isFalse();
        assertThat(BearerAuthMechanism.isOpen("/api/missions/m-1/webhooks/linear")).isTrue();
        assertThat(BearerAuthMechanism.isOpen("/api/missions/m-1/webhooks/github")).isTrue();
        assertThat(BearerAuthMechanism.isOpen("/api/missions/m-1/webhooks/gitlab")).isFalse();
        assertThat(BearerAuthMechanism.isOpen("/api/missions/m-1/webhooks/linear/x")).isFalse();
        assertThat(BearerAuthMechanism.isOpen("/api/missions/m-1/issues")).isFalse();
        assertThat(BearerAuthMechanism.isOpen("/api/missions/a/b/webhooks/linear")).isFalse();
        assertThat(BearerAuthMechanism.isOpen("/mcp")).isFalse();
    }

    @Test
    void wellKnownIsOpenSoItsDocumentsAre404sNot401s() {
        assertThat(BearerAuthMechanism.isOpen("/.well-known/oauth-protected-resource")).isTrue();
        assertThat(BearerAuthMechanism.isOpen("/.well-known/oauth-protected-resource/mcp")).isTrue();
        assertThat(BearerAuthMechanism.isOpen("/.well-known/oauth-authorization-server")).isTrue();
        assertThat(BearerAuthMechanism.isOpen("/.well-knownx")).isFalse();
    }

    @Test
    void mcpTakesOnlyMissionToolTokensAndNothingElseTakesThem() {
        assertThat(BearerAuthMechanism.refusal("/mcp", TokenKind.MISSION_TOOLS)).isEmpty();
        assertThat(BearerAuthMechanism.refusal("/mcp", TokenKind.APP)).isPresent();
        assertThat(BearerAuthMechanism.refusal("/mcp", TokenKind.WORKSPACE_SYNC)).isPresent();
        for (String path : new String[] {"/api/sessions", "/ws", "/mcp/", "/mcp/x", "/api/missions", "/openapi", "/"}) {
            assertThat(BearerAuthMechanism.refusal(path, TokenKind.MISSION_TOOLS)).as(path).isPresent();
            assertThat(BearerAuthMechanism.refusal(path, TokenKind.WORKSPACE_SYNC)).as(path).isPresent();
            assertThat(BearerAuthMechanism.refusal(path, TokenKind.APP)).as(path).isEmpty();
        }
    }

    @Test
    void syncTakesOnlyWorkspaceSyncTokensAndNothingElseTakesThem() {
        assertThat(BearerAuthMechanism.refusal("/api/sync", TokenKind.WORKSPACE_SYNC)).isEmpty();
        assertThat(BearerAuthMechanism.refusal("/api/sync", TokenKind.APP)).isPresent();
        assertThat(BearerAuthMechanism.refusal("/api/sync", TokenKind.MISSION_TOOLS)).isPresent();
        for (String path : new String[] {"/api/sync/", "/api/sync/x", "/api/syncx", "/api/workspaces", "/ws", "/mcp"}) {
            assertThat(BearerAuthMechanism.refusal(path, TokenKind.WORKSPACE_SYNC)).as(path).isPresent();
        }
    }

    @Test
    void onlyABearerHeaderCarriesAToken() {
        assertThat(BearerAuthMechanism.bearer("Bearer abc")).contains("abc");
        assertThat(BearerAuthMechanism.bearer("bearer  abc ")).contains("abc");
        assertThat(BearerAuthMechanism.bearer("Basic abc")).isEmpty();
        assertThat(BearerAuthMechanism.bearer("Bearer ")).isEmpty();
        assertThat(BearerAuthMechanism.bearer(null)).isEmpty();
    }
}
