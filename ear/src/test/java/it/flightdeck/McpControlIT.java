package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.mission.tools.MissionToolCalls;
import dev.flightdeck.core.mission.tools.ToolOutcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Claude session's MCP servers and skills on the started server, with the real claude CLI: a server
 * added through mcp/servers is listed with its tools, toggled off and seen disabled, and refreshed.
 */
class McpControlIT {
    @RegisterExtension
    static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();

    static final String TOKEN = "mcp-control-it-token";
    static final MissionToolCalls TOOLS = (tool, args) -> ToolOutcome.ok(Json.createObjectBuilder().build());
    static TestMcpServer mcp;

    @BeforeAll
    static void start() throws Exception {
        mcp = new TestMcpServer(TOKEN, TOOLS);
    }

    @AfterAll
    static void stop() {
        mcp.close();
    }

    static JsonObject mcpOf(String session) {
        Api.Resp r = Api.get("/api/sessions/" + session + "/mcp");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static String status(JsonObject m, String server) {
        JsonObject s = m.getJsonObject("servers").getJsonObject(server);
        return s == null ? null : s.getString("status");
    }

    @Test
    void addsListsTogglesAndRefreshesAServer() throws Exception {
        Agents.Session s = Agents.create();
        try {
            // No CLI runs yet: nothing to ask, every map empty.
            assertThat(mcpOf(s.id()).getJsonObject("tools")).isEmpty();

            String servers = Json.createObjectBuilder().add("servers", Json.createObjectBuilder().add("echo",
                    Json.createObjectBuilder().add("type", "http").add("url", mcp.url()).add("headers",
                            Json.createObjectBuilder().add("Authorization", "Bearer " + TOKEN)))).build().toString();
            Api.Resp set = Api.post("/api/sessions/" + s.id() + "/mcp/servers", servers);
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json().getBoolean("accepted")).isTrue();
            assertThat(set.json().getJsonObject("session_detail_snapshot")).isNotNull();

            JsonObject listed = Await.until("echo connected", () -> mcpOf(s.id()),
                    m -> "connected".equals(status(m, "echo")), Duration.ofSeconds(30));
            assertThat(listed.getString("session_id")).isEqualTo(s.id());
            assertThat(listed.getJsonObject("tools").getJsonObject("echo").keySet()).contains("mission_get_issue");
            assertThat(listed.getJsonObject("auth_statuses").getString("echo")).isEqualTo("unsupported");
            assertThat(listed.getJsonObject("resources").getJsonArray("echo")).isEmpty();
            assertThat(mcp.rpc("tools/list")).isNotEmpty();

            Api.Resp off = Api.post("/api/sessions/" + s.id() + "/mcp/toggle", "{\"server_name\":\"echo\",\"enabled\":false}");
            assertThat(off.status()).as(off.body()).isEqualTo(200);
            JsonObject disabled = Await.until("echo disabled", () -> mcpOf(s.id()),
                    m -> "disabled".equals(status(m, "echo")), Duration.ofSeconds(30));
            assertThat(disabled.getJsonObject("tools").getJsonObject("echo")).isEmpty();

            Api.Resp on = Api.post("/api/sessions/" + s.id() + "/mcp/toggle", "{\"server_name\":\"echo\",\"enabled\":true}");
            assertThat(on.status()).as(on.body()).isEqualTo(200);
            int initsBefore = mcp.rpc("initialize").size();
            Api.Resp refresh = Api.post("/api/sessions/" + s.id() + "/mcp/refresh", "{\"server_name\":\"echo\"}");
            assertThat(refresh.status()).as(refresh.body()).isEqualTo(200);
            assertThat(refresh.json().getBoolean("accepted")).isTrue();
            // A reconnect speaks to the server again.
            assertThat(mcp.rpc("initialize").size()).isGreaterThan(initsBefore);
            Await.until("echo connected again", () -> mcpOf(s.id()),
                    m -> "connected".equals(status(m, "echo")), Duration.ofSeconds(30));

            Api.Resp flags = Api.post("/api/sessions/" + s.id() + "/flags", "{\"settings\":{\"effortLevel\":\"low\"}}");
            assertThat(flags.status()).as(flags.body()).isEqualTo(200);

            Api.Resp unknown = Api.post("/api/sessions/" + s.id() + "/mcp/refresh", "{\"server_name\":\"nope\"}");
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        } finally {
            Agents.end(s);
        }
    }

