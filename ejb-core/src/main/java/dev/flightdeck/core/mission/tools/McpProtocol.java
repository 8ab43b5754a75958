package dev.flightdeck.core.mission.tools;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Model Context Protocol as Flightdeck's /mcp serves it: stateless JSON-RPC 2.0 over HTTP POST,
 * JSON responses only (no SSE stream, no session id), the tools capability and nothing else. One HTTP
 * body in, the status and body to answer out. Pure apart from the tool calls it is handed.
 *
 * <p>Status codes follow the streamable HTTP transport: a body with only notifications or responses
 * is 202 with no body; a body that is not JSON-RPC at all is 400 with a JSON-RPC error; a well-formed
 * request gets 200 with its response, an error response included.
 */
public final class McpProtocol {
    private static final Logger LOG = Logger.getLogger(McpProtocol.class.getName());

    /** The protocol revisions this server speaks, oldest first. */
    public static final List<String> VERSIONS = List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");
    public static final String LATEST = VERSIONS.get(VERSIONS.size() - 1);
    /** What a request without an MCP-Protocol-Version header is taken to speak (the transport's rule). */
    static final String UNDECLARED = "2025-03-26";
    /** Batches exist only in these revisions; 2025-06-18 removed them. */
    private static final List<String> BATCHING = List.of("2024-11-05", "2025-03-26");

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;

    static final String INSTRUCTIONS = "Tools for the one tracker issue this run works on: read it, comment on it,"
            + " move it, link its pull request, or report that you are blocked.";

    /** What to answer: the HTTP status and a JSON body, or no body (202). */
    public record Reply(int status, String body) {
        static Reply accepted() {
            return new Reply(202, null);
        }
    }

    private final String serverVersion;

    public McpProtocol(String serverVersion) {
        this.serverVersion = serverVersion;
    }

    /** Whether an MCP-Protocol-Version header names a revision this server speaks (absent is fine). */
    public static boolean supportsHeader(String headerVersion) {
        return headerVersion == null || VERSIONS.contains(headerVersion.strip());
    }

    /**
     * Answers one POST body.
     *
     * @param headerVersion the request's MCP-Protocol-Version header, or null
     * @param tools         runs a tool call whose arguments passed the tool's schema
     */
    public Reply handle(String body, String headerVersion, MissionToolCalls tools) {
        if (!supportsHeader(headerVersion)) {
            return new Reply(400, error(JsonValue.NULL, INVALID_REQUEST, "unsupported MCP-Protocol-Version "
                    + headerVersion.strip() + "; this server speaks " + String.join(", ", VERSIONS)).toString());
        }
        JsonValue message;
        try (var parser = Json.createParser(new StringReader(body == null ? "" : body))) {
            parser.next();
            message = parser.getValue();
            if (parser.hasNext()) {
                throw new IllegalStateException("text after the JSON value");
            }
        } catch (RuntimeException e) {
            // Parsers throw JsonException for bad text, and other runtime exceptions for some truncations.
            return new Reply(400, error(JsonValue.NULL, PARSE_ERROR, "parse error: the body is not JSON").toString());
        }
        if (message instanceof JsonArray batch) {
            String version = headerVersion == null ? UNDECLARED : headerVersion.strip();
            if (!BATCHING.contains(version)) {
                return new Reply(400, error(JsonValue.NULL, INVALID_REQUEST,
                        "batches are not part of protocol version " + version).toString());
            }
            if (batch.isEmpty()) {
                return new Reply(400, error(JsonValue.NULL, INVALID_REQUEST, "an empty batch").toString());
            }
            JsonArrayBuilder out = Json.createArrayBuilder();
            int answers = 0;
            for (JsonValue item : batch) {
                Optional<JsonObject> r = one(item, tools, true);
                if (r.isPresent()) {
                    out.add(r.get());
                    answers++;
                }
            }
            return answers == 0 ? Reply.accepted() : new Reply(200, out.build().toString());
        }
        if (!isRequestShaped(message)) {
            Optional<JsonObject> r = one(message, tools, false);
            // A notification or a response: nothing to answer. Anything else is not JSON-RPC.
            return r.map(e -> new Reply(400, e.toString())).orElseGet(Reply::accepted);
        }
        return one(message, tools, false).map(r -> new Reply(200, r.toString())).orElseGet(Reply::accepted);
    }

    /** A JSON-RPC request proper: an object with a method and an id of the right kind. */
    private static boolean isRequestShaped(JsonValue v) {
        return v instanceof JsonObject o && "2.0".equals(str(o, "jsonrpc")) && o.get("method") instanceof JsonString
                && validId(o.get("id"));
    }

    private static boolean validId(JsonValue id) {
        return id instanceof JsonString || id instanceof JsonNumber;
    }

