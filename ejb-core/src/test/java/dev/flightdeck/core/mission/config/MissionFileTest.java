package dev.flightdeck.core.mission.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OrbitDock's parser cases (as facts, not code), then YAML 1.2 traps and Flightdeck's additions. */
class MissionFileTest {

    private static final String FULL = String.join("\n",
            "---",
            "tracker: linear",
            "provider:",
            "  strategy: priority",
            "  primary: claude",
            "  secondary: codex",
            "  max_concurrent: 5",
            "  max_concurrent_primary: 3",
            "workspace:",
            "  provider: daytona",
            "  image: team/custom:v2",
            "  retention: keep_duration",
            "  retention_ttl: 3600",
            "  resources:",
            "    cpu: 4",
            "    memory: 8Gi",
            "  setup_commands:",
            "    - npm install",
            "    - cargo build",
            "trigger:",
            "  kind: polling",
            "  interval: 30",
            "  filters:",
            "    labels: [bug, agent-ready]",
            "    states: [Todo]",
            "    project: PROJ",
            "    team: Engineering",
            "orchestration:",
            "  max_retries: 5",
            "  stall_timeout: 300",
            "  base_branch: develop",
            "---",
            "You are working on issue {{ issue.identifier }}: {{ issue.title }}",
            "");

    @Test
    void readsEveryKeyOfTheTopLevelSchema() {
        MissionFile f = MissionFile.parse(FULL);
        MissionConfig c = f.config();
        assertThat(c.tracker()).isEqualTo("linear");
        assertThat(c.provider()).isEqualTo(new MissionConfig.Provider("priority", "claude", "codex", 5, 3));
        assertThat(c.workspace().provider()).isEqualTo("daytona");
        assertThat(c.workspace().image()).isEqualTo("team/custom:v2");
        assertThat(c.workspace().retention()).isEqualTo("keep_duration");
        assertThat(c.workspace().retentionTtl()).isEqualTo(3600L);
        assertThat(c.workspace().resources()).isEqualTo(new MissionConfig.Resources(4, "8Gi"));
        assertThat(c.workspace().setupCommands()).containsExactly("npm install", "cargo build");
        assertThat(c.trigger().kind()).isEqualTo("polling");
        assertThat(c.trigger().interval()).isEqualTo(30);
        assertThat(c.trigger().filters()).isEqualTo(
                new MissionConfig.Filters(List.of("bug", "agent-ready"), List.of("Todo"), "PROJ", "Engineering"));
        assertThat(c.orchestration().maxRetries()).isEqualTo(5);
        assertThat(c.orchestration().stallTimeout()).isEqualTo(300);
        assertThat(c.orchestration().baseBranch()).isEqualTo("develop");
        assertThat(f.promptTemplate()).isEqualTo("You are working on issue {{ issue.identifier }}: {{ issue.title }}");
    }

    @Test
    void oneRecognisedKeyGivesOrbitDocksDefaultsForTheRest() {
        MissionFile f = MissionFile.parse("---\ntracker: linear\n---\nHello");
        MissionConfig c = f.config();
        assertThat(c.provider()).isEqualTo(new MissionConfig.Provider("single", "claude", null, 3, null));
        assertThat(c.trigger().kind()).isEqualTo("polling");
        assertThat(c.trigger().interval()).isEqualTo(60);
        assertThat(c.trigger().filters()).isEqualTo(MissionConfig.Filters.none());
        MissionConfig.Orchestration o = c.orchestration();
        assertThat(List.of(o.maxRetries(), o.stallTimeout(), o.baseBranch(), o.stateOnDispatch(), o.stateOnComplete()))
                .containsExactly(3, 600L, "main", "In Progress", "In Review");
        assertThat(o.worktreeRootDir()).isNull();
        assertThat(List.of(o.backoffBase(), o.backoffMax(), o.maxContinuations())).containsExactly(10L, 300L, 3);
        assertThat(c.agent().claude()).isNull();
        assertThat(c.agent().codex()).isNull();
        assertThat(c.workspace().isEmpty()).isTrue();
        assertThat(c.budget()).isEqualTo(MissionConfig.Budget.unlimited());
        assertThat(c.budget().warnAt()).isEqualTo(0.8);
        assertThat(c.concurrency().isEmpty()).isTrue();
        assertThat(c).isEqualTo(MissionConfig.defaults());
        assertThat(f.promptTemplate()).isEqualTo("Hello");
    }

