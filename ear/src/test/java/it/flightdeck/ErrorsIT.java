package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorsIT {
    private static void assertEnvelope(Api.Resp r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().getString("code")).isEqualTo(code);
        assertThat(r.json().getString("error")).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.");
    }

    @Test
    void unknownRouteIs404() {
        assertEnvelope(Api.get("/api/nothing/here"), 404, "not_found");
        assertEnvelope(Api.get("/"), 404, "not_found");
    }

    @Test
    void unknownSessionIs404() {
        assertEnvelope(Api.get("/api/sessions/od-00000000-0000-0000-0000-000000000000/detail"), 404, "not_found");
        assertEnvelope(Api.post("/api/sessions/od-nope/detail/read", null), 404, "session_not_found");
    }

    @Test
    void wrongMethodIs405() {
        assertEnvelope(Api.call("PUT", "/api/sessions/summary", "{}", Api.token()), 405, "method_not_allowed");
        assertEnvelope(Api.call("DELETE", "/api/sessions", null, Api.token()), 405, "method_not_allowed");
    }

    @Test
    void wrongMediaTypeIs415() {
        HttpRequest req = HttpRequest.newBuilder(URI.create(Api.BASE + "/api/sessions"))
                .header("Authorization", "Bearer " + Api.token()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("provider=claude")).build();
        assertEnvelope(Api.send(req), 415, "unsupported_media_type");
    }

    @Test
    void malformedJsonIs400() {
        assertEnvelope(Api.post("/api/sessions", "{\"provider\": "), 400, "invalid_request");
        assertEnvelope(Api.post("/api/sessions", "[1,2]"), 400, "invalid_request");
        assertEnvelope(Api.post("/api/auth/tokens", "{\"label\": [}"), 400, "invalid_request");
        assertEnvelope(Api.patch("/api/sessions/" + Api.createSession() + "/detail/config", "nope"), 400, "invalid_request");
    }

    @Test
    void bodiesOver16MiBAre413AndChangeNothing() {
        long before = Api.get("/api/sessions/summary").json().getJsonObject("counts").getInt("total");
        char[] big = new char[17 * 1024 * 1024];
        Arrays.fill(big, 'a');
        String body = "{\"provider\":\"claude\",\"cwd\":\"/tmp\",\"initial_prompt\":\"" + new String(big) + "\"}";
        assertEnvelope(Api.post("/api/sessions", body), 413, "payload_too_large");

        // The same body without a declared length: counted as it streams.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(Api.BASE + "/api/sessions"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + Api.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes()))).build();
        assertEnvelope(Api.send(chunked), 413, "payload_too_large");
        assertThat(Api.get("/api/sessions/summary").json().getJsonObject("counts").getInt("total")).isEqualTo(before);
    }

    @Test
    void validationNamesTheField() {
        Api.Resp r = Api.post("/api/sessions", "{\"provider\":\"gpt\",\"cwd\":\"/tmp\"}");
        assertEnvelope(r, 400, "invalid_request");
        assertThat(r.json().getString("error")).startsWith("provider");
        r = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"/definitely/not/here\"}");
        assertEnvelope(r, 400, "invalid_request");
        assertThat(r.json().getString("error")).startsWith("cwd");
        r = Api.post("/api/sessions", "{\"provider\":\"claude\"}");
        assertThat(r.json().getString("error")).startsWith("cwd");
        r = Api.post("/api/sessions", "{\"provider\":7,\"cwd\":\"/tmp\"}");
        assertThat(r.json().getString("error")).startsWith("provider");
        r = Api.get("/api/sessions/archive?limit=0");
        assertEnvelope(r, 400, "invalid_request");
        assertThat(r.json().getString("error")).startsWith("limit");
        r = Api.get("/api/sessions/archive?offset=x");
        assertThat(r.json().getString("error")).startsWith("offset");
    }
}
