package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Models, the Codex account and config, and plugins (contract §1.9, §1.12), on the started server with
 * the real CLIs. No model service is reachable: what answers is the CLIs' own local state (no login,
 * the CODEX_HOME config, the installed model choices).
 */
class CodexAccountConfigIT {
    @org.junit.jupiter.api.BeforeAll
    static void defaultCodex() throws java.io.IOException {
        // Whatever an earlier class pointed Codex at, the account here is the default provider's.
        Agents.unconfigureCodex();
    }

    @Test
    void claudeModelsAreTheInstalledCliChoices() throws Exception {
        Api.Resp r = Api.get("/api/models/claude");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonArray models = r.json().getJsonArray("models");
        assertThat(models).isNotEmpty();
        for (JsonValue v : models) {
            JsonObject m = v.asJsonObject();
            assertThat(m.getString("value")).isNotBlank();
            assertThat(m.getString("display_name")).isNotBlank();
            assertThat(m.containsKey("description")).isTrue();
        }
        List<String> values = models.stream().map(v -> v.asJsonObject().getString("value")).toList();
        assertThat(values).as("the server lists what the CLI itself answers").isEqualTo(cliModelValues());
    }

    /** The same question asked of the CLI directly: its initialize answer's model values. */
    private static List<String> cliModelValues() throws Exception {
        Path dir = Files.createTempDirectory("fd-claude-models-");
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("it.claude.bin"), "-p", "--output-format=stream-json",
                "--verbose", "--input-format=stream-json").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("CLAUDE_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().put("ANTHROPIC_BASE_URL", "http://127.0.0.1:9");
        pb.environment().put("ANTHROPIC_API_KEY", "sk-unused");
        pb.environment().put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        Process p = pb.start();
        try {
            CompletableFuture<JsonObject> answer = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.contains("\"control_response\"")) {
                            return Json.createReader(new StringReader(line)).readObject();
                        }
                    }
                    throw new IllegalStateException("claude exited");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            OutputStream out = p.getOutputStream();
            out.write("{\"type\":\"control_request\",\"request_id\":\"it\",\"request\":{\"subtype\":\"initialize\"}}\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            JsonObject r = answer.get(60, TimeUnit.SECONDS).getJsonObject("response").getJsonObject("response");
            List<String> values = new ArrayList<>();
            r.getJsonArray("models").forEach(v -> values.add(v.asJsonObject().getString("value")));
            return values;
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theAccountAnswersWithoutAModelServiceAndALoginStartsAndCancels() throws Exception {
        Api.Resp account = Api.get("/api/codex/account");
        assertThat(account.status()).as(account.body()).isEqualTo(200);
        JsonObject status = account.json().getJsonObject("status");
        assertThat(status.getBoolean("requires_openai_auth")).isTrue();
        assertThat(status.get("account")).as("nobody is logged in here").isNull();
        assertThat(status.getBoolean("login_in_progress")).isFalse();

        try (Ws ws = Ws.connect(Api.token())) {
            // The socket is registered before its hello is sent: from then on it gets the broadcasts.
            ws.awaitType("hello");
            Api.Resp started = Api.post("/api/codex/login/start", "{}");
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            String loginId = started.json().getString("login_id");
            String authUrl = started.json().getString("auth_url");
            assertThat(authUrl).startsWith("https://").contains("redirect_uri=");
            JsonObject announced = ws.await(f -> "codex_login_chatgpt_started".equals(f.getString("type", "")), 10);
            assertThat(announced.getString("login_id")).isEqualTo(loginId);
            assertThat(announced.getString("auth_url")).isEqualTo(authUrl);
            JsonObject inProgress = ws.await(f -> "codex_account_status".equals(f.getString("type", "")), 10);
            assertThat(inProgress.getJsonObject("status").getBoolean("login_in_progress")).isTrue();
            assertThat(Api.get("/api/codex/account").json().getJsonObject("status").getBoolean("login_in_progress"))
                    .isTrue();

            Api.Resp canceled = Api.post("/api/codex/login/cancel", "{\"login_id\":\"" + loginId + "\"}");
            assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
            assertThat(canceled.json().getString("status")).isEqualTo("canceled");
            assertThat(ws.await(f -> "codex_login_chatgpt_canceled".equals(f.getString("type", "")), 10)
                    .getString("login_id")).isEqualTo(loginId);
            assertThat(Api.get("/api/codex/account").json().getJsonObject("status").getBoolean("login_in_progress"))
                    .isFalse();

            Api.Resp again = Api.post("/api/codex/login/cancel", "{\"login_id\":\"" + loginId + "\"}");
            assertThat(again.json().getString("status")).isEqualTo("not_found");
            Api.Resp bogus = Api.post("/api/codex/login/cancel", "{\"login_id\":\"not-a-login\"}");
            assertThat(bogus.json().getString("status")).isEqualTo("invalid_id");

            Api.Resp out = Api.post("/api/codex/logout", "{}");
            assertThat(out.status()).as(out.body()).isEqualTo(200);
            assertThat(out.json().getJsonObject("status").get("account")).isNull();
            JsonObject updated = ws.await(f -> "codex_account_updated".equals(f.getString("type", "")), 15);
            assertThat(updated.getJsonObject("status").getBoolean("requires_openai_auth")).isTrue();
        }
    }

    @Test
    void accountRoutesRefuseBadInput() {
        Api.Resp noId = Api.post("/api/codex/login/cancel", "{}");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.json().getString("code")).isEqualTo("invalid_argument");
        Api.Resp notObject = Api.post("/api/codex/login/cancel", "[1]");
        assertThat(notObject.status()).isEqualTo(400);
        assertThat(notObject.json().getString("code")).isEqualTo("invalid_request");
    }