    @Test
    void emptyFrontMatterIsNotAMission() {
        assertThatThrownBy(() -> MissionFile.parse("---\n---\nHello")).isInstanceOf(MissionFileException.class)
                .hasMessageContaining("does not contain mission configuration");
    }

    @Test
    void unrelatedYamlIsNotAMission() {
        assertThatThrownBy(() -> MissionFile.parse("---\nname: My Workflow\nsteps:\n  - build\n---\nHello"))
                .hasMessageContaining("does not contain mission configuration");
    }

    @Test
    void commentedOutOrNestedKeysDoNotMakeAMission() {
        // OrbitDock's substring test accepts both of these as all-defaults missions.
        assertThatThrownBy(() -> MissionFile.parse("---\n# tracker: linear\nname: x\n---\nHello"))
                .hasMessageContaining("does not contain mission configuration");
        assertThatThrownBy(() -> MissionFile.parse("---\norbitdock:\n  tracker: linear\n  provider: {}\n---\nHello"))
                .hasMessageContaining("does not contain mission configuration");
        assertThatThrownBy(() -> MissionFile.parse("---\nnotes: \"tracker: linear\"\n---\nHello"))
                .hasMessageContaining("does not contain mission configuration");
    }

    @Test
    void aFileWithOnlyTriggerFiltersIsAMission() {
        MissionFile f = MissionFile.parse("---\ntracker: linear\ntrigger:\n  filters:\n    project: PROJ\n---\nHello");
        assertThat(f.config().trigger().filters().project()).isEqualTo("PROJ");
        assertThat(f.config().trigger().interval()).isEqualTo(60);
        assertThat(f.promptTemplate()).isEqualTo("Hello");
        assertThat(MissionFile.parse("---\ntrigger:\n  filters:\n    labels: [x]\n---\n").config().trigger().filters()
                .labels()).containsExactly("x");
    }

    @Test
    void anAgentBlockAloneIsAMission() {
        MissionFile f = MissionFile.parse("---\nagent:\n  claude:\n    model: test-model\n---\nHello");
        assertThat(f.config().agent().claude().model()).isEqualTo("test-model");
        assertThat(f.config().agent().codex()).isNull();
    }

    @Test
    void readsBothAgentBlocks() {
        MissionFile f = MissionFile.parse(String.join("\n", "---", "tracker: linear", "agent:", "  claude:",
                "    model: claude-sonnet-4-6", "    effort: high", "    permission_mode: acceptEdits",
                "    allowed_tools: [Read, Edit]", "    allow_bypass_permissions: false", "    skills: [testing]",
                "  codex:", "    model: gpt-5.3-codex", "    approval_policy: on-request", "    multi_agent: true",
                "    developer_instructions: |", "      Be concise.", "      Write tests.", "---", "Hello"));
        MissionConfig.Claude claude = f.config().agent().claude();
        assertThat(claude).isEqualTo(new MissionConfig.Claude("claude-sonnet-4-6", "high", "acceptEdits",
                List.of("Read", "Edit"), List.of(), false, List.of("testing")));
        MissionConfig.Codex codex = f.config().agent().codex();
        assertThat(codex.model()).isEqualTo("gpt-5.3-codex");
        assertThat(codex.approvalPolicy()).isEqualTo("on-request");
        assertThat(codex.multiAgent()).isTrue();
        assertThat(codex.developerInstructions()).isEqualTo("Be concise.\nWrite tests.\n");
    }

