package dev.flightdeck.core.mission.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PUT settings: the flat fields, their errors, and the write-back that keeps what it does not own. */
class SettingsPatchTest {

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    static SettingsPatch patch(String s) {
        return SettingsPatch.parse(json(s));
    }

    @Test
    void writeBackKeepsForeignKeysAndTheBody() {
        String existing = "---\nname: My Workflow\nsteps:\n  - build\n  - test\n---\n\nSome existing body content";
        String out = MissionFile.applySettings(existing, patch("{\"provider_strategy\":\"priority\"}"));
        MissionFile f = MissionFile.parse(out);
        assertThat(f.config().provider().strategy()).isEqualTo("priority");
        assertThat(f.frontMatter().get("name")).isEqualTo("My Workflow");
        assertThat(f.frontMatter().get("steps")).isEqualTo(List.of("build", "test"));
        assertThat(f.promptTemplate()).isEqualTo("Some existing body content");
        assertThat(out).contains("tracker: linear").doesNotContain("orbitdock:");
    }

    @Test
    void aPromptTemplateReplacesTheBody() {
        String out = MissionFile.applySettings("---\nname: My Workflow\ntracker: linear\n---\n\nOld body",
                patch("{\"prompt_template\":\"New template body\"}"));
        MissionFile f = MissionFile.parse(out);
        assertThat(f.promptTemplate()).isEqualTo("New template body");
        assertThat(out).doesNotContain("Old body").contains("name: My Workflow");
        // an empty template keeps the body, as OrbitDock does
        String kept = MissionFile.applySettings(out, patch("{\"prompt_template\":\"\"}"));
        assertThat(MissionFile.parse(kept).promptTemplate()).isEqualTo("New template body");
    }

    @Test
    void aFileWithoutFrontMatterBecomesTheBody() {
        String out = MissionFile.applySettings("Just a regular markdown file\n\nWith some content.",
                SettingsPatch.empty());
        MissionFile f = MissionFile.parse(out);
        assertThat(f.config()).isEqualTo(MissionConfig.defaults());
        assertThat(f.promptTemplate()).isEqualTo("Just a regular markdown file\n\nWith some content.");
    }

    @Test
    void noFileStartsFromTheDefaults() {
        String out = MissionFile.applySettings(null, patch("{\"poll_interval\":30,\"prompt_template\":\"Hello\"}"));
        MissionFile f = MissionFile.parse(out);
        assertThat(f.config().trigger().interval()).isEqualTo(30);
        assertThat(f.config().provider()).isEqualTo(MissionConfig.Provider.defaults());
        assertThat(f.promptTemplate()).isEqualTo("Hello");
    }

    @Test
    void commentsSurviveWriteBack() {
        String template = MissionTemplate.defaultFor("claude", "linear");
        String out = MissionFile.applySettings(template, patch("{\"poll_interval\":30,\"label_filter\":[\"ready\"],"
                + "\"secondary_provider\":\"codex\",\"budget_max_usd\":5}"));
        MissionFile f = MissionFile.parse(out);
        assertThat(f.config().trigger().interval()).isEqualTo(30);
        assertThat(f.config().trigger().filters().labels()).containsExactly("ready");
        assertThat(f.config().provider().secondary()).isEqualTo("codex");
        assertThat(out).contains("# Where the issues come from: linear | github")
                .contains("#   priority     the primary until max_concurrent_primary issues run on it")
                .contains("#     permission_mode: acceptEdits")
                .contains("interval: 30 # seconds between looks at the tracker")
                .contains("  max_usd: 5\n")
                .contains("# ─── Budget per issue (optional)");
        assertThat(f.promptTemplate()).isEqualTo(MissionFile.parse(template).promptTemplate());
    }

    @Test
    void anchorsSurviveWriteBack() {
        String existing = "---\ntrigger:\n  filters:\n    labels: &l [a, b]\nagent:\n  claude:\n    skills: *l\n---\nBody";
        MissionConfig c = MissionFile.parse(MissionFile.applySettings(existing, patch("{\"poll_interval\":9}"))).config();
        assertThat(c.trigger().interval()).isEqualTo(9);
        assertThat(c.agent().claude().skills()).containsExactly("a", "b");
    }

    @Test
    void onlyTheCarriedFieldsChange() {
        String existing = String.join("\n", "---", "tracker: linear", "trigger:", "  interval: 0777", "  custom: keep",
                "  filters:", "    labels: [a]", "---", "Body");
        String out = MissionFile.applySettings(existing, patch("{\"state_filter\":[\"Todo\"],\"max_retries\":5}"));
        MissionFile f = MissionFile.parse(out);
        assertThat(f.config().trigger().filters().labels()).containsExactly("a");
        assertThat(f.config().trigger().filters().states()).containsExactly("Todo");
        assertThat(f.config().orchestration().maxRetries()).isEqualTo(5);
        // untouched values keep their spelling, unknown nested keys stay
        assertThat(out).contains("interval: 0777").contains("custom: keep");
        assertThat(f.config().trigger().interval()).isEqualTo(777);
        assertThat(out).doesNotContain("provider:");
    }

