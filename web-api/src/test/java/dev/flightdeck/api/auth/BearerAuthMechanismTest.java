package dev.flightdeck.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

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