    @Test
    void launchSettingsFillInUnattendedDefaults() {
        MissionConfig.Agent none = new MissionConfig.Agent(null, null);
        MissionConfig.Claude claude = none.claudeForLaunch();
        assertThat(claude.permissionMode()).isEqualTo("acceptEdits");
        assertThat(claude.allowedTools()).containsExactly("Bash(git:*)");
        assertThat(claude.disallowedTools()).containsExactly("Bash(rm:*)");
        assertThat(claude.allowBypassPermissions()).isTrue();
        MissionConfig.Codex codex = none.codexForLaunch();
        assertThat(codex.approvalPolicy()).isEqualTo("never");
        assertThat(codex.sandboxMode()).isEqualTo("workspace-write");

        MissionConfig.Agent set = MissionFile.parse(String.join("\n", "---", "agent:", "  claude:",
                "    permission_mode: plan", "    allowed_tools: [Bash]", "    allow_bypass_permissions: false",
                "  codex:", "    approval_policy: on-request", "    sandbox_mode: danger-full-access", "---", ""))
                .config().agent();
        assertThat(set.claudeForLaunch().permissionMode()).isEqualTo("plan");
        assertThat(set.claudeForLaunch().allowedTools()).containsExactly("Bash");
        assertThat(set.claudeForLaunch().disallowedTools()).containsExactly("Bash(rm:*)");
        assertThat(set.claudeForLaunch().allowBypassPermissions()).isTrue();
        assertThat(set.codexForLaunch().approvalPolicy()).isEqualTo("on-request");
        assertThat(set.codexForLaunch().sandboxMode()).isEqualTo("danger-full-access");
    }

    @Test
    void missingFencesAreNamed() {
        assertThatThrownBy(() -> MissionFile.parse("no front matter here"))
                .hasMessageContaining("must start with YAML front matter");
        assertThatThrownBy(() -> MissionFile.parse("")).hasMessageContaining("must start with YAML front matter");
        assertThatThrownBy(() -> MissionFile.parse("---\ntracker: linear\nno closing fence"))
                .hasMessageContaining("missing the closing ---");
    }

    @Test
    void fencesAreWholeLines() {
        // A "----" rule and "--- " or "---" inside a block scalar do not close the front matter.
        String text = String.join("\n", "---", "tracker: github", "agent:", "  codex:",
                "    developer_instructions: |", "      Before:", "      ---", "      --- not a fence", "      ----",
                "      After.", "---", "Body", "----", "--- ", "more body");
        MissionFile f = MissionFile.parse(text);
        assertThat(f.config().tracker()).isEqualTo("github");
        assertThat(f.config().agent().codex().developerInstructions())
                .isEqualTo("Before:\n---\n--- not a fence\n----\nAfter.\n");
        assertThat(f.promptTemplate()).isEqualTo("Body\n----\n--- \nmore body");
        assertThatThrownBy(() -> MissionFile.parse("---\ntracker: linear\n----\nbody"))
                .hasMessageContaining("missing the closing ---");
    }

    @Test
    void leadingBlankLinesCarriageReturnsAndABomAreAccepted() {
        MissionFile f = MissionFile.parse("\uFEFF\n\n--- \r\ntracker: github\r\n---\t\r\n\r\nHello\r\nWorld\r\n");
        assertThat(f.config().tracker()).isEqualTo("github");
        assertThat(f.promptTemplate()).isEqualTo("Hello\nWorld");
    }

    @Test
    void yaml12KeepsNoOnAndYesAsStrings() {
        MissionFile f = MissionFile.parse(String.join("\n", "---", "trigger:", "  filters:",
                "    labels: [no, on, yes, off]", "    team: no", "orchestration:", "  state_on_dispatch: on",
                "  state_on_complete: off", "---", ""));
        assertThat(f.config().trigger().filters().labels()).containsExactly("no", "on", "yes", "off");
        assertThat(f.config().trigger().filters().team()).isEqualTo("no");
        assertThat(f.config().orchestration().stateOnDispatch()).isEqualTo("on");
        assertThat(f.config().orchestration().stateOnComplete()).isEqualTo("off");
    }