    @Test
    void aConfigWriteRoundTripsThroughInspectAndAStaleVersionIsRefused() throws Exception {
        Path cwd = Files.createTempDirectory("fd-codex-config-");
        JsonObject docs = Api.get("/api/codex/config/documents?cwd=" + cwd).json();
        assertThat(docs.getString("cwd")).isEqualTo(cwd.toString());
        assertThat(docs.getJsonObject("user").getString("source")).isEqualTo("user");
        assertThat(docs.getJsonArray("warnings")).isNotNull();

        Api.Resp first = Api.post("/api/codex/config/value", "{\"cwd\":\"" + cwd
                + "\",\"key_path\":\"model_reasoning_summary\",\"value\":\"concise\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String v1 = first.json().getString("version");
        assertThat(first.json().getString("status")).isEqualTo("ok");
        assertThat(v1).startsWith("sha256:");
        assertThat(Path.of(first.json().getString("file_path"))).exists();

        JsonObject inspect = Api.post("/api/codex/config/inspect", "{\"cwd\":\"" + cwd + "\",\"model\":\"gpt-asked\"}").json();
        assertThat(inspect.getJsonObject("effective_settings").getString("reasoning_summary")).isEqualTo("concise");
        assertThat(inspect.getJsonObject("effective_settings").getString("model")).isEqualTo("gpt-asked");
        assertThat(inspect.getJsonObject("origins").getJsonObject("reasoning_summary").getString("source")).isEqualTo("user");
        assertThat(inspect.getJsonObject("origins").getJsonObject("reasoning_summary").getString("version")).isEqualTo(v1);
        assertThat(inspect.getJsonObject("origins").getJsonObject("model").getString("source")).isEqualTo("request");
        assertThat(inspect.getJsonArray("layers").stream().map(l -> l.asJsonObject().getString("source")))
                .contains("user");

        Api.Resp second = Api.post("/api/codex/config/batch-write", "{\"cwd\":\"" + cwd + "\",\"expected_version\":\"" + v1
                + "\",\"edits\":[{\"key_path\":\"model_reasoning_summary\",\"value\":\"detailed\"},"
                + "{\"key_path\":\"tui.animations\",\"value\":false,\"merge_strategy\":\"upsert\"}]}");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        String v2 = second.json().getString("version");
        assertThat(v2).isNotEqualTo(v1);
        JsonObject catalog = Api.get("/api/codex/config/catalog?cwd=" + cwd).json();
        assertThat(catalog.getJsonObject("effective_settings").getString("reasoning_summary")).isEqualTo("detailed");
        assertThat(catalog.getJsonArray("profiles")).isNotNull();
        assertThat(catalog.getJsonArray("providers")).isNotNull();

        Api.Resp stale = Api.post("/api/codex/config/value", "{\"cwd\":\"" + cwd + "\",\"expected_version\":\"" + v1
                + "\",\"key_path\":\"model_reasoning_summary\",\"value\":\"none\"}");
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().getString("code")).isEqualTo("config_version_conflict");
        assertThat(Api.get("/api/codex/config/catalog?cwd=" + cwd).json().getJsonObject("effective_settings")
                .getString("reasoning_summary")).as("the stale write changed nothing").isEqualTo("detailed");
        assertThat(Api.get("/api/codex/config/documents?cwd=" + cwd).json().getJsonObject("user").getString("version"))
                .isEqualTo(v2);

        // A null value removes the key: the test leaves the shared CODEX_HOME as it found it.
        Api.Resp removed = Api.post("/api/codex/config/batch-write", "{\"cwd\":\"" + cwd + "\",\"expected_version\":\"" + v2
                + "\",\"edits\":[{\"key_path\":\"model_reasoning_summary\",\"value\":null},"
                + "{\"key_path\":\"tui.animations\",\"value\":null}]}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(Api.get("/api/codex/config/catalog?cwd=" + cwd).json().getJsonObject("effective_settings")
                .isNull("reasoning_summary")).isTrue();
    }

