package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorsIT {
    private static void assertEnvelope(Api.Resp r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().getString("code")).isEqualTo(code);
        assertThat(r.json().getString("error")).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.");
    }

    /** Nothing that names the server's insides: no exception, class, stack frame or Liberty message id. */
    static void assertNoInternals(Api.Resp r) {
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.")
                .doesNotContain("com.ibm").doesNotContain("SRVE");
    }

    @Test
    void unknownRouteIs404() {
        assertEnvelope(Api.get("/api/nothing/here"), 404, "not_found");
        // GET / is the web console now (ConsoleIT); anything but a read there is still no route.
        assertEnvelope(Api.post("/", "{}"), 404, "not_found");
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
    void bodiesOver16MiBAre413AndChangeNothing() throws Exception {
        long before = Api.get("/api/sessions/summary").json().getJsonObject("counts").getInt("total");
        char[] big = new char[17 * 1024 * 1024];
        Arrays.fill(big, 'a');
        String body = "{\"provider\":\"claude\",\"cwd\":\"/tmp\",\"initial_prompt\":\"" + new String(big) + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String[] declared = upload("/api/sessions", bytes, false);
        assertThat(declared[0]).startsWith("HTTP/1.1 413");
        assertThat(declared[1]).contains("\"code\":\"payload_too_large\"");

        // The same body without a declared length: counted as it streams. A raw socket, so the
        // response can be read while the rest of the body is still being written.
        String[] chunked = upload("/api/sessions", bytes, true);
        assertThat(chunked[0]).startsWith("HTTP/1.1 413");
        assertThat(chunked[1]).contains("\"code\":\"payload_too_large\"");
        assertThat(Api.get("/api/sessions/summary").json().getJsonObject("counts").getInt("total")).isEqualTo(before);
    }

    /**
     * POSTs a body (with a Content-Length, or chunked) and returns the response's status line and
     * the rest of what arrived, without waiting for the upload to finish.
     */
    static String[] upload(String path, byte[] body, boolean chunked) throws Exception {
        URI base = URI.create(Api.BASE);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                            + Api.token() + "\r\nContent-Type: application/json\r\n"
                            + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    if (!chunked) {
                        out.write(body);
                        return;
                    }
                    for (int off = 0; off < body.length; off += 65536) {
                        int n = Math.min(65536, body.length - off);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, off, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException stoppedReading) {
                    // the server may close the connection once it has answered
                }
            });
            writer.setDaemon(true);
            writer.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String status = in.readLine();
            StringBuilder rest = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("{")) {
                rest.append(line).append('\n');
            }
            return new String[]{status, rest.append(line).toString()};
        }
    }

    @Test
    void unknownFilesAndOddPathsInTheAppGetTheEnvelope() {
        for (String path : List.of("/api/nothing.txt", "/favicon.ico", "/assets/nothing.js", "//api/nothing", "/api/./nothing")) {
            Api.Resp r = Api.raw(path, Api.token());
            assertEnvelope(r, 404, "not_found");
        }
        // An encoded slash is refused before routing, through the application's error page.
        assertEnvelope(Api.raw("/api/a%2fb", Api.token()), 400, "invalid_request");
    }

    /**
     * A path that starts with the context root of one of Liberty's own modules (/health here) is
     * handed to that module, even when its dot segments resolve elsewhere; it is refused there, with
     * the envelope as the body instead of Liberty's page naming the exception.
     */
    @Test
    void pathsLibertysModulesRefuseGetTheEnvelope() {
        for (String path : List.of("/health/nothing", "/health/../api/auth/tokens")) {
            for (String token : new String[]{null, Api.token()}) {
                Api.Resp r = Api.raw(path, token);
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.json().getString("code")).as(path).isEqualTo("request_refused");
                assertThat(r.json().getString("error")).isNotBlank();
                assertNoInternals(r);
            }
        }
        // An encoded dot segment under a module's root trips Liberty itself (it cuts the module's
        // root off the resolved path): a 400, or a 500 with an index error, with the envelope either way.
        for (String token : new String[]{null, Api.token()}) {
            Api.Resp r = Api.raw("/health/%2e%2e/api/x", token);
            assertThat(r.status()).isIn(400, 500);
            assertThat(r.json().getString("code")).isIn("request_refused", "internal_error");
            assertNoInternals(r);
        }
    }

    /**
     * Servlet 6 canonicalisation refuses these before any web module is chosen, so neither the
     * application nor its error page sees them: Liberty writes a fixed page of its own
     * (WebContainer.sendBadRequestResponse), which no configuration changes. It names the path and
     * nothing of the server.
     */
    @Test
    void pathsTheContainerRefusesAre400WithoutInternals() {
        for (String path : List.of("/api/x%00", "/api/%01x", "/api/x%7f", "/api/x%0d%0a", "/health/..;/api/x",
                "/api/..;/x", "/..", "/api/../../x", "/;x/api/x")) {
            Api.Resp r = Api.raw(path, Api.token());
            assertThat(r.status()).as(path).isEqualTo(400);
            assertNoInternals(r);
        }
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
