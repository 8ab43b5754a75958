package it.flightdeck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted Anthropic Messages API, streaming included, that the real {@code claude} CLI talks to in
 * the end-to-end tests. The reply depends on the last user text:
 * <ul>
 * <li>{@code WRITE_FILE <absolute path>}: a Write tool call creating that file;</li>
 * <li>{@code RUN_BASH <command>}: a Bash tool call;</li>
 * <li>{@code SLOW}: text streamed over about a minute, to interrupt or steer;</li>
 * <li>{@code SUBAGENT <prompt>}: an Agent tool call (a foreground general-purpose subagent) whose prompt
 * is the rest; the subagent's own first request has that prompt as its last user text, so it follows
 * the same scripts (a {@code SUBAGENT RUN_BASH …} subagent runs a Bash call); for Codex, see
 * {@link #codexSubagent};</li>
 * <li>{@code ASK <question>}: an AskUserQuestion call offering Red and Blue;</li>
 * <li>{@code REQUEST_PERMISSIONS <json>}: Codex's request_permissions call with those arguments;</li>
 * <li>{@code MCP_CALL <tool> <json>}: a call of that mission tool on the {@code flightdeck} MCP server
 * (Claude: tool_use {@code mcp__flightdeck__<tool>}; Codex: a function_call in namespace
 * {@code mcp__flightdeck}), then text quoting its result;</li>
 * <li>{@code MISSION_RUN <pr url> <state>}: a mission run's turn in four tool calls, one per answer:
 * mission_get_issue, a {@code git commit} through the shell tool, mission_link_pr with the url, and
 * mission_set_status with the state; then text quoting every result;</li>
 * <li>{@code MISSION_WORK <file> <pr url> <state>}: a sandboxed run's turn in five calls: mission_get_issue,
 * a write of {@link #WRITTEN} to the file (an absolute path in the worktree), mission_commit with
 * {@link #COMMIT_MESSAGE}, mission_link_pr and mission_set_status; then text quoting every result;</li>
 * <li>Claude Code's prompt-suggestion request ({@link #SUGGESTION_REQUEST}): {@link #SUGGESTION}, kept
 * out of the lists of conversation requests;</li>
 * <li>anything else: one text reply that quotes it.</li>
 * </ul>
 * After a tool result, the reply is text that quotes the result, ending the turn. What the MCP scripts'
 * tools answered is kept by instruction ({@link #toolResultsOf}), and the tools each request offered in
 * {@link #offeredTools}.
 */
public final class ScriptedModel implements AutoCloseable {
    public static final String WRITTEN = "hello from the scripted model\n";
    static final int INPUT_TOKENS = 120;
    static final int OUTPUT_TOKENS = 17;
    /**
     * The rate-limit windows every Responses answer reports in the headers OpenAI's service sends
     * (x-codex-primary- and x-codex-secondary-), for the Codex app-server to pass on in
     * account/rateLimits/updated: percentages used, window lengths in minutes, and a fixed reset time.
     */
    static final int CODEX_PRIMARY_USED = 42;
    static final int CODEX_PRIMARY_MINUTES = 300;
    static final int CODEX_SECONDARY_USED = 7;
    static final int CODEX_SECONDARY_MINUTES = 10080;
    static final long RATE_LIMIT_RESETS_AT = 1_893_456_000L;

    private final HttpServer server;
    public final List<String> userTexts = new CopyOnWriteArrayList<>();
    /** Each request's whole message history as text, to check what a resumed agent remembers. */
    public final List<String> histories = new CopyOnWriteArrayList<>();
    public final AtomicInteger requests = new AtomicInteger();
    /**
     * How Claude Code's prompt-suggestion request starts its user text (it makes one after a turn's
     * result, from the second turn on), and the suggestion this model answers it with.
     */
    static final String SUGGESTION_REQUEST = "[SUGGESTION MODE:";
    public static final String SUGGESTION = "run the scripted tests";
    public final AtomicInteger suggestionRequests = new AtomicInteger();
    /** The service tier each Responses request asked for ("" when none). */
    public final List<String> serviceTiers = new CopyOnWriteArrayList<>();
    /** The model each request asked for. */
    public final List<String> models = new CopyOnWriteArrayList<>();
    /** Each Messages request's system prompt, as JSON text. */
    public final List<String> systems = new CopyOnWriteArrayList<>();
    /**
     * The tools each request offered the model, by the name the model calls them: Claude's as they are
     * ({@code mcp__flightdeck__mission_get_issue}), Codex's namespaced ones as {@code namespace/name}.
     */
    public final List<List<String>> offeredTools = new CopyOnWriteArrayList<>();
    /** The tool results an MCP script's turn has had so far, by the instruction that started it. */
    private final java.util.Map<String, List<String>> mcpResults = new java.util.concurrent.ConcurrentHashMap<>();

    /** The MCP server the scripts call, as Flightdeck names it to both CLIs. */
    public static final String MCP_SERVER = "flightdeck";
    public static final String COMMIT_MESSAGE = "Mission work by the scripted model";
    /** The description of the subagent a SUBAGENT instruction starts. */
    public static final String SUBAGENT_LABEL = "scripted subagent";

    /**
     * The model a test class talks to, started before its first test and stopped after its last:
     * {@code @RegisterExtension static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();}
     */
    public static final class PerClass implements org.junit.jupiter.api.extension.BeforeAllCallback,
            org.junit.jupiter.api.extension.AfterAllCallback {
        private ScriptedModel model;

        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) throws IOException {
            model = new ScriptedModel(Integer.getInteger("it.scripted.model.port", 4199));
        }

        @Override
        public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            model.close();
        }

        public ScriptedModel get() {
            return model;
        }
    }

    public ScriptedModel(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The whole history the model was sent in the last request that mentioned {@code marker}. */
    public String historyOf(String marker) {
        List<String> h = new java.util.ArrayList<>(histories);
        for (int i = h.size() - 1; i >= 0; i--) {
            if (h.get(i).contains(marker)) {
                return h.get(i);
            }
        }
        throw new AssertionError("the model never saw " + marker);
    }

    /** The port it listens on (the one asked for, or the one the system chose for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The tool results of the one scripted turn whose instruction starts so (empty before any). */
    public List<String> toolResultsStartingWith(String prefix) {
        return mcpResults.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(java.util.Map.Entry::getValue)
                .findFirst().orElse(List.of());
    }

    /** The tool results the turn started by this instruction has had, in order (empty before any). */
    public List<String> toolResultsOf(String instruction) {
        return mcpResults.getOrDefault(instruction.strip(), List.of());
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }

    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

    /**
     * The faults a turn can ask for by its first words: {@code MODEL_ERROR} is answered with a 400 the
     * CLI does not retry (the turn fails), {@code HANG} is never answered while the model runs (the
     * turn makes no progress, as a stuck provider would). True when the fault was the answer.
     */
    private boolean fault(HttpExchange ex, String instruction, String toolResult, boolean openAi) throws IOException {
        String t = instruction == null ? "" : instruction.strip();
        if (toolResult != null) {
            return false;
        }
        if (t.startsWith("MODEL_ERROR")) {
            JsonObject error = openAi
                    ? Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("type", "invalid_request_error")
                            .add("message", "scripted model failure")).build()
                    : Json.createObjectBuilder().add("type", "error").add("error", Json.createObjectBuilder()
                            .add("type", "invalid_request_error").add("message", "scripted model failure")).build();
            byte[] bytes = error.toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(400, bytes.length);
            ex.getResponseBody().write(bytes);
            return true;
        }
        if (t.startsWith("HANG")) {
            try {
                closing.await(180, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(503, -1);
            return true;
        }
        return false;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!"POST".equals(ex.getRequestMethod())) {
                json(ex, Json.createObjectBuilder().add("data", JsonValue.EMPTY_JSON_ARRAY)
                        .add("models", JsonValue.EMPTY_JSON_ARRAY).build());
                return;
            }
            JsonObject body;
            try (var r = Json.createReader(new StringReader(new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)))) {
                body = r.readObject();
            }
            if (path.endsWith("/count_tokens")) {
                json(ex, Json.createObjectBuilder().add("input_tokens", INPUT_TOKENS).build());
                return;
            }
            requests.incrementAndGet();
            if (path.endsWith("/responses")) {
                responses(ex, body);
                return;
            }
            JsonObject lastUser = lastUser(body.getJsonArray("messages"));
            String text = userText(lastUser);
            String toolResult = toolResult(lastUser);
            if (text.startsWith(SUGGESTION_REQUEST)) {
                // Not a turn of the conversation: kept apart, so the lists above stay the conversation's.
                suggestionRequests.incrementAndGet();
                answer(ex, body, new Reply(SUGGESTION, null, null, false));
                return;
            }
            userTexts.add(text);
            histories.add(body.getJsonArray("messages").toString());
            models.add(body.getString("model", ""));
            systems.add(String.valueOf(body.get("system")));
            List<String> tools = new java.util.ArrayList<>();
            if (body.get("tools") instanceof JsonArray offered) {
                offered.forEach(t -> tools.add(t.asJsonObject().getString("name", "")));
            }
            offeredTools.add(tools);
            if (fault(ex, text, toolResult, false)) {
                return;
            }
            answer(ex, body, mcpScript(anthropicTurn(body.getJsonArray("messages"))).orElseGet(() -> script(text, toolResult)));
        }
    }

    /** A Messages answer, streamed when the request asked for a stream. */
    private static void answer(HttpExchange ex, JsonObject body, Reply reply) throws IOException {
        if (body.getBoolean("stream", false)) {
            stream(ex, body.getString("model", "claude-scripted"), reply);
        } else {
            json(ex, message(body.getString("model", "claude-scripted"), reply));
        }
    }

    /**
     * One scripted reply: text, or a tool call; {@code slow} streams the text over time. A call of a
     * tool in a Codex namespace (an MCP server's, Codex's multi-agent tools) has the namespace and the
     * tool's own name in {@code namespace} and {@code function}.
     */
    record Reply(String text, String toolName, JsonObject toolInput, boolean slow, String namespace, String function) {
        Reply(String text, String toolName, JsonObject toolInput, boolean slow) {
            this(text, toolName, toolInput, slow, null, null);
        }

        static Reply mcp(String tool, JsonObject input) {
            return new Reply(null, "mcp__" + MCP_SERVER + "__" + tool, input, false, "mcp__" + MCP_SERVER, tool);
        }

        static Reply codexAgents(String tool, JsonObject input) {
            return new Reply(null, tool, input, false, CODEX_AGENTS, tool);
        }
    }

    /** The namespace of the multi-agent tools Codex offers when its multi_agent feature is on. */
    public static final String CODEX_AGENTS = "multi_agent_v1";

    /**
     * Codex's SUBAGENT, when Codex offers its multi-agent tools: spawn_agent with the prompt, then
     * wait_agent on the id it answered, then (by {@link #script}) text quoting what the wait returned.
     * The subagent's own first request has the prompt as its user text, so it follows the scripts too.
     */
    static Optional<Reply> codexSubagent(Turn turn, List<String> offered) {
        String t = turn.instruction().strip();
        if (!t.startsWith("SUBAGENT ") || !offered.contains(CODEX_AGENTS + "/spawn_agent")) {
            return Optional.empty();
        }
        return switch (turn.results().size()) {
            case 0 -> Optional.of(Reply.codexAgents("spawn_agent", Json.createObjectBuilder()
                    .add("message", t.substring("SUBAGENT ".length()).strip()).build()));
            case 1 -> {
                String id;
                try (var r = Json.createReader(new StringReader(turn.results().get(0)))) {
                    id = r.readObject().getString("agent_id");
                }
                yield Optional.of(Reply.codexAgents("wait_agent", Json.createObjectBuilder()
                        .add("targets", Json.createArrayBuilder().add(id)).add("timeout_ms", 60_000).build()));
            }
            default -> Optional.empty();
        };
    }

    /** The instruction a turn started with, and the tool results it has had since. */
    record Turn(String instruction, List<String> results) {
    }

    /**
     * The reply of an MCP script (MCP_CALL, MISSION_RUN), or empty for every other instruction. Each
     * tool result moves the script one step on, so one instruction drives a whole multi-call turn.
     */
    Optional<Reply> mcpScript(Turn turn) {
        String t = turn.instruction().strip();
        if (!t.startsWith("MCP_CALL ") && !t.startsWith("MISSION_RUN ") && !t.startsWith("MISSION_WORK ")) {
            return Optional.empty();
        }
        mcpResults.put(t, List.copyOf(turn.results()));
        int step = turn.results().size();
        if (t.startsWith("MCP_CALL ")) {
            String rest = t.substring("MCP_CALL ".length()).strip();
            int space = rest.indexOf(' ');
            String tool = space < 0 ? rest : rest.substring(0, space);
            JsonObject args;
            try (var r = Json.createReader(new StringReader(space < 0 ? "{}" : rest.substring(space + 1)))) {
                args = r.readObject();
            }
            return Optional.of(step == 0 ? Reply.mcp(tool, args)
                    : new Reply("Tool finished: " + turn.results().get(step - 1).strip(), null, null, false));
        }
        if (t.startsWith("MISSION_WORK ")) {
            return Optional.of(missionWork(t.substring("MISSION_WORK ".length()).strip().split(" ", 3), turn, step));
        }
        String[] words = t.substring("MISSION_RUN ".length()).strip().split(" ", 2);
        String url = words[0];
        String state = words.length > 1 ? words[1].strip() : "In Review";
        switch (step) {
            case 0:
                return Optional.of(Reply.mcp("mission_get_issue", JsonValue.EMPTY_JSON_OBJECT));
            case 1:
                return Optional.of(new Reply(null, "Bash", Json.createObjectBuilder()
                        .add("command", "git add -A && git -c user.name=Scripted -c user.email=scripted@example.invalid"
                                + " commit -q --allow-empty -m '" + COMMIT_MESSAGE + "' && git log -1 --format=%s")
                        .add("description", "commit the mission's work").build(), false));
            case 2:
                return Optional.of(Reply.mcp("mission_link_pr", Json.createObjectBuilder().add("url", url)
                        .add("title", "Scripted pull request").build()));
            case 3:
                return Optional.of(Reply.mcp("mission_set_status", Json.createObjectBuilder().add("state", state).build()));
            default:
                return Optional.of(new Reply("Mission run done: " + String.join(" | ", turn.results()), null, null, false));
        }
    }

    private static Reply missionWork(String[] words, Turn turn, int step) {
        switch (step) {
            case 0:
                return Reply.mcp("mission_get_issue", JsonValue.EMPTY_JSON_OBJECT);
            case 1:
                return new Reply(null, "Write", Json.createObjectBuilder().add("file_path", words[0])
                        .add("content", WRITTEN).build(), false);
            case 2:
                return Reply.mcp("mission_commit", Json.createObjectBuilder().add("message", COMMIT_MESSAGE).build());
            case 3:
                return Reply.mcp("mission_link_pr", Json.createObjectBuilder().add("url", words[1])
                        .add("title", "Scripted pull request").build());
            case 4:
                return Reply.mcp("mission_set_status", Json.createObjectBuilder().add("state", words[2].strip()).build());
            default:
                return new Reply("Mission run done: " + String.join(" | ", turn.results()), null, null, false);
        }
    }

    /** Claude's turn: the last user text, and the tool results of the messages after it. */
    private static Turn anthropicTurn(JsonArray messages) {
        String instruction = "";
        List<String> results = new java.util.ArrayList<>();
        for (JsonValue m : messages) {
            if (!(m instanceof JsonObject o) || !"user".equals(o.getString("role", ""))) {
                continue;
            }
            String text = userText(o);
            if (!text.isEmpty() && toolResult(o) == null) {
                instruction = text;
                results.clear();
            }
            if (o.get("content") instanceof JsonArray blocks) {
                for (JsonValue b : blocks) {
                    if (b instanceof JsonObject r && "tool_result".equals(r.getString("type", ""))) {
                        JsonValue c = r.get("content");
                        results.add(c instanceof jakarta.json.JsonString s ? s.getString() : resultText(c));
                    }
                }
            }
        }
        return new Turn(instruction, results);
    }

    /** A tool result's text blocks, joined; MCP results come as blocks. */
    private static String resultText(JsonValue content) {
        if (content instanceof JsonArray blocks) {
            StringBuilder out = new StringBuilder();
            for (JsonValue b : blocks) {
                // Claude gives MCP results as text blocks, Codex as input_text items.
                if (b instanceof JsonObject o && o.get("text") instanceof jakarta.json.JsonString t) {
                    out.append(out.length() == 0 ? "" : "\n").append(t.getString());
                }
            }
            return out.toString();
        }
        return String.valueOf(content);
    }

    static Reply script(String text, String toolResult) {
        if (toolResult != null) {
            return new Reply("Tool finished: " + toolResult.strip(), null, null, false);
        }
        String t = text.strip();
        if (t.startsWith("WRITE_FILE ")) {
            String path = t.substring("WRITE_FILE ".length()).strip();
            return new Reply(null, "Write", Json.createObjectBuilder().add("file_path", path)
                    .add("content", WRITTEN).build(), false);
        }
        if (t.startsWith("RUN_BASH ")) {
            return new Reply(null, "Bash", Json.createObjectBuilder().add("command", t.substring(9).strip())
                    .add("description", "scripted command").build(), false);
        }
        if (t.startsWith("ASK ")) {
            return new Reply(null, "AskUserQuestion", Json.createObjectBuilder().add("questions", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("question", t.substring(4).strip()).add("header", "Color")
                            .add("multiSelect", false).add("options", Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder().add("label", "Red").add("description", "warm"))
                                    .add(Json.createObjectBuilder().add("label", "Blue").add("description", "cool")))))
                    .build(), false);
        }
        if (t.startsWith("REQUEST_PERMISSIONS ")) {
            try (var r = Json.createReader(new StringReader(t.substring("REQUEST_PERMISSIONS ".length())))) {
                return new Reply(null, "request_permissions", r.readObject(), false);
            }
        }
        if (t.startsWith("SUBAGENT ")) {
            return new Reply(null, "Agent", Json.createObjectBuilder().add("description", SUBAGENT_LABEL)
                    .add("prompt", t.substring("SUBAGENT ".length()).strip()).add("subagent_type", "general-purpose")
                    .add("run_in_background", false).build(), false);
        }
        if (t.startsWith("SLOW")) {
            return new Reply("This reply takes its time.", null, null, true);
        }
        return new Reply("Scripted reply to: " + t, null, null, false);
    }

    private static JsonObject lastUser(JsonArray messages) {
        JsonObject last = null;
        for (JsonValue m : messages) {
            if (m instanceof JsonObject o && "user".equals(o.getString("role", ""))) {
                last = o;
            }
        }
        return last == null ? JsonValue.EMPTY_JSON_OBJECT : last;
    }

    /** The last text block of a user message that is not a system reminder. */
    private static String userText(JsonObject user) {
        JsonValue content = user.get("content");
        if (content instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        String text = "";
        if (content instanceof JsonArray blocks) {
            for (JsonValue b : blocks) {
                if (b instanceof JsonObject o && "text".equals(o.getString("type", ""))
                        && !o.getString("text", "").startsWith("<system-reminder>")) {
                    text = o.getString("text");
                }
            }
        }
        return text;
    }

    private static String toolResult(JsonObject user) {
        if (user.get("content") instanceof JsonArray blocks) {
            for (JsonValue b : blocks) {
                if (b instanceof JsonObject o && "tool_result".equals(o.getString("type", ""))) {
                    JsonValue c = o.get("content");
                    return c instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(c);
                }
            }
        }
        return null;
    }

    private static JsonObject usage(int output) {
        return Json.createObjectBuilder().add("input_tokens", INPUT_TOKENS).add("output_tokens", output)
                .add("cache_read_input_tokens", 0).add("cache_creation_input_tokens", 0).build();
    }

    private static JsonObject message(String model, Reply reply) {
        JsonObjectBuilder block = reply.toolName() == null
                ? Json.createObjectBuilder().add("type", "text").add("text", reply.text())
                : Json.createObjectBuilder().add("type", "tool_use").add("id", toolId()).add("name", reply.toolName())
                        .add("input", reply.toolInput());
        return Json.createObjectBuilder().add("id", "msg_" + System.nanoTime()).add("type", "message")
                .add("role", "assistant").add("model", model).add("content", Json.createArrayBuilder().add(block))
                .add("stop_reason", reply.toolName() == null ? "end_turn" : "tool_use").addNull("stop_sequence")
                .add("usage", usage(OUTPUT_TOKENS)).build();
    }

    private static String toolId() {
        return "toolu_" + Long.toHexString(System.nanoTime());
    }

    private static void stream(HttpExchange ex, String model, Reply reply) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        event(out, "message_start", Json.createObjectBuilder().add("type", "message_start").add("message",
                Json.createObjectBuilder().add("id", "msg_" + System.nanoTime()).add("type", "message")
                        .add("role", "assistant").add("model", model).add("content", JsonValue.EMPTY_JSON_ARRAY)
                        .addNull("stop_reason").addNull("stop_sequence").add("usage", usage(1))).build());
        if (reply.toolName() != null) {
            event(out, "content_block_start", Json.createObjectBuilder().add("type", "content_block_start")
                    .add("index", 0).add("content_block", Json.createObjectBuilder().add("type", "tool_use")
                            .add("id", toolId()).add("name", reply.toolName())
                            .add("input", JsonValue.EMPTY_JSON_OBJECT)).build());
            event(out, "content_block_delta", Json.createObjectBuilder().add("type", "content_block_delta")
                    .add("index", 0).add("delta", Json.createObjectBuilder().add("type", "input_json_delta")
                            .add("partial_json", reply.toolInput().toString())).build());
        } else {
            event(out, "content_block_start", Json.createObjectBuilder().add("type", "content_block_start")
                    .add("index", 0).add("content_block", Json.createObjectBuilder().add("type", "text")
                            .add("text", "")).build());
            int pieces = reply.slow() ? 60 : 1;
            for (int i = 0; i < pieces; i++) {
                event(out, "content_block_delta", Json.createObjectBuilder().add("type", "content_block_delta")
                        .add("index", 0).add("delta", Json.createObjectBuilder().add("type", "text_delta")
                                .add("text", i == 0 ? reply.text() : " ...")).build());
                if (reply.slow()) {
                    sleep(1000);
                }
            }
        }
        event(out, "content_block_stop", Json.createObjectBuilder().add("type", "content_block_stop").add("index", 0).build());
        event(out, "message_delta", Json.createObjectBuilder().add("type", "message_delta")
                .add("delta", Json.createObjectBuilder().add("stop_reason", reply.toolName() == null ? "end_turn" : "tool_use")
                        .addNull("stop_sequence"))
                .add("usage", Json.createObjectBuilder().add("output_tokens", OUTPUT_TOKENS)).build());
        event(out, "message_stop", Json.createObjectBuilder().add("type", "message_stop").build());
    }

    /**
     * The OpenAI Responses API, streaming, as Codex calls it: the same script, where a shell command is
     * an exec_command function call and a tool result is the function_call_output after the user's text.
     */
    private void responses(HttpExchange ex, JsonObject body) throws IOException {
        JsonArray input = body.getJsonArray("input");
        String text = "";
        String toolResult = null;
        List<String> results = new java.util.ArrayList<>();
        for (JsonValue v : input) {
            JsonObject item = v.asJsonObject();
            if ("message".equals(item.getString("type", "message")) && "user".equals(item.getString("role", ""))
                    && item.get("content") instanceof JsonArray parts) {
                for (JsonValue p : parts) {
                    String t = p.asJsonObject().getString("text", "");
                    if ("input_text".equals(p.asJsonObject().getString("type", "")) && !t.startsWith("<")) {
                        text = t;
                        toolResult = null;
                        results.clear();
                    }
                }
            } else if ("function_call_output".equals(item.getString("type", ""))) {
                JsonValue out = item.get("output");
                toolResult = out instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(out);
                results.add(out instanceof JsonArray ? resultText(out) : toolResult);
            }
        }
        userTexts.add(text);
        histories.add(input.toString());
        models.add(body.getString("model", ""));
        serviceTiers.add(body.getString("service_tier", ""));
        List<String> tools = new java.util.ArrayList<>();
        if (body.get("tools") instanceof JsonArray offered) {
            for (JsonValue t : offered) {
                JsonObject tool = t.asJsonObject();
                if ("namespace".equals(tool.getString("type", "")) && tool.get("tools") instanceof JsonArray inner) {
                    inner.forEach(f -> tools.add(tool.getString("name", "") + "/" + f.asJsonObject().getString("name", "")));
                } else {
                    tools.add(tool.getString("name", tool.getString("type", "")));
                }
            }
        }
        offeredTools.add(tools);
        String instruction = text;
        String lastResult = toolResult;
        if (fault(ex, instruction, lastResult, true)) {
            return;
        }
        Turn turn = new Turn(text, results);
        Reply reply = codexSubagent(turn, tools).or(() -> mcpScript(turn)).orElseGet(() -> script(instruction, lastResult));
        ex.getResponseHeaders().set("x-codex-primary-used-percent", String.valueOf(CODEX_PRIMARY_USED));
        ex.getResponseHeaders().set("x-codex-primary-window-minutes", String.valueOf(CODEX_PRIMARY_MINUTES));
        ex.getResponseHeaders().set("x-codex-primary-reset-at", String.valueOf(RATE_LIMIT_RESETS_AT));
        ex.getResponseHeaders().set("x-codex-secondary-used-percent", String.valueOf(CODEX_SECONDARY_USED));
        ex.getResponseHeaders().set("x-codex-secondary-window-minutes", String.valueOf(CODEX_SECONDARY_MINUTES));
        ex.getResponseHeaders().set("x-codex-secondary-reset-at", String.valueOf(RATE_LIMIT_RESETS_AT));
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        String id = "resp_" + System.nanoTime();
        event(out, "response.created", Json.createObjectBuilder().add("type", "response.created").add("response",
                Json.createObjectBuilder().add("id", id).add("status", "in_progress").add("output", JsonValue.EMPTY_JSON_ARRAY)).build());
        JsonObject item;
        if ("request_permissions".equals(reply.toolName())) {
            item = Json.createObjectBuilder().add("type", "function_call").add("id", "fc_" + System.nanoTime())
                    .add("call_id", "call_" + System.nanoTime()).add("name", "request_permissions")
                    .add("arguments", reply.toolInput().toString()).add("status", "completed").build();
            event(out, "response.output_item.added", Json.createObjectBuilder().add("type", "response.output_item.added")
                    .add("output_index", 0).add("item", item).build());
        } else if (reply.function() != null) {
            // Codex offers an MCP server's tools (and its own multi-agent tools) as one namespace tool
            // and resolves a call by both names.
            item = Json.createObjectBuilder().add("type", "function_call").add("id", "fc_" + System.nanoTime())
                    .add("call_id", "call_" + System.nanoTime()).add("namespace", reply.namespace())
                    .add("name", reply.function()).add("arguments", reply.toolInput().toString())
                    .add("status", "completed").build();
            event(out, "response.output_item.added", Json.createObjectBuilder().add("type", "response.output_item.added")
                    .add("output_index", 0).add("item", item).build());
        } else if (reply.toolName() != null) {
            String cmd = "Bash".equals(reply.toolName()) ? reply.toolInput().getString("command")
                    : "printf '" + WRITTEN.strip() + "\\n' > " + reply.toolInput().getString("file_path", "written.txt");
            item = Json.createObjectBuilder().add("type", "function_call").add("id", "fc_" + System.nanoTime())
                    .add("call_id", "call_" + System.nanoTime()).add("name", "exec_command")
                    // No login shell and no PTY, and time to finish: the command's own result, not "still running".
                    .add("arguments", Json.createObjectBuilder().add("cmd", cmd).add("login", false).add("tty", false)
                            .add("yield_time_ms", 30_000).build().toString())
                    .add("status", "completed").build();
            event(out, "response.output_item.added", Json.createObjectBuilder().add("type", "response.output_item.added")
                    .add("output_index", 0).add("item", item).build());
        } else {
            String msgId = "msg_" + System.nanoTime();
            item = Json.createObjectBuilder().add("type", "message").add("id", msgId).add("role", "assistant")
                    .add("status", "completed").add("content", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "output_text").add("text", reply.text()).add("annotations", JsonValue.EMPTY_JSON_ARRAY)))
                    .build();
            event(out, "response.output_item.added", Json.createObjectBuilder().add("type", "response.output_item.added")
                    .add("output_index", 0).add("item", Json.createObjectBuilder(item).add("status", "in_progress")
                            .add("content", JsonValue.EMPTY_JSON_ARRAY)).build());
            int pieces = reply.slow() ? 60 : 1;
            for (int i = 0; i < pieces; i++) {
                event(out, "response.output_text.delta", Json.createObjectBuilder().add("type", "response.output_text.delta")
                        .add("output_index", 0).add("item_id", msgId).add("content_index", 0)
                        .add("delta", i == 0 ? reply.text() : " ...").build());
                if (reply.slow()) {
                    sleep(1000);
                }
            }
        }
        event(out, "response.output_item.done", Json.createObjectBuilder().add("type", "response.output_item.done")
                .add("output_index", 0).add("item", item).build());
        event(out, "response.completed", Json.createObjectBuilder().add("type", "response.completed").add("response",
                Json.createObjectBuilder().add("id", id).add("status", "completed").add("output", Json.createArrayBuilder().add(item))
                        .add("usage", Json.createObjectBuilder().add("input_tokens", INPUT_TOKENS)
                                .add("input_tokens_details", Json.createObjectBuilder().add("cached_tokens", 0))
                                .add("output_tokens", OUTPUT_TOKENS)
                                .add("output_tokens_details", Json.createObjectBuilder().add("reasoning_tokens", 0))
                                .add("total_tokens", INPUT_TOKENS + OUTPUT_TOKENS))).build());
    }

    private static void event(OutputStream out, String name, JsonObject data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void json(HttpExchange ex, JsonObject o) throws IOException {
        byte[] b = o.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
