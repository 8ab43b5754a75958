package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.awaitRow;
import static it.flightdeck.Agents.detail;
import static it.flightdeck.Agents.end;
import static it.flightdeck.Agents.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a session is created or messaged with reaches the real CLIs: Codex's default sandbox, Claude's
 * tool rules, the initial prompt, skills and mentions; and /api/server/meta names the CLIs in use.
 */
class AgentFieldsIT {
    static ScriptedModel model;

    @BeforeAll
    static void start() throws IOException {
        int port = Integer.getInteger("it.scripted.model.port", 4199);
        model = new ScriptedModel(port);
        // Codex's own configuration names only the scripted model: no sandbox, so what the session
        // opens its thread with is what Codex runs under.
        // Codex's request_permissions tool, so a turn can ask for more than its sandbox.
        Agents.configureCodex(port, "", "[features]", "request_permissions_tool = true");
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    static Agents.Session create(JsonObject body, Path dir) {
        Api.Resp r = Api.post("/api/sessions", Json.createObjectBuilder(body).add("cwd", dir.toString()).build().toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new Agents.Session(r.json().getString("session_id"), dir);
    }

    static JsonObject provider(String provider) {
        return Json.createObjectBuilder().add("provider", provider).build();
    }

    static Api.Resp send(String sessionId, JsonObject message) {
        return Api.post("/api/sessions/" + sessionId + "/conversation/messages", message.toString());
    }

    static List<JsonValue> approvals(String sessionId) {
        return Api.get("/api/approvals?session_id=" + sessionId).json().getJsonArray("approvals");
    }

    @Test
    void aCodexSessionWritesItsOwnWorktreeByDefaultButNothingOutsideIt() throws Exception {
        Path repo = GitRepo.create("fd-sandbox-", "README.md", "hello\n");
        Agents.Session s = create(provider("codex"), repo);
        JsonObject session = detail(s.id());
        assertThat(session.getString("sandbox_mode")).isEqualTo("workspace-write");
        assertThat(session.getString("approval_policy")).isEqualTo("on-request");

        Path inside = repo.resolve("written.txt");
        // Outside the worktree and outside the temp directories the sandbox also lets a command write.
        Path outsideDir = Files.createDirectories(Api.DATA_DIR.resolve("outside-" + s.id()));
        Path outside = outsideDir.resolve("escaped.txt");
        try (Ws ws = subscribe(s.id())) {
            assertThat(send(s.id(), Json.createObjectBuilder().add("content", "WRITE_FILE " + inside).build()).status())
                    .isEqualTo(202);
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").startsWith("Tool finished"), 90);
            awaitDetail(s.id(), Agents::idle, 30);
            assertThat(Files.readString(inside)).isEqualTo(ScriptedModel.WRITTEN);

            assertThat(send(s.id(), Json.createObjectBuilder().add("content", "RUN_BASH echo out > " + outside).build())
                    .status()).isEqualTo(202);
            JsonObject refused = awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").startsWith("Tool finished"), 90);
            assertThat(refused.getJsonObject("row").getString("content")).contains("Read-only file system");
            awaitDetail(s.id(), Agents::idle, 30);
        }
        assertThat(outside).doesNotExist();
        assertThat(approvals(s.id())).as("a write inside the worktree needs no approval").isEmpty();
        end(s);
    }

    @Test
    void codexGetsThePermissionsAHumanGrantsAndNoMore() throws Exception {
        Path repo = GitRepo.create("fd-perms-", "README.md", "hello\n");
        Agents.Session s = create(provider("codex"), repo);
        Path granted = Files.createDirectories(Api.DATA_DIR.resolve("granted-" + s.id()));
        Path withheld = Files.createDirectories(Api.DATA_DIR.resolve("withheld-" + s.id()));
        JsonObject ask = Json.createObjectBuilder().add("reason", "write two places").add("permissions", Json.createObjectBuilder()
                .add("file_system", Json.createObjectBuilder().add("write", Json.createArrayBuilder()
                        .add(granted.toString()).add(withheld.toString())))).build();
        try (Ws ws = subscribe(s.id())) {
            send(s.id(), Json.createObjectBuilder().add("content", "REQUEST_PERMISSIONS " + ask).build());
            JsonObject request = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request");
            assertThat(request.getString("approval_type")).isEqualTo("permissions");
            Api.Resp answered = Api.post("/api/sessions/" + s.id() + "/permissions/requests/" + request.getString("id")
                    + "/response", Json.createObjectBuilder().add("scope", "session").add("permissions",
                    Json.createObjectBuilder().add("fileSystem", Json.createObjectBuilder().add("write",
                            Json.createArrayBuilder().add(granted.toString())))).build().toString());
            assertThat(answered.json().getString("outcome")).as(answered.body()).isEqualTo("applied");
            JsonObject result = awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").startsWith("Tool finished"), 60);
            assertThat(result.getJsonObject("row").getString("content")).contains(granted.toString())
                    .doesNotContain(withheld.toString());
            awaitDetail(s.id(), Agents::idle, 30);

            // Granted for the session: later commands may write there, and still not to what was withheld.
            for (Path dir : List.of(granted, withheld)) {
                send(s.id(), Json.createObjectBuilder().add("content", "RUN_BASH echo hi > " + dir.resolve("f.txt")).build());
                awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                        && r.getString("content", "").startsWith("Tool finished"), 60);
                awaitDetail(s.id(), Agents::idle, 30);
            }
        }
        assertThat(granted.resolve("f.txt")).exists();
        assertThat(withheld.resolve("f.txt")).doesNotExist();
        Api.Resp wrongKind = Api.post("/api/sessions/" + s.id() + "/permissions/requests/nope/response",
                "{\"permissions\":{\"shell\":{}}}");
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.json().getString("error")).startsWith("permissions.shell");
        end(s);
    }

