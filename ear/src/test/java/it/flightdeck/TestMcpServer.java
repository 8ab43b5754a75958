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

    TestMcpServer(String token, MissionToolCalls tools) throws IOException {
        this.token = token;
        this.tools = tools;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
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
            try (var r = Json.createReader(new StringReader(body))) {
                JsonValue v = r.readValue();
                if (v instanceof JsonObject o) {
                    rpcMethod = o.getString("method", null);
                    params = o.get("params") instanceof JsonObject p ? p : null;
                }
            } catch (RuntimeException e) {
                // Not JSON (a GET has no body): recorded without a method.
            }
            int status;
            String answer = null;
            if (!"/mcp".equals(ex.getRequestURI().getPath())) {
                status = 404;
            } else if (!("Bearer " + token).equals(headers.get("authorization"))) {
                status = 401;
            } else if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                status = 405;
            } else {
                McpProtocol.Reply reply = new McpProtocol("it").handle(body, headers.get("mcp-protocol-version"), tools);
                status = reply.status();
                answer = reply.body();
            }
            seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), headers, rpcMethod, params, status));
            if (answer == null) {
                ex.sendResponseHeaders(status, -1);
            } else {
                byte[] b = answer.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(status, b.length);
                ex.getResponseBody().write(b);
            }
        }
    }
}
