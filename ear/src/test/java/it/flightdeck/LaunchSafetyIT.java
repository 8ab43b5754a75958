package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the processes the server starts get: a built environment, never the server's (server.env
 * gives the server FLIGHTDECK_* settings, the database password, Liberty's keystore password and a
 * canary secret), and a command line that long instructions cannot overflow.
 */
class LaunchSafetyIT {
    @RegisterExtension
    static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();
    /** Values from server.env that no started process may see. */
    static final List<String> SECRETS = List.of("it-secret-canary-71c2", "fd-canary-3f9a", "flightdeck-it-keystore",
            "lin_api_it_env_key_0b3f");

    /** The names in {@code env} output (NAME=value lines). */
    static Set<String> names(String envOutput) {
        Set<String> names = new TreeSet<>();
        for (String line : envOutput.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                names.add(line.substring(0, eq));
            }
        }
        return names;
    }

    static void assertNoServerSecrets(String envOutput) {
        Set<String> names = names(envOutput);
        assertThat(names).as(envOutput).contains("PATH", "HOME")
                .noneMatch(n -> n.toUpperCase(Locale.ROOT).startsWith("FLIGHTDECK_"))
                .noneMatch(n -> n.toUpperCase(Locale.ROOT).startsWith("WLP_"))
                .noneMatch(n -> n.equalsIgnoreCase("keystore_password"))
                .doesNotContain("IT_SECRET_CANARY");
        assertThat(envOutput).doesNotContain(SECRETS);
        // FLIGHTDECK_AGENT_ENV names one variable to pass, beside two it may never pass.
        assertThat(envOutput).contains("IT_PASSED_THROUGH=visible-to-agents");
    }

    @Test
    void aShellCommandSeesOnlyTheBuiltEnvironment() throws Exception {
        Agents.Session s = Agents.create();
        try (Ws ws = Agents.subscribe(s.id())) {
            Api.Resp started = ShellIT.exec(s.id(), Json.createObjectBuilder().add("request_id", "env-1")
                    .add("command", "env").build());
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            JsonObject done = ShellIT.finalOutput(ws, "env-1", 20);
            assertThat(done.getString("outcome")).isEqualTo("completed");
        }
        String out = ShellIT.row(s.id(), "env-1").getString("output");
        assertNoServerSecrets(out);
        // Nothing beyond the allow-list, the provider settings and what sh itself sets.
        Set<String> shell = Set.of("PWD", "OLDPWD", "SHLVL", "_", "IT_PASSED_THROUGH");
        assertThat(names(out)).allMatch(n -> shell.contains(n) || n.startsWith("LC_") || n.startsWith("ANTHROPIC_")
                || n.startsWith("CLAUDE_") || n.startsWith("DISABLE_") || n.startsWith("OPENAI_") || n.startsWith("CODEX_")
                || Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "TMPDIR", "LANG", "LANGUAGE", "TERM", "TZ",
                        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "no_proxy",
                        "all_proxy", "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR").contains(n));
        assertThat(out).contains("ANTHROPIC_BASE_URL=");
        Agents.end(s);
    }

    @Test
    void anAgentsToolsSeeNoneOfTheServersSecrets() throws Exception {
        Agents.Session s = Agents.create();
        String out;
        try (Ws ws = Agents.subscribe(s.id())) {
            // tee writes a file, so Claude asks before it runs; the output is the tool's result.
            assertThat(Agents.send(s.id(), "RUN_BASH env | tee agent-env.txt").status()).isEqualTo(202);
            JsonObject request = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request");
            Api.Resp decided = Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + request.getString("id")
                    + "/decision", "{\"decision\":\"approved\"}");
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
            JsonObject tool = Agents.awaitRow(ws, r -> "tool".equals(r.getString("row_type", ""))
                    && "completed".equals(r.getString("status", "")), 60);
            String rowId = tool.getJsonObject("row").getString("id");
            Api.Resp content = Api.get("/api/sessions/" + s.id() + "/conversation/rows/" + rowId + "/content");
            assertThat(content.status()).as(content.body()).isEqualTo(200);
            out = content.body();
            Agents.awaitDetail(s.id(), Agents::idle, 30);
        }
        // The tool's output, as the row holds it, and the copy tee wrote.
        assertThat(out).contains("ANTHROPIC_BASE_URL=", "IT_PASSED_THROUGH=visible-to-agents")
                .doesNotContain(SECRETS).doesNotContain("FLIGHTDECK_").doesNotContain("keystore_password")
                .doesNotContain("IT_SECRET_CANARY");
        assertNoServerSecrets(Files.readString(s.dir().resolve("agent-env.txt")));
        Agents.end(s);
    }

    @Test
    void seventyThousandAccentedCharactersOfInstructionsLaunchTheAgent() throws Exception {
        // 140,000 bytes of UTF-8: more than Linux takes in one argument (128 KiB).
        String instructions = "é".repeat(70_000) + " LONG-INSTRUCTIONS-END";
        Path dir = Files.createTempDirectory("fd-long-");
        Api.Resp created = Api.post("/api/sessions", Json.createObjectBuilder().add("provider", "claude")
                .add("cwd", dir.toString()).add("developer_instructions", instructions).build().toString());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Agents.Session s = new Agents.Session(created.json().getString("session_id"), dir);
        Path ours;
        try (Ws ws = Agents.subscribe(s.id())) {
            Api.Resp sent = Agents.send(s.id(), "hello with long instructions");
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            JsonObject reply = Agents.awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").contains("hello with long instructions"), 60);
            assertThat(reply.getJsonObject("row").getString("content")).startsWith("Scripted reply to:");
            // The agent's command line names the file, not the text.
            List<Long> pids = Agents.agentProcesses(dir);
            assertThat(pids).isNotEmpty();
            String cmdlines = "";
            for (long pid : pids) {
                cmdlines += new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                        java.nio.charset.StandardCharsets.UTF_8) + "\n";
            }
            assertThat(cmdlines).contains("--append-system-prompt-file=").doesNotContain("LONG-INSTRUCTIONS-END");
            // Other sessions may hold instruction files of their own: follow this one's by its content.
            ours = instructionFileHolding(Api.DATA_DIR.resolve("tmp"), "LONG-INSTRUCTIONS-END");
        }
        // The model got them whole, in the system prompt.
        String system = MODEL.get().systems.stream().filter(x -> x.contains("LONG-INSTRUCTIONS-END"))
                .findFirst().orElseThrow(() -> new AssertionError("no system prompt carried the instructions"));
        assertThat(system).contains("é".repeat(70_000));
        // The file they went through goes with the agent.
        Agents.end(s);
        Await.until("the instructions file to go with the agent", () -> Files.exists(ours), gone -> !gone,
                java.time.Duration.ofSeconds(10));
    }

    static Path instructionFileHolding(Path scratch, String marker) throws IOException {
        try (var files = Files.list(scratch)) {
            return files.filter(f -> f.getFileName().toString().startsWith("claude-instructions-"))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains(marker);
                        } catch (IOException e) {
                            return false; // another session's file, gone while we looked
                        }
                    })
                    .findFirst().orElseThrow(() -> new AssertionError("no instructions file holds " + marker));
        }
    }

    @Test
    void anIdOrModelThatCouldBeReadAsAFlagIsRefusedAtTheEdge() throws IOException {
        Api.Resp hookId = Api.post("/api/hook", Json.createObjectBuilder().add("type", "claude_session_start")
                .add("session_id", "--dangerously-skip-permissions").add("cwd", "/tmp").build().toString());
        assertThat(hookId.status()).isEqualTo(400);
        assertThat(hookId.json().getString("error")).startsWith("session_id:");
        Api.Resp hookModel = Api.post("/api/hook", Json.createObjectBuilder().add("type", "claude_session_start")
                .add("session_id", java.util.UUID.randomUUID().toString()).add("cwd", "/tmp")
                .add("model", "--permission-mode=bypassPermissions").build().toString());
        assertThat(hookModel.status()).isEqualTo(400);
        assertThat(hookModel.json().getString("error")).startsWith("model:");
        Path dir = Files.createTempDirectory("fd-flag-");
        Api.Resp session = Api.post("/api/sessions", Json.createObjectBuilder().add("provider", "claude")
                .add("cwd", dir.toString()).add("model", "-p").build().toString());
        assertThat(session.status()).isEqualTo(400);
        assertThat(session.json().getString("code")).isEqualTo("invalid_request");
        assertThat(session.json().getString("error")).startsWith("model:");
    }
}
