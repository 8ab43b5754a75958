package it.flightdeck.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A local GraphQL endpoint for a tracker: every document is parsed and validated against a
 * hand-written subset of the tracker's real schema (field names and types as the tracker has them),
 * then executed against an in-memory board. Unknown fields and wrongly typed variables come back as
 * GraphQL errors, as from the real tracker, and are kept in {@link #invalidDocuments()} so a test can
 * fail loudly on them.
 */
public abstract class StubGraphQlServer implements AutoCloseable {
    /** One request as received. */
    public record Operation(String name, JsonObject variables, boolean valid) {
    }

    /** What the next calls answer instead of the board. */
    public enum Fault { RATE_LIMITED, HTTP_429, HTTP_500, SLOW }

    private static final List<String> BUILT_IN_SCALARS = List.of("String", "Int", "Float", "Boolean", "ID");

    private final HttpServer server;
    private final GraphQL graphQl;
    private final String expectedAuthorization;
    private final List<Operation> operations = new ArrayList<>();
    private final List<String> invalid = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private long slowMs = 2_000;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();

    protected StubGraphQlServer(String sdlResource, String expectedAuthorization, Consumer<RuntimeWiring.Builder> wiring) {
        this(sdlResource, expectedAuthorization, wiring, 0);
    }

    /** @param port a fixed port (the test server is told where its tracker is before it starts), or 0 */
    protected StubGraphQlServer(String sdlResource, String expectedAuthorization, Consumer<RuntimeWiring.Builder> wiring,
                                int port) {
        this.expectedAuthorization = expectedAuthorization;
        TypeDefinitionRegistry types = new SchemaParser().parse(resource(sdlResource));
        RuntimeWiring.Builder rw = RuntimeWiring.newRuntimeWiring();
        TypeResolver byTypename = env -> env.getSchema().getObjectType(
                String.valueOf(((Map<?, ?>) env.getObject()).get("__typename")));
        types.types().values().forEach(t -> {
            if (t instanceof graphql.language.InterfaceTypeDefinition || t instanceof graphql.language.UnionTypeDefinition) {
                rw.type(t.getName(), b -> b.typeResolver(byTypename));
            }
        });
        types.scalars().keySet().stream().filter(n -> !BUILT_IN_SCALARS.contains(n)).forEach(n -> rw.scalar(text(n)));
        wiring.accept(rw);
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types, rw.build());
        this.graphQl = GraphQL.newGraphQL(schema).build();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/graphql", this::handle);
        // Requests are served side by side, so a slow answer does not hold up the next request.
        server.setExecutor(executor);
        server.start();
    }

    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- what tests ask of the stub ----

    public synchronized List<Operation> operations() {
        return List.copyOf(operations);
    }

    public synchronized List<Operation> operations(String name) {
        return operations.stream().filter(o -> name.equals(o.name())).toList();
    }

    /** Documents the schema refused, with why: a correct client leaves this empty. */
    public synchronized List<String> invalidDocuments() {
        return List.copyOf(invalid);
    }

    /** The next {@code n} requests get this fault instead of an answer from the board. */
    public synchronized void failNext(int n, Fault fault) {
        for (int i = 0; i < n; i++) {
            faults.add(fault);
        }
    }

    /** How long a {@link Fault#SLOW} request waits before it is answered. */
    public synchronized void slowness(long ms) {
        slowMs = ms;
    }

    // ---- per tracker ----

    /** The in-memory board; requests run holding its lock, so tests read it between requests, never during one. */
    protected abstract Object board();

    /** The answer to a {@link Fault#RATE_LIMITED} request. */
    protected abstract void rateLimited(HttpExchange exchange) throws IOException;

    /** The answer to a request with the wrong credentials. */
    protected abstract void unauthorized(HttpExchange exchange) throws IOException;

    /** GitHub puts an error's {@code type} beside its message; Linear keeps codes in extensions. */
    protected JsonObject shapeError(JsonObject error) {
        return error;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Fault fault;
            long wait;
            synchronized (this) {
                fault = faults.poll();
                wait = slowMs;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{\"message\":\"POST only\"}");
                return;
            }
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized(exchange);
                return;
            }
            if (fault == Fault.SLOW) {
                try {
                    // The fault under test is latency: hold the answer this long, or until the stub closes.
                    closing.await(wait, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (fault == Fault.RATE_LIMITED) {
                rateLimited(exchange);
                return;
            } else if (fault == Fault.HTTP_429) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, 429, "{\"message\":\"too many requests\"}");
                return;
            } else if (fault == Fault.HTTP_500) {
                send(exchange, 500, "{\"message\":\"stub server error\"}");
                return;
            }
            JsonObject request = Json.createReader(new StringReader(new String(raw, StandardCharsets.UTF_8))).readObject();
            String query = request.getString("query", "");
            String name = request.containsKey("operationName") && !request.isNull("operationName")
                    ? request.getString("operationName") : null;
            JsonObject variables = request.containsKey("variables") && !request.isNull("variables")
                    ? request.getJsonObject("variables") : JsonValue.EMPTY_JSON_OBJECT;
            ExecutionResult result;
            synchronized (board()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> vars = (Map<String, Object>) toJava(variables);
                result = graphQl.execute(ExecutionInput.newExecutionInput().query(query).operationName(name).variables(vars).build());
                List<GraphQLError> refused = result.getErrors().stream()
                        .filter(e -> e.getErrorType() == ErrorType.ValidationError || e.getErrorType() == ErrorType.InvalidSyntax)
                        .toList();
                synchronized (this) {
                    refused.forEach(e -> invalid.add(name + ": " + e.getMessage()));
                    operations.add(new Operation(name, variables, refused.isEmpty()));
                }
            }
            JsonObject body = toJson(result.toSpecification()).asJsonObject();
            if (body.containsKey("errors")) {
                JsonArrayBuilder errors = Json.createArrayBuilder();
                body.getJsonArray("errors").forEach(e -> errors.add(shapeError(e.asJsonObject())));
                body = Json.createObjectBuilder(body).add("errors", errors).build();
            }
            send(exchange, 200, body.toString());
        } catch (RuntimeException e) {
            synchronized (this) {
                invalid.add("stub failure: " + e);
            }
            send(exchange, 500, "{\"message\":\"stub failure\"}");
        }
    }

    protected static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- JSON <-> Java ----

    static Object toJava(JsonValue v) {
        switch (v.getValueType()) {
            case OBJECT:
                Map<String, Object> m = new LinkedHashMap<>();
                v.asJsonObject().forEach((k, x) -> m.put(k, toJava(x)));
                return m;
            case ARRAY:
                List<Object> l = new ArrayList<>();
                ((JsonArray) v).forEach(x -> l.add(toJava(x)));
                return l;
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER:
                JsonNumber n = (JsonNumber) v;
                return n.isIntegral() ? (Object) n.bigIntegerValue() : n.bigDecimalValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    static JsonValue toJson(Object o) {
        if (o == null) {
            return JsonValue.NULL;
        }
        if (o instanceof Map<?, ?> m) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            m.forEach((k, x) -> b.add(String.valueOf(k), toJson(x)));
            return b.build();
        }
        if (o instanceof Iterable<?> it) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            it.forEach(x -> b.add(toJson(x)));
            return b.build();
        }
        if (o instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof BigInteger) {
            return Json.createValue(new BigInteger(o.toString()));
        }
        if (o instanceof Number num) {
            return Json.createValue(new BigDecimal(num.toString()));
        }
        return Json.createValue(o.toString());
    }

    /** A scalar that travels as a string (DateTime, URI, …). */
    private static GraphQLScalarType text(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) {
                return value.toString();
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                return input;
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                return input instanceof StringValue s ? s.getValue() : input.toString();
            }
        }).build();
    }

    private static String resource(String name) {
        try (InputStream in = StubGraphQlServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- helpers for the boards ----

    @SuppressWarnings("unchecked")
    protected static List<Object> list(Map<String, Object> o, String key) {
        return (List<Object>) o.computeIfAbsent(key, k -> new ArrayList<>());
    }

    /** A connection over a list: first/after (index cursors) or last. */
    protected static Map<String, Object> connection(List<?> all, Object first, Object after, Object last) {
        int start = after == null ? 0 : Integer.parseInt(after.toString()) + 1;
        int end = all.size();
        if (last != null) {
            start = Math.max(start, end - ((Number) last).intValue());
        }
        if (first != null) {
            end = Math.min(end, start + ((Number) first).intValue());
        }
        start = Math.min(start, end);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("nodes", new ArrayList<>(all.subList(start, end)));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("hasNextPage", end < all.size());
        info.put("hasPreviousPage", start > 0);
        info.put("endCursor", end == start ? null : String.valueOf(end - 1));
        info.put("startCursor", end == start ? null : String.valueOf(start));
        page.put("pageInfo", info);
        page.put("totalCount", all.size());
        return page;
    }
}
