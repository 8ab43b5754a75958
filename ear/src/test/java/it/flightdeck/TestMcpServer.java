package it.flightdeck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.core.mission.tools.McpProtocol;
import dev.flightdeck.core.mission.tools.MissionToolCalls;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Flightdeck's MCP protocol ({@link McpProtocol}, the class /mcp runs) on a JDK HTTP server with one
 * bearer token, so the real CLIs can be pointed at it without a mission run behind it. It records every
 * request as the CLI sent it: method, path, headers and JSON-RPC method.
 */
final class TestMcpServer implements AutoCloseable {
    /** One HTTP request: headers by lower-case name, the JSON-RPC method (null if none), the status answered. */
    record Seen(String httpMethod, String path, Map<String, String> headers, String rpcMethod, JsonObject params,
                int status) {
        String header(String name) {
            return headers.get(name);
        }

        @Override
        public String toString() {
            Map<String, String> shown = new TreeMap<>(headers);
            shown.computeIfPresent("authorization", (k, v) -> v.startsWith("Bearer ") ? "Bearer <token>" : "<other>");
            shown.remove("content-length");
            shown.remove("host");
            shown.remove("connection");
            return httpMethod + " " + path + " " + (rpcMethod == null ? "-" : rpcMethod)
                    + (params != null && params.containsKey("protocolVersion") ? " protocolVersion=" + params.getString("protocolVersion") : "")
                    + " -> " + status + " " + shown;
        }
    }

    private final HttpServer server;
    private final String token;
    private final MissionToolCalls tools;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    /**
     * With OAuth, the server is also its own authorization server, as an MCP client discovers one: a 401
     * names the protected-resource metadata, which names this server's authorization-server metadata,
     * with dynamic client registration, an authorize endpoint that grants at once (it redirects to the
     * client's callback with a code), and a token endpoint that exchanges the code for {@link #token}.
     */
    private final boolean oauth;

    TestMcpServer(String token, MissionToolCalls tools) throws IOException {
        this(token, tools, false);
    }

    /** A server that only an OAuth sign-in reaches: the bearer token is the one its token endpoint issues. */
    static TestMcpServer withOAuth(MissionToolCalls tools) throws IOException {
        return new TestMcpServer("oauth-issued-" + java.util.UUID.randomUUID(), tools, true);
    }

    private TestMcpServer(String token, MissionToolCalls tools, boolean oauth) throws IOException {
        this.token = token;
        this.tools = tools;
        this.oauth = oauth;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return base() + "/mcp";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests to one path, such as the token endpoint's. */
    List<Seen> at(String path) {
        return seen.stream().filter(s -> path.equals(s.path())).toList();
    }

    List<Seen> rpc(String method) {
        return seen.stream().filter(s -> method.equals(s.rpcMethod())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String rpcMethod = null;
            JsonObject params = null;
            JsonObject whole = JsonValue.EMPTY_JSON_OBJECT;
            try (var r = Json.createReader(new StringReader(body))) {
                JsonValue v = r.readValue();
                if (v instanceof JsonObject o) {
                    whole = o;
                    rpcMethod = o.getString("method", null);
                    params = o.get("params") instanceof JsonObject p ? p : null;
                }
            } catch (RuntimeException e) {
                // Not JSON (a GET has no body): recorded without a method.
            }
            int status;
            String answer = null;
            String path = ex.getRequestURI().getPath();
            Answer grant = oauth ? authorization(ex, path, whole) : null;
            if (grant != null) {
                status = grant.status();
                answer = grant.body();
            } else if (!"/mcp".equals(path)) {
                status = 404;
            } else if (!("Bearer " + token).equals(headers.get("authorization"))) {
                if (oauth) {
                    ex.getResponseHeaders().set("WWW-Authenticate",
                            "Bearer resource_metadata=\"" + base() + "/.well-known/oauth-protected-resource\"");
                }
                status = 401;
            } else if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                status = 405;
            } else {
                McpProtocol.Reply reply = new McpProtocol("it").handle(body, headers.get("mcp-protocol-version"), tools);
                status = reply.status();
                answer = reply.body();
            }
            seen.add(new Seen(ex.getRequestMethod(), path, headers, rpcMethod, params, status));
            if (answer == null) {
                ex.sendResponseHeaders(status, status == 302 ? 0 : -1);
            } else {
                byte[] b = answer.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(status, b.length);
                ex.getResponseBody().write(b);
            }
        }
    }

    /**
     * The authorization server's answer for its own paths, null for any other. The authorize endpoint
     * asks no one: it redirects to the client's callback with a code and its state.
     */
    private Answer authorization(HttpExchange ex, String path, JsonObject body) {
        String base = base();
        switch (path) {
            case "/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp":
                return answer(200, Json.createObjectBuilder().add("resource", url())
                        .add("authorization_servers", Json.createArrayBuilder().add(base)));
            case "/.well-known/oauth-authorization-server":
                return answer(200, Json.createObjectBuilder().add("issuer", base)
                        .add("authorization_endpoint", base + "/authorize").add("token_endpoint", base + "/token")
                        .add("registration_endpoint", base + "/register")
                        .add("response_types_supported", Json.createArrayBuilder().add("code"))
                        .add("grant_types_supported", Json.createArrayBuilder().add("authorization_code").add("refresh_token"))
                        .add("code_challenge_methods_supported", Json.createArrayBuilder().add("S256"))
                        .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none")));
            case "/register":
                return answer(201, Json.createObjectBuilder().add("client_id", "it-client")
                        .add("token_endpoint_auth_method", "none")
                        .add("redirect_uris", body.get("redirect_uris") instanceof jakarta.json.JsonArray uris
                                ? uris : JsonValue.EMPTY_JSON_ARRAY));
            case "/authorize": {
                Map<String, String> q = new TreeMap<>();
                String query = ex.getRequestURI().getRawQuery();
                for (String pair : query == null ? new String[0] : query.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        q.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
                ex.getResponseHeaders().set("Location", q.get("redirect_uri") + "?code=it-code&state="
                        + java.net.URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8));
                return new Answer(302, null);
            }
            case "/token":
                return answer(200, Json.createObjectBuilder().add("access_token", token).add("token_type", "Bearer")
                        .add("expires_in", 3600));
            default:
                return null;
        }
    }

    /** An HTTP answer: its status, and its JSON body or null. */
    private record Answer(int status, String body) {
    }

    private static Answer answer(int status, jakarta.json.JsonObjectBuilder body) {
        return new Answer(status, body.build().toString());
    }
}