    @Test
    void claudeRunsAnAllowedToolWithoutAskingAndNeverRunsADisallowedOne() throws Exception {
        Path dir = Files.createTempDirectory("fd-tools-");
        Agents.Session allowed = create(Json.createObjectBuilder(provider("claude"))
                .add("allowed_tools", Json.createArrayBuilder().add("Bash(touch *)")).build(), dir);
        assertThat(detail(allowed.id()).getJsonArray("allowed_tools").getString(0)).isEqualTo("Bash(touch *)");
        Path ran = dir.resolve("allowed.txt");
        try (Ws ws = subscribe(allowed.id())) {
            send(allowed.id(), Json.createObjectBuilder().add("content", "RUN_BASH touch " + ran).build());
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").startsWith("Tool finished"), 60);
            awaitDetail(allowed.id(), Agents::idle, 30);
        }
        assertThat(ran).exists();
        assertThat(approvals(allowed.id())).isEmpty();
        end(allowed);

        Path other = Files.createTempDirectory("fd-tools-");
        Agents.Session denied = create(Json.createObjectBuilder(provider("claude"))
                .add("disallowed_tools", Json.createArrayBuilder().add("Bash")).build(), other);
        Path refused = other.resolve("refused.txt");
        try (Ws ws = subscribe(denied.id())) {
            send(denied.id(), Json.createObjectBuilder().add("content", "RUN_BASH touch " + refused).build());
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", ""))
                    && r.getString("content", "").startsWith("Tool finished"), 60);
            awaitDetail(denied.id(), Agents::idle, 30);
        }
        assertThat(refused).doesNotExist();
        assertThat(approvals(denied.id())).as("a disallowed tool is refused, not asked about").isEmpty();
        JsonObject d = detail(denied.id());
        assertThat(d.getJsonArray("disallowed_tools").getString(0)).isEqualTo("Bash");
        assertThat(d.getBoolean("allow_bypass_permissions")).isFalse();
        end(denied);

