package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.claude.ClaudeProtocol;
import dev.flightdeck.core.codex.CodexProtocol;
import dev.flightdeck.core.connector.ApprovalDecision;
import dev.flightdeck.core.connector.LaunchSpec;
import dev.flightdeck.core.connector.ProcessEnv;
import dev.flightdeck.core.mission.tools.McpProtocol;
import dev.flightdeck.core.mission.tools.MissionToolCalls;
import dev.flightdeck.core.mission.tools.MissionTools;
import dev.flightdeck.core.mission.tools.ToolGrant;
import dev.flightdeck.core.mission.tools.ToolOutcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real claude and codex, launched with exactly the command line and environment Flightdeck's
 * connectors give a mission run's agent ({@link ClaudeProtocol#command}, {@link CodexProtocol#appServerCommand},
 * {@link ProcessEnv#withMissionToken}), against the scripted model and an MCP server that runs
 * Flightdeck's own {@link McpProtocol}. Each must list the eight tools, call them with the bearer
 * token, and get their results back into the conversation; a mission run's turn (MISSION_RUN) runs
 * through on both. What each CLI sent is printed, for the record.
 */
class MissionToolsCliIT {
    static final String TOKEN = "fdk_" + UUID.randomUUID().toString().replace("-", "");
    static final long TURN_SECONDS = 120;

    static ScriptedModel model;
    static TestMcpServer mcp;
    static final List<String> toolCalls = new CopyOnWriteArrayList<>();

    /** The tools as a fake run: fixed issue, and each call recorded. */
    static final MissionToolCalls TOOLS = (tool, args) -> {
        toolCalls.add(tool + " " + args);
        switch (tool) {
            case MissionTools.GET_ISSUE:
                return ToolOutcome.ok(Json.createObjectBuilder().add("identifier", "ENG-42").add("title", "Scripted issue")
                        .add("description", "Make it work").add("state", "In Progress").add("url", "https://linear.example/ENG-42")
                        .add("labels", Json.createArrayBuilder().add("agent")).add("priority", 2).build());
            case MissionTools.LINK_PR:
                return ToolOutcome.ok(Json.createObjectBuilder().add("linked", true).add("url", args.getString("url")).build());
            case MissionTools.SET_STATUS:
                return ToolOutcome.ok(Json.createObjectBuilder().add("updated", true).add("state", args.getString("state"))
                        .add("terminal", false).build());
            default:
                return ToolOutcome.failure("not scripted: " + tool);
        }
    };

    @BeforeAll
    static void start() throws IOException {
        model = new ScriptedModel(0);
        mcp = new TestMcpServer(TOKEN, TOOLS);
    }

    @AfterAll
    static void stop() {
        System.out.println("MCP requests as the CLIs sent them:");
        mcp.seen.forEach(s -> System.out.println("  " + s));
        model.close();
        mcp.close();
    }

    static Path bin(String property) {
        Path p = Path.of(System.getProperty(property, ""));
        assertThat(p).as(property + " (the pinned CLI, installed by the build)").isExecutable();
        return p;
    }

    static JsonObject json(String line) {
        try (var r = Json.createReader(new StringReader(line))) {
            return r.readObject();
        }
    }

    /** A CLI process and its stdout lines as they come. */
    static final class Cli implements AutoCloseable {
        final Process process;
        final BlockingQueue<JsonObject> lines = new LinkedBlockingQueue<>();
        final List<JsonObject> all = new CopyOnWriteArrayList<>();
        private final OutputStream stdin;

        Cli(List<String> command, Path cwd, Map<String, String> env, Path stderr) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()));
            pb.environment().clear();
            pb.environment().putAll(env);
            process = pb.start();
            stdin = process.getOutputStream();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (line.startsWith("{")) {
                            JsonObject o = json(line);
                            all.add(o);
                            lines.add(o);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // The process ended.
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        synchronized void write(String line) throws IOException {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        /** Lines until one matches; {@code each} sees every line first (to answer requests). */
        JsonObject until(Predicate<JsonObject> done, java.util.function.Consumer<JsonObject> each) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TURN_SECONDS);
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                assertThat(line).as("the CLI's line before the deadline; it printed " + all).isNotNull();
                each.accept(line);
                if (done.test(line)) {
                    return line;
                }
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    static Map<String, String> baseEnv(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        return env;
    }

    // ---------------------------------------------------------------- Claude

    /** Claude's permission requests, by tool: answered by the bridge (mission tools) or by "a human". */
    final List<String> claudeAsked = new CopyOnWriteArrayList<>();
    final List<String> claudeAutoAllowed = new CopyOnWriteArrayList<>();

    Cli claude(Path cwd) throws IOException {
        Path home = Files.createTempDirectory("fd-mcp-claude-home-");
        Path config = Files.createTempFile(home, "mcp-", ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(config, ClaudeProtocol.missionMcpConfig(new ToolGrant(mcp.url(), TOKEN)));
        LaunchSpec spec = new LaunchSpec("it-mission", cwd, null, null, null, false, null, null, List.of(), List.of(),
                null, false, List.of(), null, null);
        Map<String, String> env = baseEnv(home);
        env.put("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + model.port());
        env.put("ANTHROPIC_API_KEY", "scripted");
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        env.put("DISABLE_TELEMETRY", "1");
        env.put("DISABLE_AUTOUPDATER", "1");
        env.putAll(ClaudeProtocol.MISSION_ENV);
        Cli cli = new Cli(ClaudeProtocol.command(bin("it.claude.bin").toString(), spec, null, config), cwd, env,
                home.resolve("stderr.log"));
        cli.write(ClaudeProtocol.initialize("it_1"));
        return cli;
    }

    /** One Claude turn: sends the text, answers permission requests, returns the result line. */
    JsonObject claudeTurn(Cli cli, String text) throws Exception {
        cli.write(ClaudeProtocol.userMessage(text, List.of(), UUID.randomUUID().toString()));
        return cli.until(l -> "result".equals(l.getString("type", "")), line -> {
            if (!"control_request".equals(line.getString("type", ""))) {
                return;
            }
            try {
                var allow = ClaudeProtocol.missionToolApproval(line);
                if (allow.isPresent()) {
                    claudeAutoAllowed.add(line.getJsonObject("request").getString("tool_name"));
                    cli.write(allow.get());
                } else if ("can_use_tool".equals(line.getJsonObject("request").getString("subtype", ""))) {
                    JsonObject req = line.getJsonObject("request");
                    claudeAsked.add(req.getString("tool_name"));
                    cli.write(ClaudeProtocol.permission(line.getString("request_id"), req.getString("tool_name"),
                            new ApprovalDecision("approved", null, false, null), req.getJsonObject("input")));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void claudeListsCallsAndReadsTheMissionTools() throws Exception {
        Path cwd = Files.createTempDirectory("fd-mcp-claude-");
        int before = mcp.seen.size();
        String instruction = "MCP_CALL mission_get_issue {}";
        try (Cli cli = claude(cwd)) {
            JsonObject result = claudeTurn(cli, instruction);
            assertThat(result.getString("result", "")).contains("Tool finished").contains("ENG-42");
            // Claude says what it loaded once the first message came.
            JsonObject init = cli.all.stream().filter(l -> "init".equals(l.getString("subtype", ""))).findFirst().orElseThrow();
            assertThat(init.getJsonArray("mcp_servers").getJsonObject(0).getString("name")).isEqualTo("flightdeck");
            assertThat(init.getJsonArray("mcp_servers").getJsonObject(0).getString("status")).isEqualTo("connected");
            assertThat(init.getJsonArray("tools").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString).toList()).containsAll(ClaudeProtocol.missionToolNames());
        }
        List<TestMcpServer.Seen> mine = mcp.seen.subList(before, mcp.seen.size());
        assertThat(model.toolResultsOf(instruction)).singleElement().asString().contains("\"identifier\":\"ENG-42\"");
        assertThat(model.offeredTools).anySatisfy(t -> assertThat(t).containsAll(ClaudeProtocol.missionToolNames()));
        assertThat(claudeAsked).as("no mission tool waits for a human").noneMatch(t -> t.startsWith("mcp__flightdeck__"));
        assertSpoke(mine, "2025-11-25");
    }

    @Test
    void claudeRunsAMissionTurn() throws Exception {
        Path repo = GitRepo.create("fd-mcp-claude-run-", "README.md");
        String instruction = "MISSION_RUN https://github.com/acme/app/pull/7 In Review";
        try (Cli cli = claude(repo)) {
            JsonObject result = claudeTurn(cli, instruction);
            assertThat(result.getString("result", "")).startsWith("Mission run done");
        }
        assertMissionRun(repo, instruction);
    }

    // ---------------------------------------------------------------- Codex

    final List<String> codexRequests = new CopyOnWriteArrayList<>();

    Cli codex(Path cwd) throws Exception {
        Path home = Files.createTempDirectory("fd-mcp-codex-home-");
        Path codexHome = Files.createDirectories(home.resolve("codex-home"));
        Files.writeString(codexHome.resolve("config.toml"), String.join("\n", "model = \"gpt-scripted\"",
                "model_provider = \"scripted\"", "", "[model_providers.scripted]", "name = \"scripted\"",
                "base_url = \"http://127.0.0.1:" + model.port() + "/v1\"", "wire_api = \"responses\"",
                "env_key = \"SCRIPTED_API_KEY\"", ""));
        Map<String, String> env = baseEnv(home);
        env.put("CODEX_HOME", codexHome.toString());
        env.put("SCRIPTED_API_KEY", "scripted");
        env = ProcessEnv.withMissionToken(env, TOKEN);
        Cli cli = new Cli(CodexProtocol.appServerCommand(bin("it.codex.bin").toString(), new ToolGrant(mcp.url(), TOKEN), null),
                cwd, env, home.resolve("stderr.log"));
        cli.write(CodexProtocol.request(1, "initialize", CodexProtocol.initialize("it")));
        cli.until(l -> l.containsKey("id") && l.getInt("id", -1) == 1 && l.containsKey("result"), l -> { });
        cli.write(CodexProtocol.notification("initialized"));
        LaunchSpec spec = new LaunchSpec("it-mission", cwd, null, "on-request", null, false, null, null, List.of(), List.of(),
                "danger-full-access", false, List.of(), null, null);
        cli.write(CodexProtocol.request(2, "thread/start", CodexProtocol.openParams(spec)));
        return cli;
    }

    String threadId(Cli cli) throws Exception {
        JsonObject r = cli.until(l -> l.containsKey("id") && l.getInt("id", -1) == 2 && !l.containsKey("method"), l -> { });
        assertThat(r.containsKey("result")).as("thread/start answered " + r).isTrue();
        return r.getJsonObject("result").getJsonObject("thread").getString("id");
    }

    /** One Codex turn: starts it, answers server requests, returns turn/completed. */
    JsonObject codexTurn(Cli cli, String threadId, long id, String text) throws Exception {
        cli.write(CodexProtocol.request(id, "turn/start", CodexProtocol.turnStart(threadId,
                CodexProtocol.input(text, List.of()), null, null, null)));
        return cli.until(l -> "turn/completed".equals(l.getString("method", "")), line -> {
            if (line.containsKey("method") && line.containsKey("id")) {
                codexRequests.add(line.getString("method"));
                try {
                    cli.write(CodexProtocol.approval(line.get("id"), new ApprovalDecision("approved", null, false, null)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
    }

    @Test
    void codexListsCallsAndReadsTheMissionToolsAndItsShellNeverSeesTheToken() throws Exception {
        Path cwd = GitRepo.create("fd-mcp-codex-", "README.md");
        int before = mcp.seen.size();
        String instruction = "MCP_CALL mission_get_issue {}";
        String envProbe = "RUN_BASH echo \"token=[${" + ProcessEnv.MISSION_TOKEN + ":-}]\" && env | grep -c '^FLIGHTDECK_' || true";
        try (Cli cli = codex(cwd)) {
            String thread = threadId(cli);
            JsonObject done = codexTurn(cli, thread, 3, instruction);
            assertThat(done.getJsonObject("params").getJsonObject("turn").getString("status", "")).isEqualTo("completed");
            codexTurn(cli, thread, 4, envProbe);
        }
        List<TestMcpServer.Seen> mine = mcp.seen.subList(before, mcp.seen.size());
        assertThat(model.toolResultsOf(instruction)).singleElement().asString().contains("ENG-42");
        assertThat(model.historyOf("token=[")).contains("token=[]").doesNotContain(TOKEN);
        List<String> namespaced = MissionTools.all().stream().map(t -> "mcp__flightdeck/" + t.name()).toList();
        assertThat(model.offeredTools).anySatisfy(t -> assertThat(t).containsAll(namespaced));
        assertThat(codexRequests).as("no mission tool call waits for a human").doesNotContain("mcpServer/elicitation/request");
        assertSpoke(mine, "2025-06-18");
    }

    @Test
    void codexRunsAMissionTurn() throws Exception {
        Path repo = GitRepo.create("fd-mcp-codex-run-", "README.md");
        String instruction = "MISSION_RUN https://github.com/acme/app/pull/8 In Review";
        try (Cli cli = codex(repo)) {
            codexTurn(cli, threadId(cli), 3, instruction);
        }
        assertMissionRun(repo, instruction);
    }

    // ---------------------------------------------------------------- both

    /** The CLI initialized at this revision (echoed back), listed the tools and called one, all with the token. */
    static void assertSpoke(List<TestMcpServer.Seen> seen, String version) {
        assertThat(seen).as("requests to /mcp").isNotEmpty();
        assertThat(seen).allSatisfy(s -> assertThat(s.path()).isEqualTo("/mcp"));
        assertThat(seen).allSatisfy(s -> assertThat(s.header("authorization")).isEqualTo("Bearer " + TOKEN));
        TestMcpServer.Seen init = seen.stream().filter(s -> "initialize".equals(s.rpcMethod())).findFirst().orElseThrow();
        assertThat(init.params().getString("protocolVersion")).isEqualTo(version);
        assertThat(init.status()).isEqualTo(200);
        assertThat(seen).anySatisfy(s -> assertThat(s.rpcMethod()).isEqualTo("notifications/initialized"));
        assertThat(seen).anySatisfy(s -> assertThat(s.rpcMethod()).isEqualTo("tools/list"));
        assertThat(seen).anySatisfy(s -> {
            assertThat(s.rpcMethod()).isEqualTo("tools/call");
            assertThat(s.params().getString("name")).isEqualTo("mission_get_issue");
            assertThat(s.header("mcp-protocol-version")).isEqualTo(version);
        });
    }

    void assertMissionRun(Path repo, String instruction) {
        List<String> results = model.toolResultsOf(instruction);
        assertThat(results).as("four tool results").hasSize(4);
        assertThat(results.get(0)).contains("ENG-42");
        assertThat(results.get(1)).contains(ScriptedModel.COMMIT_MESSAGE);
        assertThat(results.get(2)).contains("\"linked\":true");
        assertThat(results.get(3)).contains("\"state\":\"In Review\"");
        assertThat(GitRepo.git(repo, "log", "-1", "--format=%s").strip()).isEqualTo(ScriptedModel.COMMIT_MESSAGE);
        String url = instruction.split(" ")[1];
        assertThat(toolCalls).contains("mission_link_pr " + Json.createObjectBuilder().add("url", url)
                .add("title", "Scripted pull request").build(), "mission_set_status {\"state\":\"In Review\"}");
    }
}