    /** The response to one message, or empty when it wants none (a notification, a response). */
    private Optional<JsonObject> one(JsonValue item, MissionToolCalls tools, boolean inBatch) {
        if (!(item instanceof JsonObject msg)) {
            return Optional.of(error(JsonValue.NULL, INVALID_REQUEST, "a JSON-RPC message must be an object"));
        }
        JsonValue id = msg.get("id");
        JsonValue replyId = validId(id) ? id : JsonValue.NULL;
        if (!"2.0".equals(str(msg, "jsonrpc"))) {
            return Optional.of(error(replyId, INVALID_REQUEST, "jsonrpc must be \"2.0\""));
        }
        if (!msg.containsKey("method")) {
            if ((msg.containsKey("result") || msg.containsKey("error")) && msg.containsKey("id")) {
                // A response to a request of ours; this server sends none, so there is nothing to match.
                return Optional.empty();
            }
            return Optional.of(error(replyId, INVALID_REQUEST, "a request needs a method"));
        }
        if (!(msg.get("method") instanceof JsonString m)) {
            return Optional.of(error(replyId, INVALID_REQUEST, "method must be a string"));
        }
        String method = m.getString();
        if (!msg.containsKey("id")) {
            // Notifications (initialized, cancelled, progress, roots changed) need nothing from a stateless server.
            return Optional.empty();
        }
        if (!validId(id)) {
            return Optional.of(error(JsonValue.NULL, INVALID_REQUEST, "id must be a string or a number"));
        }
        JsonValue params = msg.get("params");
        if (params != null && params.getValueType() != JsonValue.ValueType.OBJECT
                && params.getValueType() != JsonValue.ValueType.NULL) {
            return Optional.of(error(id, INVALID_PARAMS, "params must be an object"));
        }
        JsonObject p = params instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        switch (method) {
            case "initialize":
                if (inBatch) {
                    return Optional.of(error(id, INVALID_REQUEST, "initialize cannot be part of a batch"));
                }
                return Optional.of(initialize(id, p));
            case "ping":
                return Optional.of(result(id, JsonValue.EMPTY_JSON_OBJECT));
            case "tools/list":
                return Optional.of(toolsList(id));
            case "tools/call":
                return Optional.of(toolsCall(id, p, tools));
            default:
                return Optional.of(error(id, METHOD_NOT_FOUND, "method not found: " + method));
        }
    }

    private JsonObject initialize(JsonValue id, JsonObject params) {
        if (!(params.get("protocolVersion") instanceof JsonString requested)) {
            return error(id, INVALID_PARAMS, "initialize needs params.protocolVersion");
        }
        return result(id, Json.createObjectBuilder()
                .add("protocolVersion", negotiate(requested.getString()))
                .add("capabilities", Json.createObjectBuilder().add("tools", Json.createObjectBuilder().add("listChanged", false)))
                .add("serverInfo", Json.createObjectBuilder().add("name", MissionTools.SERVER_NAME).add("version", serverVersion))
                .add("instructions", INSTRUCTIONS).build());
    }

    /** The client's revision when this server speaks it, else the newest this server speaks. */
    public static String negotiate(String requested) {
        return VERSIONS.contains(requested) ? requested : LATEST;
    }

    private static JsonObject toolsList(JsonValue id) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        MissionTools.all().forEach(t -> list.add(MissionTools.listing(t)));
        return result(id, Json.createObjectBuilder().add("tools", list).build());
    }

    private static JsonObject toolsCall(JsonValue id, JsonObject params, MissionToolCalls tools) {
        if (!(params.get("name") instanceof JsonString name)) {
            return error(id, INVALID_PARAMS, "tools/call needs params.name");
        }
        Optional<ToolDefinition> tool = MissionTools.find(name.getString());
        if (tool.isEmpty()) {
            return error(id, INVALID_PARAMS, "unknown tool: " + name.getString());
        }
        JsonValue args = params.get("arguments");
        if (args != null && args.getValueType() != JsonValue.ValueType.OBJECT
                && args.getValueType() != JsonValue.ValueType.NULL) {
            return error(id, INVALID_PARAMS, "arguments must be an object");
        }
        JsonObject arguments = args instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        // Bad arguments are a result the model can read and correct, not a protocol error (MCP 2025-11-25).
        Optional<String> problem = MissionTools.check(tool.get(), arguments);
        ToolOutcome outcome;
        if (problem.isPresent()) {
            outcome = ToolOutcome.failure("invalid arguments for " + tool.get().name() + ": " + problem.get());
        } else {
            try {
                outcome = tools.call(tool.get().name(), arguments);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, tool.get().name() + " failed", e);
                outcome = ToolOutcome.failure(tool.get().name() + " failed inside Flightdeck; the server log has the details");
            }
        }
        return result(id, Json.createObjectBuilder()
                .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "text")
                        .add("text", outcome.text())))
                .add("isError", outcome.error()).build());
    }

    static JsonObject result(JsonValue id, JsonValue result) {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build();
    }

    static JsonObject error(JsonValue id, int code, String message) {
        JsonObjectBuilder e = Json.createObjectBuilder().add("code", code).add("message", message);
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("error", e).build();
    }

    private static String str(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