    /**
     * A server behind OAuth, with the real claude CLI: it is listed as not logged in; authenticate
     * answers the sign-in URL of the client the CLI registered; opening it (the test server grants at
     * once and redirects to the CLI's callback) connects the server with the issued token; clear-auth
     * forgets the token and the server is not logged in again.
     */
    @Test
    void anOAuthServerIsSignedInThroughAuthenticateAndSignedOutByClearAuth() throws Exception {
        try (TestMcpServer secure = TestMcpServer.withOAuth(TOOLS)) {
            Agents.Session s = Agents.create();
            try {
                String servers = Json.createObjectBuilder().add("servers", Json.createObjectBuilder().add("secure",
                        Json.createObjectBuilder().add("type", "http").add("url", secure.url()))).build().toString();
                Api.Resp set = Api.post("/api/sessions/" + s.id() + "/mcp/servers", servers);
                assertThat(set.status()).as(set.body()).isEqualTo(200);
                JsonObject waiting = Await.until("secure waits for sign-in", () -> mcpOf(s.id()),
                        m -> "needs-auth".equals(status(m, "secure")), Duration.ofSeconds(30));
                assertThat(waiting.getJsonObject("auth_statuses").getString("secure")).isEqualTo("notLoggedIn");

                Api.Resp auth = Api.post("/api/sessions/" + s.id() + "/mcp/authenticate", "{\"server_name\":\"secure\"}");
                assertThat(auth.status()).as(auth.body()).isEqualTo(200);
                String url = auth.json().getString("authorization_url");
                assertThat(url).startsWith(secure.url().replace("/mcp", "/authorize?"))
                        .contains("client_id=it-client", "code_challenge_method=S256", "redirect_uri=");
                assertThat(secure.at("/register")).as("the CLI registered itself as a client").isNotEmpty();

                open(url);
                JsonObject connected = Await.until("secure connected", () -> mcpOf(s.id()),
                        m -> "connected".equals(status(m, "secure")), Duration.ofSeconds(30));
                assertThat(connected.getJsonObject("tools").getJsonObject("secure").keySet()).contains("mission_get_issue");
                assertThat(secure.at("/token")).as("the code was exchanged for the token").isNotEmpty();
                assertThat(secure.rpc("tools/list")).as("listed with the issued token")
                        .anyMatch(r -> r.status() == 200);

                Api.Resp clear = Api.post("/api/sessions/" + s.id() + "/mcp/clear-auth", "{\"server_name\":\"secure\"}");
                assertThat(clear.status()).as(clear.body()).isEqualTo(200);
                JsonObject signedOut = Await.until("secure signed out", () -> mcpOf(s.id()),
                        m -> "needs-auth".equals(status(m, "secure")), Duration.ofSeconds(30));
                assertThat(signedOut.getJsonObject("auth_statuses").getString("secure")).isEqualTo("notLoggedIn");
                assertThat(signedOut.getJsonObject("tools").getJsonObject("secure")).isNullOrEmpty();
            } finally {
                Agents.end(s);
            }
        }
    }

    /**
     * The same sign-in through Codex: its app-server answers the URL and must still be there for the
     * callback, and the server is then listed as signed in with OAuth.
     */
    @Test
    void codexSignsInToAnOAuthServerThroughAuthenticate() throws Exception {
        try (TestMcpServer secure = TestMcpServer.withOAuth(TOOLS)) {
            Agents.configureCodex(Integer.getInteger("it.scripted.model.port", 4199), "[mcp_servers.secure]",
                    "url = \"" + secure.url() + "\"", "");
            Agents.Session s = Agents.createCodex("");
            String id = s.id();
            assertThat(mcpOf(id).getJsonObject("auth_statuses").getString("secure")).isEqualTo("notLoggedIn");

            Api.Resp auth = Api.post("/api/sessions/" + id + "/mcp/authenticate", "{\"server_name\":\"secure\"}");
            assertThat(auth.status()).as(auth.body()).isEqualTo(200);
            String url = auth.json().getString("authorization_url");
            assertThat(url).startsWith(secure.url().replace("/mcp", "/authorize?")).contains("code_challenge_method=S256");
            open(url);
            JsonObject signedIn = Await.until("secure signed in", () -> mcpOf(id),
                    m -> "oAuth".equals(m.getJsonObject("auth_statuses").getString("secure", "")), Duration.ofSeconds(30));
            assertThat(signedIn.getJsonObject("tools").getJsonObject("secure").keySet()).contains("mission_get_issue");
            assertThat(secure.at("/token")).as("the code was exchanged for the token").isNotEmpty();
            Agents.end(s);
        }
    }

    /** The person opens the sign-in URL; the test server grants at once and redirects to the CLI's callback. */
    private static void open(String url) throws Exception {
        java.net.http.HttpResponse<String> opened = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    }

