package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class ProbesIT {
    private static Api.Resp metrics() {
        return Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/metrics")).GET().build());
    }

    @Test
    void readinessChecksTheDatabaseAndSaysNothingSecret() {
        Api.Resp ready = Api.call("GET", "/health/ready", null, null);
        assertThat(ready.json().getJsonArray("checks").getJsonObject(0).getString("name")).isEqualTo("database");
        String all = Api.call("GET", "/health", null, null).body();
        assertThat(all).doesNotContain("jdbc").doesNotContain("password").doesNotContain(Api.token());
    }

    @Test
    void metricsExposePrometheusTextAndNoSecrets() throws Exception {
        Api.get("/api/sessions/summary");
        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            ws.send("{\"type\":\"subscribe_sessions_summary\"}");
            ws.awaitType("sessions_summary_invalidated");
            Api.Resp m = metrics();
            assertThat(m.status()).isEqualTo(200);
            String text = m.body();
            assertThat(text).contains("flightdeck_ws_open_connections").contains("flightdeck_ws_invalidations_sent");
            assertThat(text).contains("REST_request_seconds_count{class=\"dev.flightdeck.api.session.SessionResource\"");
            assertThat(text).contains("connectionpool");
            assertThat(text).doesNotContain(Api.token());
        }
    }

    @Test
    void openApiDescribesTheRoutesAndErrors() {
        Api.Resp doc = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/openapi?format=JSON")).GET().build());
        assertThat(doc.status()).isEqualTo(200);
        var paths = doc.json().getJsonObject("paths");
        for (String p : new String[]{"/api/sessions", "/api/sessions/summary", "/api/sessions/active",
                "/api/sessions/archive", "/api/sessions/{id}/detail", "/api/sessions/{id}/detail/config",
                "/api/sessions/{id}/detail/read", "/api/sessions/{id}/detail/name", "/api/sessions/{id}/detail/summary",
                "/api/sessions/{id}/lifecycle/end", "/api/auth/tokens", "/api/auth/tokens/{id}"}) {
            assertThat(paths.containsKey(p)).as(p).isTrue();
        }
        var schemas = doc.json().getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("Error").getJsonObject("properties").keySet()).containsExactlyInAnyOrder("code", "error");
        assertThat(schemas.getJsonObject("SessionDetailSnapshot").getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("revision", "session");
        assertThat(schemas.getJsonObject("SessionState").getJsonObject("properties").keySet())
                .contains("display_title", "work_status", "approval_policy", "revision");
        assertThat(schemas.getJsonObject("SessionCreateRequest").getJsonArray("required").toString()).contains("provider", "cwd");
        var detail = paths.getJsonObject("/api/sessions/{id}/detail").getJsonObject("get").getJsonObject("responses");
        assertThat(detail.keySet()).contains("200", "401", "404");
        assertThat(detail.getJsonObject("200").toString()).contains("#/components/schemas/SessionDetailSnapshot");
        assertThat(detail.getJsonObject("404").toString()).contains("#/components/schemas/Error");
        assertThat(Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/openapi/ui/")).GET().build()).status())
                .isEqualTo(200);
    }
}
