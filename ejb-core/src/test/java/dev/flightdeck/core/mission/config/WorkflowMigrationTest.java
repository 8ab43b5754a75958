package dev.flightdeck.core.mission.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both generations of Symphony's WORKFLOW.md (SPEC.md §5.3 before and after the tracker interface). */
class WorkflowMigrationTest {

    private static final String FIRST_GENERATION = String.join("\n",
            "---",
            "tracker:",
            "  kind: linear",
            "  project_slug: my-project",
            "  active_states:",
            "    - Todo",
            "    - \"In Progress\"",
            "polling:",
            "  interval_ms: 15000",
            "agent:",
            "  max_concurrent_agents: 10",
            "codex:",
            "  command: codex --model gpt-5",
            "---",
            "Some prompt body",
            "");

    private static final String SECOND_GENERATION = String.join("\n",
            "---",
            "tracker:",
            "  kind: linear",
            "  provider:",
            "    project_slug: \"symphony-0c79b11b75ea\"",
            "    api_key: $LINEAR_API_KEY",
            "  required_labels: [agent, backend]",
            "  active_states:",
            "    - Todo",
            "    - In Progress",
            "    - Rework",
            "  terminal_states: [Done, Closed]",
            "polling:",
            "  interval_ms: 5000",
            "workspace:",
            "  root: ~/code/symphony-workspaces",
            "hooks:",
            "  after_create: |",
            "    git clone --depth 1 https://example.test/repo .",
            "agent:",
            "  max_concurrent_agents: 4",
            "  max_turns: 20",
            "  max_retry_backoff_ms: 120000",
            "  max_concurrent_agents_by_state:",
            "    Rework: 1",
            "    Todo: 0",
            "codex:",
            "  command: codex app-server",
            "  approval_policy: never",
            "  thread_sandbox: workspace-write",
            "  stall_timeout_ms: 90000",
            "  turn_sandbox_policy:",
            "    type: workspaceWrite",
            "---",
            "",
            "You are working on `{{ issue.identifier }}`",
            "",
            "{% if attempt %}",
            "This is follow-up attempt #{{ attempt }}.",
            "{% endif %}",
            "Labels: {% for l in issue.labels %}{{ l }} {% endfor %}",
            "Branch: {{ issue.branch_name }}",
            "");

    @Test
    void firstGeneration() {
        String text = WorkflowMigration.migrate(FIRST_GENERATION);
        MissionFile f = MissionFile.parse(text);
        MissionConfig c = f.config();
        assertThat(c.tracker()).isEqualTo("linear");
        assertThat(c.trigger().filters().project()).isEqualTo("my-project");
        assertThat(c.trigger().filters().states()).containsExactly("Todo", "In Progress");
        assertThat(c.trigger().interval()).isEqualTo(15);
        assertThat(c.provider().maxConcurrent()).isEqualTo(10);
        assertThat(c.provider().primary()).isEqualTo("codex");
        assertThat(f.promptTemplate()).isEqualTo("Some prompt body");
        assertThat(text).contains("# Migrated from a Symphony WORKFLOW.md.").contains("codex.command was dropped");
    }

