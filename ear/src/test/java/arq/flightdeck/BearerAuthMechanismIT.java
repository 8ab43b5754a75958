package arq.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.auth.TokenKind;
import dev.flightdeck.core.auth.TokenService;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container: the HttpAuthenticationMechanism accepts the static token and live database
 * tokens, and refuses everything else, on requests made to the deployed application.
 */
@ExtendWith(ArquillianExtension.class)
class BearerAuthMechanismIT {
    // In the container the test runs in the server's JVM, which has the port in its environment.
    static final String BASE = "http://127.0.0.1:" + System.getProperty("arq.port",
            System.getenv().getOrDefault("FLIGHTDECK_PORT", "4300")) + Deployments.CONTEXT_ROOT;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear(BearerAuthMechanismIT.class, ArquillianRunnerAuth.class);
    }

    @Inject
    TokenService tokens;

    static int status(String bearer, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void acceptsAndRejects() throws Exception {
        String staticToken = System.getenv("FLIGHTDECK_AUTH_TOKEN");
        assertThat(staticToken).as("the server's environment carries the static token").isNotBlank();
        assertThat(status(staticToken, "/api/server/ping")).isEqualTo(200);
        assertThat(status(staticToken + "x", "/api/server/ping")).isEqualTo(401);
        assertThat(status(null, "/api/server/ping")).isEqualTo(401);
        assertThat(status("fdk_AAAAAAAAAAAA_" + "B".repeat(43), "/api/server/ping")).isEqualTo(401);

        String app = tokens.mint("arq", TokenKind.APP, null).token();
        assertThat(status(app, "/api/server/ping")).isEqualTo(200);
        tokens.revoke(app.substring(4, 16));
        assertThat(status(app, "/api/server/ping")).isEqualTo(401);

        String sync = tokens.mint("arq-sync", TokenKind.WORKSPACE_SYNC, null).token();
        assertThat(status(sync, "/api/server/ping")).isEqualTo(401);

        long expiresAt = System.currentTimeMillis() + 500;
        String shortLived = tokens.mint("arq-short", TokenKind.APP, expiresAt).token();
        assertThat(status(shortLived, "/api/server/ping")).isEqualTo(200);
        Thread.sleep(700);
        assertThat(status(shortLived, "/api/server/ping")).isEqualTo(401);

        // Under this deployment's context root, /health/ready is a path of the application itself
        // (Liberty's health module sits at /health): the mechanism lets it through untouched, so no
        // route answers it (404, not 401), while any other unknown path needs a token first.
        // Exempt, so no 401: in this test module the path is not a probe, so it is the console's
        // client-route fallback (the index) rather than a 404.
        assertThat(status(null, "/health/ready")).as("the probes' paths are exempt").isEqualTo(200);
        assertThat(status(null, "/api/no-such-route")).isEqualTo(401);
        assertThat(status(null, "/health/../api/server/ping")).as("a dot segment does not borrow the exemption").isEqualTo(401);
    }
}
