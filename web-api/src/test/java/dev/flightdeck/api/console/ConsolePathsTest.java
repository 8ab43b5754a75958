package dev.flightdeck.api.console;

import static dev.flightdeck.api.console.ConsolePaths.Kind.APPLICATION;
import static dev.flightdeck.api.console.ConsolePaths.Kind.ASSET;
import static dev.flightdeck.api.console.ConsolePaths.Kind.FORBIDDEN;
import static dev.flightdeck.api.console.ConsolePaths.Kind.INDEX;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsolePathsTest {
    @Test
    void theApplicationKeepsItsRoutes() {
        for (String p : new String[] {"/api", "/api/sessions/active", "/api/nothing/here", "/ws", "/mcp", "/mcp/x",
                "/error-envelope", "/.well-known/oauth-protected-resource"}) {
            assertThat(ConsolePaths.classify("GET", p)).as(p).isEqualTo(APPLICATION);
        }
    }

    @Test
    void onlyReadsAreTheConsoles() {
        assertThat(ConsolePaths.classify("POST", "/")).isEqualTo(APPLICATION);
        assertThat(ConsolePaths.classify("DELETE", "/sessions/x")).isEqualTo(APPLICATION);
        assertThat(ConsolePaths.classify("HEAD", "/")).isEqualTo(INDEX);
    }

    @Test
    void fileNamesAreAssetsAndTheRestAreClientRoutes() {
        assertThat(ConsolePaths.classify("GET", "/")).isEqualTo(INDEX);
        assertThat(ConsolePaths.classify("GET", "/sessions/od-1")).isEqualTo(INDEX);
        assertThat(ConsolePaths.classify("GET", "/apis")).isEqualTo(INDEX);
        assertThat(ConsolePaths.classify("GET", "/assets/index-abc123.js")).isEqualTo(ASSET);
        assertThat(ConsolePaths.classify("GET", "/index.html")).isEqualTo(ASSET);
    }

    @Test
    void theApplicationsInsidesAreNotServed() {
        assertThat(ConsolePaths.classify("GET", "/WEB-INF/web.xml")).isEqualTo(FORBIDDEN);
        assertThat(ConsolePaths.classify("GET", "/web-inf/web.xml")).isEqualTo(FORBIDDEN);
        assertThat(ConsolePaths.classify("GET", "/META-INF/MANIFEST.MF")).isEqualTo(FORBIDDEN);
    }

    @Test
    void hashedAssetsAreImmutableAndTheIndexIsRevalidated() {
        assertThat(ConsolePaths.cacheControl("/assets/index-abc.js")).contains("immutable").contains("max-age=31536000");
        assertThat(ConsolePaths.cacheControl("/index.html")).isEqualTo("no-cache");
    }
}