    @Test
    void secondGeneration() {
        String text = WorkflowMigration.migrate(SECOND_GENERATION);
        MissionFile f = MissionFile.parse(text);
        MissionConfig c = f.config();
        assertThat(c.tracker()).isEqualTo("linear");
        assertThat(c.trigger().filters().project()).isEqualTo("symphony-0c79b11b75ea");
        assertThat(c.trigger().filters().labels()).containsExactly("agent", "backend");
        assertThat(c.trigger().filters().states()).containsExactly("Todo", "In Progress", "Rework");
        assertThat(c.trigger().interval()).isEqualTo(5);
        assertThat(c.provider().maxConcurrent()).isEqualTo(4);
        assertThat(c.provider().primary()).isEqualTo("codex");
        assertThat(c.agent().codex().approvalPolicy()).isEqualTo("never");
        assertThat(c.agent().codex().sandboxMode()).isEqualTo("workspace-write");
        assertThat(c.orchestration().stallTimeout()).isEqualTo(90);
        assertThat(c.orchestration().backoffMax()).isEqualTo(120);
        assertThat(c.orchestration().maxContinuations()).isEqualTo(20);
        assertThat(c.orchestration().worktreeRootDir()).isEqualTo("~/code/symphony-workspaces");
        // Symphony ignores non-positive per-state limits
        assertThat(c.concurrency().byState()).isEqualTo(Map.of("Rework", 1));
        assertThat(f.frontMatter()).containsKey("hooks");
        // the key is never copied, only pointed at
        assertThat(text).doesNotContain("$LINEAR_API_KEY").contains("api_key was not copied")
                .contains("terminal_states was dropped");
        // Symphony idioms keep their meaning
        assertThat(f.promptTemplate()).contains("{% if attempt > 1 %}")
                .contains("{% for l in issue.label_list %}").contains("{{ workspace.branch }}");
        assertThat(text).doesNotContain("does not render yet");
    }

    @Test
    void githubRepositoryBecomesTheTeamFilter() {
        String text = WorkflowMigration.migrate(String.join("\n", "---", "tracker:", "  kind: github", "  provider:",
                "    repo: owner/repo", "    token: $GITHUB_TOKEN", "  active_states: [open]", "---", "Do it"));
        MissionConfig c = MissionFile.parse(text).config();
        assertThat(c.tracker()).isEqualTo("github");
        assertThat(c.trigger().filters().team()).isEqualTo("owner/repo");
        assertThat(c.trigger().filters().states()).containsExactly("open");
        assertThat(c.provider().primary()).isEqualTo("claude");
        assertThat(text).doesNotContain("$GITHUB_TOKEN").contains("token was not copied");
    }

    @Test
    void anEmptyBodyGetsTheDefaultPrompt() {
        String text = WorkflowMigration.migrate("---\ntracker:\n  kind: linear\n---\n");
        assertThat(MissionFile.parse(text).promptTemplate()).contains("{{ workspace.branch }}");
        assertThat(text).contains("the default mission prompt is used");
    }

    @Test
    void aPromptThatWillNotRenderIsFlagged() {
        String text = WorkflowMigration.migrate("---\ntracker:\n  kind: linear\n---\n{{ issue.native_ref }}");
        assertThat(text).contains("does not render yet").contains("issue.native_ref");
        assertThat(MissionFile.parse(text).promptTemplate()).isEqualTo("{{ issue.native_ref }}");
    }

    @Test
    void unknownInputIsAClearError() {
        assertThatThrownBy(() -> WorkflowMigration.migrate("Just a prompt, no front matter"))
                .isInstanceOf(MissionFileException.class).hasMessageContaining("no YAML front matter");
        assertThatThrownBy(() -> WorkflowMigration.migrate("---\nname: Not a Symphony workflow\n---\nHello"))
                .hasMessageContaining("does not contain Symphony configuration");
        assertThatThrownBy(() -> WorkflowMigration.migrate("---\ntracker:\n  kind: jira\n---\nHello"))
                .hasMessageContaining("tracker.kind \"jira\" has no MISSION.md equivalent");
        assertThatThrownBy(() -> WorkflowMigration.migrate("---\npolling:\n  interval_ms: soon\n---\nHello"))
                .hasMessage("WORKFLOW.md polling.interval_ms: must be a whole number");
        assertThatThrownBy(() -> WorkflowMigration.migrate("---\ntracker: [\n---\nHello"))
                .hasMessageContaining("WORKFLOW.md front matter is not valid YAML");
        assertThatThrownBy(() -> WorkflowMigration.migrate(null)).isInstanceOf(MissionFileException.class);
    }

    @Test
    void aMissingKindMeansLinear() {
        String text = WorkflowMigration.migrate("---\npolling:\n  interval_ms: 500\n---\nHi");
        MissionConfig c = MissionFile.parse(text).config();
        assertThat(c.tracker()).isEqualTo("linear");
        assertThat(c.trigger().interval()).isEqualTo(1);
        assertThat(text).contains("linear assumed");
    }
}
