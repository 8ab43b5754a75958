package dev.flightdeck.core.mission.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.mission.tracker.TrackerIssue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MissionTemplateTest {

    @ParameterizedTest
    @CsvSource({"claude,linear", "codex,linear", "claude,github", "codex,github"})
    void theDefaultParsesAndRenders(String provider, String tracker) {
        String text = MissionTemplate.defaultFor(provider, tracker);
        MissionFile f = MissionFile.parse(text);
        assertThat(f.config().tracker()).isEqualTo(tracker);
        assertThat(f.config().provider().primary()).isEqualTo(provider);
        assertThat(f.config().provider().strategy()).isEqualTo("single");
        assertThat(f.config().provider().maxConcurrent()).isEqualTo(3);
        // the agent, budget and concurrency blocks are examples only
        assertThat(f.config().agent().claude()).isNull();
        assertThat(f.config().agent().codex()).isNull();
        assertThat(f.config().budget().isUnlimited()).isTrue();
        assertThat(f.config().trigger().filters()).isEqualTo(MissionConfig.Filters.none());
        assertThat(f.config().orchestration().maxRetries()).isEqualTo(3);
        assertThat(f.config().orchestration().stallTimeout()).isEqualTo(600);

        TrackerIssue issue = new TrackerIssue("id", "owner/repo#42", "Fix it", "Steps to reproduce.", "Todo", false,
                "https://example.test/42", List.of("bug"), null, 0L, List.of());
        PromptRenderer renderer = new PromptRenderer();
        String first = renderer.render(f.promptTemplate(),
                PromptContext.of(issue, 1, "", "/wt/42", f.config(), "m", "Mission"));
        assertThat(first).contains("`owner/repo#42`").contains("Fix it").contains("Steps to reproduce.")
                .contains("branch `mission/owner-repo-42`").contains("origin/main").doesNotContain("attempt")
                .doesNotContain("{{").doesNotContain("{%");
        String retry = renderer.render(f.promptTemplate(),
                PromptContext.of(issue, 2, "failure", "/wt/42", f.config(), "m", "Mission"));
        assertThat(retry).contains("This is attempt 2.");
        TrackerIssue noDescription = new TrackerIssue("id", "ENG-1", "T", "", "Todo", false, "", List.of(), null, 0L,
                List.of());
        assertThat(renderer.render(f.promptTemplate(),
                PromptContext.of(noDescription, 1, "", "/wt", f.config(), "m", "M"))).doesNotContain("## Description");
    }

    @Test
    void trackerDecidesTheStateNames() {
        MissionConfig linear = MissionFile.parse(MissionTemplate.defaultFor("claude", "linear")).config();
        assertThat(linear.orchestration().stateOnDispatch()).isEqualTo("In Progress");
        assertThat(linear.orchestration().stateOnComplete()).isEqualTo("In Review");
        MissionConfig github = MissionFile.parse(MissionTemplate.defaultFor("claude", "github")).config();
        assertThat(github.orchestration().stateOnDispatch()).isEqualTo("In progress");
        assertThat(github.orchestration().stateOnComplete()).isEqualTo("In review");
        assertThat(MissionTemplate.defaultFor("claude", "linear")).contains("#   states: [Todo, \"In Progress\"]")
                .contains("Linear issue");
        assertThat(MissionTemplate.defaultFor("claude", "github")).contains("#   states: [Ready, Backlog]")
                .contains("GitHub issue");
    }

    @Test
    void uncommentingTheExamplesStillParses() {
        String text = MissionTemplate.defaultFor("claude", "linear")
                .replaceAll("(?m)^# (agent:|  claude:|  codex:|    \\w+:.*|budget:|  \\w+: \\d.*|concurrency:|  by_\\w+:.*)$",
                        "$1")
                .replaceAll("(?m)^  # (filters:.*|  (labels|states|project|team):.*|backoff_\\w+:.*|max_continuations:.*)$",
                        "  $1");
        MissionConfig c = MissionFile.parse(text).config();
        assertThat(c.agent().claude().model()).isEqualTo("claude-sonnet-4-6");
        assertThat(c.agent().codex().sandboxMode()).isEqualTo("workspace-write");
        assertThat(c.trigger().filters().states()).containsExactly("Todo", "In Progress");
        assertThat(c.trigger().filters().team()).isEqualTo("ENG");
        assertThat(c.budget().maxSessions()).isEqualTo(5);
        assertThat(c.concurrency().byLabel()).containsEntry("migration", 1);
        assertThat(c.orchestration().backoffMax()).isEqualTo(300);
    }

    @Test
    void unknownProviderOrTrackerIsA400() {
        assertThatThrownBy(() -> MissionTemplate.defaultFor("gemini", "linear")).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("provider:");
        assertThatThrownBy(() -> MissionTemplate.defaultFor("claude", "jira")).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("tracker_kind:");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ENG-12|mission/eng-12", "owner/repo#42|mission/owner-repo-42",
            "--Weird__Name!!|mission/weird-name", "ABC 1.2/x|mission/abc-1-2-x", "###|mission/issue"})
    void branchNames(String identifier, String branch) {
        assertThat(MissionBranch.of(identifier)).isEqualTo(branch);
    }
}