    @Test
    void numbersReadAsWrittenWhereAStringIsWanted() {
        MissionFile f = MissionFile.parse(String.join("\n", "---", "trigger:", "  interval: 0777", "  filters:",
                "    project: 3", "    team: 0777", "    labels: [1e3, 1.10]", "orchestration:", "  base_branch: 1.10",
                "  max_retries: 1e1", "---", ""));
        // YAML 1.2: 0777 is decimal 777 (octal is 0o777); 1e3 is a float
        assertThat(f.config().trigger().interval()).isEqualTo(777);
        assertThat(f.config().trigger().filters().project()).isEqualTo("3");
        assertThat(f.config().trigger().filters().team()).isEqualTo("0777");
        assertThat(f.config().trigger().filters().labels()).containsExactly("1e3", "1.10");
        assertThat(f.config().orchestration().baseBranch()).isEqualTo("1.10");
        assertThat(f.config().orchestration().maxRetries()).isEqualTo(10);
        assertThat(MissionFile.parse("---\ntrigger:\n  interval: 0o17\n---\n").config().trigger().interval())
                .isEqualTo(15);
        assertThat(MissionFile.parse("---\ntrigger:\n  interval: 0x10\n---\n").config().trigger().interval())
                .isEqualTo(16);
        assertThat(MissionFile.parse("---\ntrigger:\n  interval: \"45\"\n---\n").config().trigger().interval())
                .isEqualTo(45);
    }

    @Test
    void tildeAndEmptyValuesMeanUnset() {
        MissionFile f = MissionFile.parse(String.join("\n", "---", "provider:", "  secondary: ~", "  max_concurrent:",
                "trigger: ~", "orchestration:", "  worktree_root_dir: null", "  base_branch: \"\"", "---", ""));
        assertThat(f.config().provider().secondary()).isNull();
        assertThat(f.config().provider().maxConcurrent()).isEqualTo(3);
        assertThat(f.config().trigger()).isEqualTo(MissionConfig.Trigger.defaults());
        assertThat(f.config().orchestration().worktreeRootDir()).isNull();
        assertThat(f.config().orchestration().baseBranch()).isEqualTo("main");
        // "~" as a string value must be quoted, as YAML 1.2 says
        assertThat(MissionFile.parse("---\norchestration:\n  base_branch: \"~\"\n---\n").config().orchestration()
                .baseBranch()).isEqualTo("~");
    }

    @Test
    void wrongTypesNameTheField() {
        assertThatThrownBy(() -> MissionFile.parse("---\ntrigger:\n  interval: soon\n---\n"))
                .isInstanceOf(MissionFileException.class)
                .hasMessage("trigger.interval: must be a number of seconds");
        assertThatThrownBy(() -> MissionFile.parse("---\ntrigger:\n  interval: 1.5\n---\n"))
                .hasMessage("trigger.interval: must be a number of seconds");
        assertThatThrownBy(() -> MissionFile.parse("---\ntrigger:\n  interval: -5\n---\n"))
                .hasMessage("trigger.interval: must not be negative");
        assertThatThrownBy(() -> MissionFile.parse("---\ntrigger:\n  interval: .inf\n---\n"))
                .hasMessage("trigger.interval: must be a number of seconds");
        assertThatThrownBy(() -> MissionFile.parse("---\ntrigger:\n  interval: 1e999999999\n---\n"))
                .hasMessage("trigger.interval: must be a number of seconds");
        assertThatThrownBy(() -> MissionFile.parse("---\nprovider: claude\n---\n"))
                .hasMessage("provider: must be a mapping of keys to values");
        assertThatThrownBy(() -> MissionFile.parse("---\nprovider:\n  max_concurrent: [1]\n---\n"))
                .hasMessage("provider.max_concurrent: must be a whole number");
        assertThatThrownBy(() -> MissionFile.parse("---\nprovider:\n  max_concurrent: 99999999999\n---\n"))
                .hasMessage("provider.max_concurrent: is too large");
        assertThatThrownBy(() -> MissionFile.parse("---\nprovider:\n  strategy: fastest\n---\n"))
                .hasMessageStartingWith("provider.strategy: must be one of single, priority, round_robin");
        assertThatThrownBy(() -> MissionFile.parse("---\ntracker: jira\n---\n"))
                .hasMessageStartingWith("tracker: must be one of linear, github");
        assertThatThrownBy(() -> MissionFile.parse("---\ntrigger:\n  kind: webhook\n---\n"))
                .hasMessageStartingWith("trigger.kind: must be one of polling, manual_only");
        assertThatThrownBy(() -> MissionFile.parse("---\ntrigger:\n  filters:\n    project: [a, b]\n---\n"))
                .hasMessage("trigger.filters.project: must be a single value, not a list or mapping");
        assertThatThrownBy(() -> MissionFile.parse("---\ntrigger:\n  filters:\n    labels: {a: 1}\n---\n"))
                .hasMessage("trigger.filters.labels: must be a list of values");
        assertThatThrownBy(() -> MissionFile.parse("---\ntrigger:\n  filters:\n    labels: [a, [b]]\n---\n"))
                .hasMessage("trigger.filters.labels[1]: must be a single value");
        assertThatThrownBy(() -> MissionFile.parse("---\nagent:\n  codex:\n    multi_agent: yes\n---\n"))
                .hasMessage("agent.codex.multi_agent: must be true or false");
        assertThatThrownBy(() -> MissionFile.parse("---\n- tracker\n---\n"))
                .hasMessageContaining("must be a YAML mapping");
    }