        // Stored and shown (not run: Claude Code refuses the bypass flag as root, which CI is).
        Agents.Session bypass = create(Json.createObjectBuilder(provider("claude"))
                .add("allow_bypass_permissions", true).add("skills", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "deploy").add("path", "x/SKILL.md"))).build(),
                Files.createTempDirectory("fd-bypass-"));
        JsonObject b = detail(bypass.id());
        assertThat(b.getBoolean("allow_bypass_permissions")).isTrue();
        assertThat(b.getJsonArray("skills").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly("deploy");
        end(bypass);
    }

    @Test
    void theInitialPromptIsTheFirstTurn() throws Exception {
        Agents.Session s = create(Json.createObjectBuilder(provider("claude"))
                .add("initial_prompt", "INITIAL-PROMPT-31 hello").build(), Files.createTempDirectory("fd-initial-"));
        awaitDetail(s.id(), d -> d.getInt("turn_count") == 1 && Agents.idle(d), 60);
        assertThat(model.userTexts).contains("INITIAL-PROMPT-31 hello");
        List<String> rows = Api.get("/api/sessions/" + s.id() + "/conversation/messages").json().getJsonArray("rows")
                .stream().map(v -> v.asJsonObject().getJsonObject("row"))
                .map(r -> r.getString("row_type") + ":" + r.getString("content", "")).toList();
        assertThat(rows).contains("user:INITIAL-PROMPT-31 hello", "assistant:Scripted reply to: INITIAL-PROMPT-31 hello");
        end(s);
    }

    @Test
    void claudeReadsAMessagesSkillAndMentionsAndCodexItsSkill() throws Exception {
        Path dir = Files.createTempDirectory("fd-refs-");
        Files.createDirectories(dir.resolve(".claude/skills/release-notes"));
        Files.writeString(dir.resolve(".claude/skills/release-notes/SKILL.md"),
                "---\nname: release-notes\ndescription: Write release notes\n---\nSKILLBODY-42 list the changes.\n");
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/notes.txt"), "MENTIONED-CONTENT-77\n");
        Agents.Session claude = create(provider("claude"), dir);
        try (Ws ws = subscribe(claude.id())) {
            assertThat(send(claude.id(), Json.createObjectBuilder().add("content", "REFS-1 for v2")
                    .add("skills", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "release-notes")
                            .add("path", ".claude/skills/release-notes/SKILL.md")))
                    .add("mentions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("path", "docs/notes.txt")))
                    .build()).status()).isEqualTo(202);
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")), 60);
            awaitDetail(claude.id(), Agents::idle, 30);
        }
        String seen = model.historyOf("REFS-1");
        assertThat(seen).contains("SKILLBODY-42").contains("MENTIONED-CONTENT-77");
        end(claude);

        Path repo = Files.createTempDirectory("fd-refs-codex-");
        Path skill = repo.resolve(".agents/skills/changelog/SKILL.md");
        Files.createDirectories(skill.getParent());
        Files.writeString(skill, "---\nname: changelog\ndescription: Keep the changelog\n---\nSKILLBODY-CODEX-8 add an entry.\n");
        Agents.Session codex = create(provider("codex"), repo);
        try (Ws ws = subscribe(codex.id())) {
            assertThat(send(codex.id(), Json.createObjectBuilder().add("content", "REFS-2 please")
                    .add("skills", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "changelog")
                            .add("path", skill.toString()))).build()).status()).isEqualTo(202);
            awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")), 60);
            awaitDetail(codex.id(), Agents::idle, 30);
        }
        assertThat(model.historyOf("REFS-2")).contains("SKILLBODY-CODEX-8");
        end(codex);
    }

    @Test
    void metaNamesTheCliAndVersionEachProviderUses() {
        JsonObject agents = Api.get("/api/server/meta").json().getJsonObject("agents");
        JsonObject claude = agents.getJsonObject("claude");
        assertThat(claude.getBoolean("available")).isTrue();
        assertThat(claude.getString("source")).isEqualTo("configured");
        assertThat(claude.getString("path")).isEqualTo(System.getProperty("it.claude.bin"));
        assertThat(claude.getString("version")).isEqualTo(claude.getString("pinned_version"));
        JsonObject codex = agents.getJsonObject("codex");
        assertThat(codex.getBoolean("available")).isTrue();
        assertThat(codex.getString("source")).isEqualTo("configured");
        assertThat(codex.getString("path")).isEqualTo(System.getProperty("it.codex.bin"));
        assertThat(codex.getString("version")).isEqualTo(System.getProperty("it.codex.version"))
                .isEqualTo(codex.getString("pinned_version"));
    }
}
