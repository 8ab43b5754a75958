package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SessionsIT {
    @Test
    void createPersistsAndReturnsTheSummary() throws Exception {
        Path dir = Files.createTempDirectory("fd-proj-");
        Api.Resp r = Api.post("/api/sessions", "{\"provider\":\"codex\",\"cwd\":\"" + dir + "\",\"model\":\"gpt-5\","
                + "\"initial_prompt\":\"add a retry to the upload client\",\"approval_policy\":\"on-request\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonObject body = r.json();
        String id = body.getString("session_id");
        assertThat(id).matches("od-[0-9a-f-]{36}");
        JsonObject s = body.getJsonObject("session");
        assertThat(s.getString("id")).isEqualTo(id);
        assertThat(s.getString("provider")).isEqualTo("codex");
        assertThat(s.getString("project_path")).isEqualTo(dir.toString());
        assertThat(s.getString("project_name")).isEqualTo(dir.getFileName().toString());
        assertThat(s.getString("status")).isEqualTo("active");
        assertThat(s.getString("display_title")).isEqualTo("Add a Retry to the Upload Client");
        // Fields OrbitDock's clients require on a SessionSummary.
        assertThat(s.keySet()).contains("lifecycle_state", "accepts_user_input", "steerable", "token_usage",
                "token_usage_snapshot_kind", "has_pending_approval", "allow_bypass_permissions", "summary_revision",
                "is_worktree", "unread_count", "has_turn_diff", "list_status", "active_worker_count");
        assertThat(s.getString("lifecycle_state")).isEqualTo("open");
        assertThat(s.getString("model")).isEqualTo("gpt-5");

        JsonObject detail = Api.get("/api/sessions/" + id + "/detail").json();
        assertThat(detail.getJsonNumber("revision").longValue()).isPositive();
        assertThat(detail.getJsonObject("session").getString("approval_policy")).isEqualTo("on-request");
        assertThat(detail.getJsonObject("session").getJsonNumber("revision").longValue())
                .isEqualTo(detail.getJsonNumber("revision").longValue());
    }

    @Test
    void explicitIdsAreCheckedAndUnique() {
        String id = "od-" + java.util.UUID.randomUUID();
        assertThat(Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"/tmp\",\"session_id\":\"" + id + "\"}").status())
                .isEqualTo(200);
        Api.Resp dup = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"/tmp\",\"session_id\":\"" + id + "\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"/tmp\",\"session_id\":\"../x\"}")
                .json().getString("error")).startsWith("session_id");
    }

    @Test
    void oversizedFieldsAreRefusedOrKeptWithinBounds() {
        String huge = "y".repeat(300);
        Api.Resp r = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"/tmp\",\"model\":\"" + huge + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getString("error")).startsWith("model");
        r = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"/" + "d".repeat(5000) + "\"}");
        assertThat(r.json().getString("error")).startsWith("cwd");
        String longPrompt = "word ".repeat(5000);
        r = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"/tmp\",\"initial_prompt\":\"" + longPrompt + "\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getJsonObject("session").getString("display_title")).as("48 characters and an ellipsis").hasSizeLessThanOrEqualTo(49);
        String bigInstructions = "z".repeat(90_000);
        String id = Api.createSession();
        assertThat(Api.patch("/api/sessions/" + id + "/detail/config", "{\"developer_instructions\":\"" + bigInstructions + "\"}")
                .json().getJsonObject("session").getString("developer_instructions")).hasSize(90_000);
    }

    @Test
    void configPatchSetsClearsAndValidates() {
        String id = Api.createSession();
        long r0 = Api.detailRevision(id);
        JsonObject d = Api.patch("/api/sessions/" + id + "/detail/config",
                "{\"permission_mode\":\"plan\",\"model\":\"claude-opus\",\"multi_agent\":true}").json();
        assertThat(d.getJsonNumber("revision").longValue()).isGreaterThan(r0);
        assertThat(d.getJsonObject("session").getString("permission_mode")).isEqualTo("plan");
        assertThat(d.getJsonObject("session").getString("model")).isEqualTo("claude-opus");
        assertThat(d.getJsonObject("session").getBoolean("multi_agent")).isTrue();

        d = Api.patch("/api/sessions/" + id + "/detail/config", "{\"permission_mode\":null}").json();
        assertThat(d.getJsonObject("session").containsKey("permission_mode")).isFalse();
        assertThat(d.getJsonObject("session").getString("model")).isEqualTo("claude-opus");

        long r1 = d.getJsonNumber("revision").longValue();
        assertThat(Api.patch("/api/sessions/" + id + "/detail/config", "{\"model\":\"claude-opus\"}")
                .json().getJsonNumber("revision").longValue()).as("a no-op patch takes no revision").isEqualTo(r1);

        Api.Resp bad = Api.patch("/api/sessions/" + id + "/detail/config", "{\"permission_mode\":\"yolo\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getString("error")).startsWith("permission_mode");
        bad = Api.patch("/api/sessions/" + id + "/detail/config", "{\"multi_agent\":\"yes\"}");
        assertThat(bad.json().getString("error")).startsWith("multi_agent");
        bad = Api.patch("/api/sessions/" + id + "/detail/config", "{\"colour\":\"red\"}");
        assertThat(bad.json().getString("error")).startsWith("colour");
        bad = Api.patch("/api/sessions/" + id + "/detail/config", "{\"codex_config_mode\":\"weird\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().getString("code")).isEqualTo("invalid_codex_config");
        assertThat(Api.detailRevision(id)).as("failed patches change nothing").isEqualTo(r1);
    }

    @Test
    void nameSummaryAndDisplayTitle() {
        String id = Api.createSession();
        JsonObject a = Api.patch("/api/sessions/" + id + "/detail/summary", "{\"summary\":\"Refactor auth\"}").json();
        assertThat(a.getBoolean("accepted")).isTrue();
        assertThat(a.getJsonObject("session_detail_snapshot").getJsonObject("session").getString("display_title"))
                .isEqualTo("Refactor auth");
        a = Api.patch("/api/sessions/" + id + "/detail/name", "{\"name\":\"My session\"}").json();
        assertThat(a.getJsonObject("session_detail_snapshot").getJsonObject("session").getString("display_title"))
                .isEqualTo("My session");
        a = Api.patch("/api/sessions/" + id + "/detail/name", "{\"name\":null}").json();
        assertThat(a.getJsonObject("session_detail_snapshot").getJsonObject("session").getString("display_title"))
                .isEqualTo("Refactor auth");
        assertThat(Api.patch("/api/sessions/" + id + "/detail/summary", "{}").json().getString("error"))
                .startsWith("summary");
        assertThat(Api.patch("/api/sessions/" + id + "/detail/name", "{\"name\":5}").json().getString("error"))
                .startsWith("name");
    }

    @Test
    void readAndEnd() {
        String id = Api.createSession();
        JsonObject read = Api.post("/api/sessions/" + id + "/detail/read", null).json();
        assertThat(read.getString("session_id")).isEqualTo(id);
        assertThat(read.getInt("unread_count")).isZero();

        JsonObject ended = Api.post("/api/sessions/" + id + "/lifecycle/end", null).json();
        JsonObject s = ended.getJsonObject("session_detail_snapshot").getJsonObject("session");
        assertThat(s.getString("status")).isEqualTo("ended");
        assertThat(s.getString("list_status")).isEqualTo("ended");
        assertThat(s.getString("ended_at")).isNotBlank();
        assertThat(Api.get("/api/sessions/active").json().getJsonArray("conversations").stream()
                .map(v -> v.asJsonObject().getString("session_id"))).doesNotContain(id);
        assertThat(Api.get("/api/sessions/archive?limit=500").json().getJsonArray("sessions").stream()
                .map(v -> v.asJsonObject().getString("id"))).contains(id);
    }

    @Test
    void listsCountAndPage() {
        String a = Api.createSession();
        String b = Api.createSession();
        Api.post("/api/sessions/" + a + "/lifecycle/end", null);
        Api.post("/api/sessions/" + b + "/lifecycle/end", null);

        JsonObject summary = Api.get("/api/sessions/summary").json();
        assertThat(summary.getJsonNumber("revision").longValue()).isPositive();
        JsonObject counts = summary.getJsonObject("counts");
        assertThat(counts.getInt("total")).isGreaterThanOrEqualTo(counts.getInt("active") + 2);
        assertThat(summary.getJsonArray("recent_sessions").stream().map(v -> v.asJsonObject().getString("id")))
                .contains(a, b);

        JsonObject item = summary.getJsonArray("recent_sessions").getJsonObject(0);
        assertThat(item.keySet()).contains("lifecycle_state", "steerable", "has_turn_diff", "is_worktree", "total_tokens",
                "total_cost_usd", "display_title", "list_status", "summary_revision", "active_worker_count");
        assertThat(item.getString("list_status")).isEqualTo("ended");
        assertThat(summary.getJsonArray("recent_sessions")).hasSizeLessThanOrEqualTo(5);

        String live = Api.createSession();
        JsonObject active = Api.get("/api/sessions/active").json();
        JsonObject conversation = active.getJsonArray("conversations").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("session_id").equals(live)).findFirst().orElseThrow();
        assertThat(conversation.keySet()).contains("provider", "project_path", "status", "work_status", "control_mode",
                "lifecycle_state", "list_status", "display_title", "unread_count", "has_turn_diff", "tool_count");
        assertThat(active.getJsonObject("counts").containsKey("direct")).isTrue();
        active.getJsonArray("project_groups").forEach(g ->
                assertThat(g.asJsonObject().getJsonArray("session_ids")).isNotEmpty());

        JsonObject page1 = Api.get("/api/sessions/archive?limit=1&offset=0").json();
        long total = page1.getJsonNumber("total_count").longValue();
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(page1.getJsonArray("sessions")).hasSize(1);
        assertThat(page1.getInt("next_offset")).isEqualTo(1);
        JsonObject page2 = Api.get("/api/sessions/archive?limit=1&offset=1").json();
        assertThat(page2.getJsonArray("sessions").getJsonObject(0).getString("id"))
                .isNotEqualTo(page1.getJsonArray("sessions").getJsonObject(0).getString("id"));
        JsonObject last = Api.get("/api/sessions/archive?limit=500&offset=" + (total - 1)).json();
        assertThat(last.containsKey("next_offset")).isFalse();
    }
}