    @Test
    void scalarsAreCoercedSensibly() {
        MissionFile f = MissionFile.parse(String.join("\n", "---", "tracker: GitHub", "provider:",
                "  primary: \" Codex \"", "trigger:", "  filters:", "    labels: bug", "    states: 3", "---", ""));
        assertThat(f.config().tracker()).isEqualTo("github");
        assertThat(f.config().provider().primary()).isEqualTo("codex");
        assertThat(f.config().trigger().filters().labels()).containsExactly("bug");
        assertThat(f.config().trigger().filters().states()).containsExactly("3");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> MissionFile.parse("---\ntracker: linear\ntracker: github\n---\n"))
                .isInstanceOf(MissionFileException.class).hasMessageContaining("not valid YAML")
                .hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> MissionFile.parse("---\ntrigger:\n  interval: 5\n  interval: 6\n---\n"))
                .hasMessageContaining("duplicate key");
    }

    @Test
    void anchorsWorkButAliasBombsDoNot() {
        MissionFile f = MissionFile.parse(String.join("\n", "---", "trigger:", "  filters:",
                "    labels: &l [bug, ready]", "agent:", "  claude:", "    skills: *l", "---", ""));
        assertThat(f.config().agent().claude().skills()).containsExactly("bug", "ready");

        StringBuilder bomb = new StringBuilder("---\ntracker: linear\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        bomb.append("---\n");
        assertThatThrownBy(() -> MissionFile.parse(bomb.toString())).isInstanceOf(MissionFileException.class)
                .hasMessageContaining("not valid YAML").hasMessageContaining("aliases");
    }

    @Test
    void hugeFrontMatterIsRefused() {
        String big = "---\ntracker: linear\nnotes: \"" + "x".repeat(MissionYaml.MAX_CODE_POINTS + 10) + "\"\n---\n";
        assertThatThrownBy(() -> MissionFile.parse(big)).isInstanceOf(MissionFileException.class)
                .hasMessageContaining("not valid YAML").hasMessageContaining("code points");
        String bigBody = "---\ntracker: linear\n---\n" + "x".repeat(MissionFile.MAX_FILE_CHARS);
        assertThatThrownBy(() -> MissionFile.parse(bigBody)).isInstanceOf(MissionFileException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void yamlSyntaxErrorsSayWhere() {
        assertThatThrownBy(() -> MissionFile.parse("---\ntracker: [linear\n---\n"))
                .isInstanceOf(MissionFileException.class).hasMessageStartingWith("MISSION.md front matter is not valid YAML")
                .hasMessageContaining("line");
        // a second document inside the front matter
        assertThatThrownBy(() -> MissionFile.parse("---\ntracker: linear\n--- x\nprovider: {}\n---\n"))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void readsFlightdecksAdditions() {
        MissionFile f = MissionFile.parse(String.join("\n", "---", "tracker: linear", "orchestration:",
                "  backoff_base: 5", "  backoff_max: 120", "  max_continuations: 7", "budget:", "  max_tokens: 3000000000",
                "  max_usd: 12.50", "  max_sessions: 4", "  warn_at: 0.9", "concurrency:", "  by_state:",
                "    \"In Progress\": 2", "  by_label:", "    migration: 1", "    3: 2", "---", ""));
        MissionConfig c = f.config();
        assertThat(c.orchestration().backoffBase()).isEqualTo(5);
        assertThat(c.orchestration().backoffMax()).isEqualTo(120);
        assertThat(c.orchestration().maxContinuations()).isEqualTo(7);
        assertThat(c.budget()).isEqualTo(new MissionConfig.Budget(3_000_000_000L, new BigDecimal("12.50"), 4, 0.9));
        assertThat(c.concurrency().byState()).containsExactly(Map.entry("In Progress", 2));
        assertThat(c.concurrency().byLabel()).containsExactly(Map.entry("migration", 1), Map.entry("3", 2));
    }

    @Test
    void flightdecksAdditionsAreChecked() {
        assertThatThrownBy(() -> MissionFile.parse("---\nbudget:\n  warn_at: 1.5\n---\n"))
                .hasMessage("budget.warn_at: must be a fraction between 0 and 1");
        assertThatThrownBy(() -> MissionFile.parse("---\nbudget:\n  warn_at: 0\n---\n"))
                .hasMessage("budget.warn_at: must be a fraction between 0 and 1");
        assertThatThrownBy(() -> MissionFile.parse("---\nbudget:\n  max_usd: -1\n---\n"))
                .hasMessage("budget.max_usd: must not be negative");
        assertThatThrownBy(() -> MissionFile.parse("---\nbudget:\n  max_usd: lots\n---\n"))
                .hasMessage("budget.max_usd: must be an amount in US dollars");
        assertThatThrownBy(() -> MissionFile.parse("---\nconcurrency:\n  by_state:\n    Todo: two\n---\n"))
                .hasMessage("concurrency.by_state.Todo: must be a whole number of issues");
        assertThatThrownBy(() -> MissionFile.parse("---\nconcurrency:\n  by_label: [a]\n---\n"))
                .hasMessage("concurrency.by_label: must be a mapping of keys to values");
        assertThatThrownBy(() -> MissionFile.parse("---\norchestration:\n  backoff_base: 60\n  backoff_max: 30\n---\n"))
                .hasMessage("orchestration.backoff_max: must not be less than orchestration.backoff_base");
    }

    @Test
    void renderedConfigParsesBackToTheSameConfig() {
        MissionConfig config = new MissionConfig("linear", new MissionConfig.Provider("priority", "claude", "codex", 5, 3),
                new MissionConfig.Trigger("polling", 30, new MissionConfig.Filters(List.of("bug"), List.of(), "PROJ", null)),
                new MissionConfig.Orchestration(3, 600, "develop", null, "In Progress", "In Review", 10, 300, 3),
                new MissionConfig.Agent(new MissionConfig.Claude("claude-sonnet-4-6", "high", "acceptEdits",
                        List.of("Read", "Edit"), List.of(), false, List.of("testing")),
                        new MissionConfig.Codex("gpt-5.3-codex", "medium", "never", "danger-full-access", null, true,
                                null, null, "line one\nline two\n", List.of("react"))),
                null, new MissionConfig.Budget(null, new BigDecimal("3.25"), 2, 0.5),
                new MissionConfig.Concurrency(Map.of("Todo", 1), Map.of()));
        String text = MissionFile.render(config, "Fix {{ issue.identifier }}");
        assertThat(text).startsWith("---\ntracker: linear\nprovider:\n").doesNotContain("orbitdock:");
        MissionFile back = MissionFile.parse(text);
        assertThat(back.config()).isEqualTo(config);
        assertThat(back.promptTemplate()).isEqualTo("Fix {{ issue.identifier }}");
        assertThat(MissionFile.parse(MissionFile.render(MissionConfig.defaults(), "x")).config())
                .isEqualTo(MissionConfig.defaults());
    }

    @Test
    void frontMatterKeepsForeignKeys() {
        MissionFile f = MissionFile.parse("---\ntracker: linear\nname: My Workflow\nsteps: [build]\n---\nHi");
        assertThat(f.frontMatter()).containsKeys("tracker", "name", "steps");
        assertThat(f.frontMatter().get("name")).isEqualTo("My Workflow");
    }
}