    @Test
    void codexListsItsConfiguredServerAndReloadsButRefusesClaudeOnlyControls() throws Exception {
        Agents.configureCodex(Integer.getInteger("it.scripted.model.port", 4199), "[mcp_servers.echo]",
                "url = \"" + mcp.url() + "\"", "http_headers = { Authorization = \"Bearer " + TOKEN + "\" }", "");
        Path dir = Files.createTempDirectory("fd-codex-");
        Api.Resp created = Api.post("/api/sessions", "{\"provider\":\"codex\",\"cwd\":\"" + dir + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().getString("session_id");
        JsonObject m = mcpOf(id);
        assertThat(m.getJsonObject("tools").getJsonObject("echo").keySet()).contains("mission_get_issue");
        Api.Resp refresh = Api.post("/api/sessions/" + id + "/mcp/refresh", "{}");
        assertThat(refresh.status()).as(refresh.body()).isEqualTo(200);
        assertThat(refresh.json().getBoolean("accepted")).isTrue();
        for (String route : new String[] {"mcp/toggle", "mcp/clear-auth", "mcp/servers", "flags"}) {
            Api.Resp r = Api.post("/api/sessions/" + id + "/" + route,
                    "{\"server_name\":\"echo\",\"enabled\":true,\"servers\":{},\"settings\":{}}");
            assertThat(r.status()).as(route + " " + r.body()).isEqualTo(422);
            assertThat(r.json().getString("code")).isEqualTo("unsupported_control");
        }
    }

    @Test
    void badInputIsRefusedBeforeTheAgentIsAsked() throws Exception {
        Agents.Session s = Agents.create();
        try {
            String base = "/api/sessions/" + s.id();
            assertThat(Api.post(base + "/mcp/toggle", "{\"server_name\":\"echo\"}").status()).isEqualTo(400);
            assertThat(Api.post(base + "/mcp/toggle", "{\"enabled\":true}").status()).isEqualTo(400);
            assertThat(Api.post(base + "/mcp/toggle", "[1]").json().getString("code")).isEqualTo("invalid_request");
            assertThat(Api.post(base + "/mcp/servers", "{\"servers\":[]}").json().getString("code"))
                    .isEqualTo("invalid_argument");
            assertThat(Api.post(base + "/flags", "{}").status()).isEqualTo(400);
            assertThat(Api.post(base + "/mcp/authenticate", "{}").status()).isEqualTo(400);
            assertThat(Api.get("/api/sessions/no-such-session/mcp").status()).isEqualTo(404);
        } finally {
            Agents.end(s);
        }
    }

    @Test
    void skillsComeFromSkillFrontMatterWithErrorsForInvalidOnes() throws Exception {
        Agents.Session s = Agents.create();
        try {
            Path good = s.dir().resolve(".claude/skills/release-notes/SKILL.md");
            Files.createDirectories(good.getParent());
            Files.writeString(good, "---\nname: release-notes\ndescription: Writes the release notes\n---\nSteps\n");
            Path bad = s.dir().resolve(".claude/skills/broken/SKILL.md");
            Files.createDirectories(bad.getParent());
            Files.writeString(bad, "no front matter here");
            // The server's CLAUDE_CONFIG_DIR (server.env) holds the user's skills.
            Path userSkill = Api.DATA_DIR.resolve("claude-config/skills/mcp-it-user/SKILL.md").toAbsolutePath();
            Files.createDirectories(userSkill.getParent());
            Files.writeString(userSkill, "---\ndescription: A user skill\n---\n");
            Api.Resp r;
            try {
                r = Api.get("/api/sessions/" + s.id() + "/skills");
            } finally {
                Files.delete(userSkill);
                Files.delete(userSkill.getParent());
            }
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonObject skill = r.json().getJsonArray("skills").stream().map(v -> v.asJsonObject())
                    .filter(o -> "release-notes".equals(o.getString("name"))).findFirst().orElseThrow();
            assertThat(skill.getString("description")).isEqualTo("Writes the release notes");
            assertThat(skill.getString("path")).isEqualTo(good.toString());
            assertThat(skill.getString("scope")).isEqualTo("repo");
            assertThat(r.json().getJsonArray("claude_skill_names").getValuesAs(jakarta.json.JsonString.class))
                    .extracting(jakarta.json.JsonString::getString).containsExactly("release-notes", "mcp-it-user");
            JsonObject user = r.json().getJsonArray("skills").getJsonObject(1);
            assertThat(user.getString("scope")).isEqualTo("user");
            assertThat(user.getString("description")).isEqualTo("A user skill");
            assertThat(r.json().getJsonArray("errors").toString()).contains(bad.toString()).contains("no front matter");
        } finally {
            Agents.end(s);
        }
    }
}