    @Test
    void everyOrbitDockFieldLandsOnItsKey() {
        String body = "{\"provider_strategy\":\"round_robin\",\"primary_provider\":\"codex\","
                + "\"secondary_provider\":\"claude\",\"max_concurrent\":6,\"max_concurrent_primary\":2,"
                + "\"agent_claude_model\":\"m1\",\"agent_claude_effort\":\"low\",\"agent_claude_permission_mode\":\"plan\","
                + "\"agent_claude_allowed_tools\":[\"Read\"],\"agent_claude_disallowed_tools\":[\"Bash\"],"
                + "\"agent_claude_allow_bypass_permissions\":true,"
                + "\"agent_codex_model\":\"m2\",\"agent_codex_effort\":\"high\",\"agent_codex_approval_policy\":\"never\","
                + "\"agent_codex_sandbox_mode\":\"read-only\",\"agent_codex_collaboration_mode\":\"plan\","
                + "\"agent_codex_multi_agent\":false,\"agent_codex_personality\":\"terse\","
                + "\"agent_codex_service_tier\":\"flex\",\"agent_codex_developer_instructions\":\"Be brief\","
                + "\"trigger_kind\":\"manual_only\",\"poll_interval\":90,\"label_filter\":[\"bug\",\"no\"],"
                + "\"state_filter\":[\"Todo\"],\"project_key\":\"7\",\"team_key\":\"owner/repo\","
                + "\"max_retries\":1,\"stall_timeout\":0,\"base_branch\":\"develop\",\"worktree_root_dir\":\"/wt\","
                + "\"state_on_dispatch\":\"Doing\",\"state_on_complete\":\"Review\",\"tracker\":\"github\"}";
        MissionConfig c = MissionFile.parse(MissionFile.applySettings(null, patch(body))).config();
        assertThat(c.tracker()).isEqualTo("github");
        assertThat(c.provider()).isEqualTo(new MissionConfig.Provider("round_robin", "codex", "claude", 6, 2));
        assertThat(c.agent().claude()).isEqualTo(new MissionConfig.Claude("m1", "low", "plan", List.of("Read"),
                List.of("Bash"), true, List.of()));
        assertThat(c.agent().codex()).isEqualTo(new MissionConfig.Codex("m2", "high", "never", "read-only", "plan",
                false, "terse", "flex", "Be brief", List.of()));
        assertThat(c.trigger()).isEqualTo(new MissionConfig.Trigger("manual_only", 90,
                new MissionConfig.Filters(List.of("bug", "no"), List.of("Todo"), "7", "owner/repo")));
        assertThat(c.orchestration()).isEqualTo(
                new MissionConfig.Orchestration(1, 0, "develop", "/wt", "Doing", "Review", 10, 300, 3));
    }

    @Test
    void flightdecksFieldsLandOnTheirKeys() {
        String body = "{\"backoff_base\":2,\"backoff_max\":60,\"max_continuations\":1,\"budget_max_tokens\":5000000000,"
                + "\"budget_max_usd\":7.5,\"budget_max_sessions\":3,\"budget_warn_at\":0.5,"
                + "\"concurrency_by_state\":{\"Todo\":1},\"concurrency_by_label\":{\"big\":2},"
                + "\"agent_claude_skills\":[\"s\"],\"agent_codex_skills\":[\"t\"]}";
        MissionConfig c = MissionFile.parse(MissionFile.applySettings(null, patch(body))).config();
        assertThat(c.orchestration().backoffBase()).isEqualTo(2);
        assertThat(c.orchestration().backoffMax()).isEqualTo(60);
        assertThat(c.orchestration().maxContinuations()).isEqualTo(1);
        assertThat(c.budget()).isEqualTo(new MissionConfig.Budget(5_000_000_000L, new BigDecimal("7.5"), 3, 0.5));
        assertThat(c.concurrency().byState()).isEqualTo(Map.of("Todo", 1));
        assertThat(c.concurrency().byLabel()).isEqualTo(Map.of("big", 2));
        assertThat(c.agent().claude().skills()).containsExactly("s");
        assertThat(c.agent().codex().skills()).containsExactly("t");
    }