    @Test
    void configRoutesRefuseBadInput() throws Exception {
        Path cwd = Files.createTempDirectory("fd-codex-config-");
        expect(Api.get("/api/codex/config/catalog"), 400, "invalid_request");
        expect(Api.get("/api/codex/config/documents?cwd=relative/dir"), 400, "invalid_request");
        expect(Api.post("/api/codex/config/inspect", "{\"cwd\":\"" + cwd + "\",\"bogus\":1}"), 400, "invalid_request");
        expect(Api.post("/api/codex/config/inspect", "{\"cwd\":\"" + cwd + "\",\"codex_config_mode\":\"profile\"}"), 400,
                "invalid_request");
        expect(Api.post("/api/codex/config/value", "{\"cwd\":\"" + cwd + "\",\"value\":1}"), 400, "invalid_request");
        expect(Api.post("/api/codex/config/value", "{\"cwd\":\"" + cwd + "\",\"key_path\":\"model\"}"), 400,
                "invalid_request");
        expect(Api.post("/api/codex/config/value", "{\"cwd\":\"" + cwd
                + "\",\"key_path\":\"model\",\"value\":\"x\",\"merge_strategy\":\"append\"}"), 400, "invalid_request");
        expect(Api.post("/api/codex/config/batch-write", "{\"cwd\":\"" + cwd + "\",\"edits\":[]}"), 400, "invalid_request");
        // Codex's own validation: model is a string.
        expect(Api.post("/api/codex/config/value", "{\"cwd\":\"" + cwd + "\",\"key_path\":\"model\",\"value\":5}"), 422,
                "invalid_codex_config");
        // Codex writes only the user's config.toml.
        expect(Api.post("/api/codex/config/value", "{\"cwd\":\"" + cwd + "\",\"key_path\":\"model\",\"value\":\"x\","
                + "\"file_path\":\"" + cwd.resolve(".codex/config.toml") + "\"}"), 422, "config_layer_readonly");
    }

    @Test
    void pluginsPassThroughToCodexAndClaudeHasNone() throws Exception {
        Path dir = Files.createTempDirectory("fd-codex-plugins-");
        Api.Resp created = Api.post("/api/sessions", "{\"provider\":\"codex\",\"cwd\":\"" + dir + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String codex = created.json().getString("session_id");

        Api.Resp list = Api.get("/api/sessions/" + codex + "/plugins");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().getJsonArray("marketplaces")).isNotNull();
        assertThat(list.json().containsKey("remoteSyncError")).isTrue();
        assertThat(list.json().containsKey("marketplaceLoadErrors")).as("Codex's own fields pass through").isTrue();

        expect(Api.post("/api/sessions/" + codex + "/plugins/install", "{\"marketplacePath\":\"" + dir + "\"}"), 400,
                "invalid_request");
        expect(Api.post("/api/sessions/" + codex + "/plugins/uninstall", "{\"pluginId\":5}"), 400, "invalid_request");
        Api.Resp missing = Api.post("/api/sessions/" + codex + "/plugins/install", "{\"marketplacePath\":\""
                + dir.resolve("no-marketplace.json") + "\",\"pluginName\":\"nothing\"}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(502);
        assertThat(missing.json().getString("code")).isEqualTo("codex_error");

        String claude = Api.createSession();
        Api.Resp none = Api.get("/api/sessions/" + claude + "/plugins");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().getJsonArray("marketplaces")).isEmpty();
        expect(Api.post("/api/sessions/" + claude + "/plugins/uninstall", "{\"pluginId\":\"p@m\"}"), 422,
                "unsupported_control");
        expect(Api.get("/api/sessions/od-00000000-0000-4000-8000-000000000000/plugins"), 404, null);
    }

    @Test
    void theRoutesAndTheirShapesAreInTheOpenApiDocument() {
        Api.Resp doc = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/openapi?format=JSON"))
                .GET().build());
        assertThat(doc.status()).isEqualTo(200);
        JsonObject paths = doc.json().getJsonObject("paths");
        for (String p : List.of("/api/models/claude", "/api/codex/account", "/api/codex/login/start",
                "/api/codex/login/cancel", "/api/codex/logout", "/api/codex/config/inspect", "/api/codex/config/catalog",
                "/api/codex/config/documents", "/api/codex/config/value", "/api/codex/config/batch-write",
                "/api/sessions/{id}/plugins", "/api/sessions/{id}/plugins/install", "/api/sessions/{id}/plugins/uninstall")) {
            assertThat(paths.containsKey(p)).as(p).isTrue();
        }
        JsonObject schemas = doc.json().getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("CodexConfigWritten").getJsonObject("properties").keySet())
                .contains("status", "version", "file_path");
        assertThat(schemas.getJsonObject("CodexAccountStatus").getJsonObject("properties").keySet())
                .contains("auth_mode", "requires_openai_auth", "account", "login_in_progress");
        assertThat(schemas.getJsonObject("ClaudeModel").getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("value", "display_name", "description");
    }

    private static void expect(Api.Resp r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (code != null) {
            assertThat(r.json().getString("code")).as(r.body()).isEqualTo(code);
        }
    }
}