    @Test
    void nullClearsWhatMayBeUnsetAndIsIgnoredElsewhere() {
        String start = MissionFile.applySettings(null, patch("{\"secondary_provider\":\"codex\",\"project_key\":\"P\","
                + "\"agent_claude_model\":\"m\",\"budget_max_usd\":3}"));
        String out = MissionFile.applySettings(start, patch("{\"secondary_provider\":null,\"project_key\":\"\","
                + "\"agent_claude_model\":null,\"budget_max_usd\":null,\"max_retries\":null,\"base_branch\":null}"));
        MissionConfig c = MissionFile.parse(out).config();
        assertThat(c.provider().secondary()).isNull();
        assertThat(c.trigger().filters().project()).isNull();
        // the emptied agent.claude block goes with its last key
        assertThat(c.agent().claude()).isNull();
        assertThat(c.budget().maxUsd()).isNull();
        assertThat(c.orchestration().maxRetries()).isEqualTo(3);
        assertThat(c.orchestration().baseBranch()).isEqualTo("main");
    }

    @Test
    void tracker_updateChangesOnlyTheTracker() {
        String gh = MissionFile.applySettings("---\ntracker: linear\n---\nx", patch("{\"tracker\":\"github\"}"));
        assertThat(MissionFile.parse(gh).config().tracker()).isEqualTo("github");
        String same = MissionFile.applySettings(gh, patch("{\"poll_interval\":5}"));
        assertThat(MissionFile.parse(same).config().tracker()).isEqualTo("github");
    }

    @Test
    void aBrokenValueInTheFileCanBeFixedByThePatch() {
        String broken = "---\ntrigger:\n  interval: soon\n---\nBody";
        assertThatThrownBy(() -> MissionFile.parse(broken)).hasMessage("trigger.interval: must be a number of seconds");
        String fixed = MissionFile.applySettings(broken, patch("{\"poll_interval\":45}"));
        assertThat(MissionFile.parse(fixed).config().trigger().interval()).isEqualTo(45);
        // and a patch that leaves it broken is refused rather than written
        assertThatThrownBy(() -> MissionFile.applySettings(broken, patch("{\"max_retries\":1}")))
                .isInstanceOf(MissionFileException.class).hasMessage("trigger.interval: must be a number of seconds");
    }

    @Test
    void invalidYamlInTheFileIsNotOverwritten() {
        assertThatThrownBy(() -> MissionFile.applySettings("---\ntracker: [\n---\n", patch("{\"poll_interval\":1}")))
                .isInstanceOf(MissionFileException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void wrongTypesNameTheField() {
        assertField("{\"poll_interval\":\"soon\"}", "poll_interval: must be a number of seconds");
        assertField("{\"poll_interval\":-1}", "poll_interval: must not be negative");
        assertField("{\"poll_interval\":1.5}", "poll_interval: must be a number of seconds");
        assertField("{\"max_concurrent\":99999999999}", "max_concurrent: is too large");
        assertField("{\"provider_strategy\":\"fastest\"}",
                "provider_strategy: must be one of single, priority, round_robin");
        assertField("{\"primary_provider\":\"gemini\"}", "primary_provider: must be one of claude, codex");
        assertField("{\"tracker\":\"jira\"}", "tracker: must be one of linear, github");
        assertField("{\"trigger_kind\":\"cron\"}", "trigger_kind: must be one of polling, manual_only");
        assertField("{\"label_filter\":\"bug\"}", "label_filter: must be a list of strings");
        assertField("{\"label_filter\":[1]}", "label_filter: must be a list of strings");
        assertField("{\"agent_claude_allow_bypass_permissions\":\"yes\"}",
                "agent_claude_allow_bypass_permissions: must be true or false");
        assertField("{\"agent_codex_model\":5}", "agent_codex_model: must be a string");
        assertField("{\"base_branch\":\" \"}", "base_branch: must not be blank");
        assertField("{\"budget_warn_at\":2}", "budget_warn_at: must be a fraction between 0 and 1");
        assertField("{\"budget_max_usd\":-2}", "budget_max_usd: must not be negative");
        assertField("{\"concurrency_by_state\":{\"Todo\":\"x\"}}",
                "concurrency_by_state: must be an object of names to whole numbers");
        assertField("{\"prompt_template\":7}", "prompt_template: must be a string");
        assertField("{\"poll_interval\":1e400}", "poll_interval: must be a number of seconds");
    }

    @Test
    void unknownFieldsAreIgnored() {
        SettingsPatch p = patch("{\"frobnicate\":1,\"name\":\"x\"}");
        assertThat(p.isEmpty()).isTrue();
        assertThat(SettingsPatch.fieldNames()).contains("poll_interval", "agent_codex_developer_instructions",
                "label_filter", "team_key", "worktree_root_dir");
    }

    @Test
    void theBackoffCheckAppliesToTheMergedResult() {
        assertThatThrownBy(() -> MissionFile.applySettings(null, patch("{\"backoff_base\":400}")))
                .isInstanceOf(MissionFileException.class)
                .hasMessage("orchestration.backoff_max: must not be less than orchestration.backoff_base");
    }

    private static void assertField(String body, String message) {
        assertThatThrownBy(() -> patch(body)).isInstanceOf(ApiException.class).hasMessage(message)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }
}
