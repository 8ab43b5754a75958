package dev.flightdeck.core.mission.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.mission.tracker.TrackerIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptRendererTest {
    private final PromptRenderer renderer = new PromptRenderer();

    private static final TrackerIssue ISSUE = new TrackerIssue("uuid-1", "owner/repo#42", "Fix the login", "It fails.",
            "Todo", false, "https://github.com/owner/repo/issues/42", List.of("bug", "ui"), 2, 0L,
            List.of("owner/repo#7"));

    private static PromptContext context(TrackerIssue issue, int attempt, String retryKind) {
        return PromptContext.of(issue, attempt, retryKind, "/srv/wt/42", MissionConfig.defaults(), "m-1", "Web");
    }

    @Test
    void everyVariableRenders() {
        String template = "{{ issue.id }}|{{ issue.identifier }}|{{ issue.title }}|{{ issue.description }}|"
                + "{{ issue.url }}|{{ issue.state }}|{{ issue.labels }}|"
                + "{% for l in issue.label_list %}[{{ l }}]{% endfor %}|{{ issue.priority }}|"
                + "{% for b in issue.blocked_by %}{{ b }}{% endfor %}|{{ attempt }}|{{ retry_kind }}|"
                + "{{ workspace.branch }}|{{ workspace.path }}|{{ workspace.base_branch }}|{{ mission.id }}|"
                + "{{ mission.name }}";
        assertThat(renderer.render(template, context(ISSUE, 2, "failure"))).isEqualTo(
                "uuid-1|owner/repo#42|Fix the login|It fails.|https://github.com/owner/repo/issues/42|Todo|bug, ui|"
                        + "[bug][ui]|2|owner/repo#7|2|failure|mission/owner-repo-42|/srv/wt/42|main|m-1|Web");
    }

    @Test
    void theFirstAttemptIsOneAndHasNoRetryNote() {
        String template = "{% if attempt > 1 %}retry {{ attempt }} ({{ retry_kind }}){% else %}first{% endif %}";
        assertThat(renderer.render(template, context(ISSUE, 1, null))).isEqualTo("first");
        assertThat(renderer.render(template, context(ISSUE, 3, "continuation"))).isEqualTo("retry 3 (continuation)");
        assertThat(renderer.render("[{{ retry_kind }}]", context(ISSUE, 1, null))).isEqualTo("[]");
    }

    @Test
    void missingIssueFieldsAreEmptyNotUnknown() {
        TrackerIssue bare = new TrackerIssue("id", "ENG-1", "T", null, null, false, null, null, null, 0L, null);
        assertThat(renderer.render("[{{ issue.description }}|{{ issue.url }}|{{ issue.state }}|{{ issue.labels }}|"
                + "{{ issue.priority }}]{% if issue.description != empty %}D{% endif %}", context(bare, 1, "")))
                .isEqualTo("[||||0]");
    }

    @Test
    void issueTextIsNeverParsedAsTemplate() {
        TrackerIssue hostile = new TrackerIssue("id", "ENG-1", "{{ attempt }}", "{% include 'x' %} {{ mission.id }}",
                "Todo", false, "", List.of("{% raw %}"), null, 0L, List.of());
        assertThat(renderer.render("{{ issue.title }} / {{ issue.description }} / {{ issue.labels }}",
                context(hostile, 1, ""))).isEqualTo("{{ attempt }} / {% include 'x' %} {{ mission.id }} / {% raw %}");
    }

    @Test
    void unknownVariablesFail() {
        assertThatThrownBy(() -> renderer.render("{{ nope }}", context(ISSUE, 1, "")))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> renderer.render("{% if issue.branch_name %}x{% endif %}", context(ISSUE, 1, "")))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("issue.branch_name");
    }

    @Test
    void unknownFiltersAndTagsFail() {
        assertThatThrownBy(() -> renderer.render("{{ issue.title | shout }}", context(ISSUE, 1, "")))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("shout");
        assertThatThrownBy(() -> renderer.render("{% frobnicate %}", context(ISSUE, 1, "")))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("frobnicate");
        assertThatThrownBy(() -> renderer.render("{% if attempt %}unclosed", context(ISSUE, 1, "")))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("not valid Liquid");
    }

    @Test
    void filesCannotBeIncluded() {
        assertThatThrownBy(() -> renderer.render("{% include '/etc/passwd' %}", context(ISSUE, 1, "")))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("may not include other files");
        assertThatThrownBy(() -> renderer.render("{% render 'x' %}", context(ISSUE, 1, "")))
                .isInstanceOf(PromptRenderException.class);
        assertThatThrownBy(() -> renderer.render("{% include_relative 'x' %}", context(ISSUE, 1, "")))
                .isInstanceOf(PromptRenderException.class);
    }

    @Test
    void standardFiltersWork() {
        assertThat(renderer.render("{{ issue.title | upcase }} {{ issue.label_list | join: '+' }} {{ issue.label_list | size }}",
                context(ISSUE, 1, ""))).isEqualTo("FIX THE LOGIN bug+ui 2");
    }

    @Test
    void templateSizeIsLimited() {
        String big = "x".repeat(PromptRenderer.MAX_TEMPLATE_CHARS + 1);
        assertThatThrownBy(() -> renderer.render(big, context(ISSUE, 1, ""))).isInstanceOf(PromptRenderException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void renderedSizeIsLimited() {
        PromptRenderer small = new PromptRenderer(1000, 200, 10_000, 5_000);
        assertThatThrownBy(() -> small.render("{% for i in (1..50) %}{{ issue.title }}{% endfor %}",
                context(ISSUE, 1, ""))).isInstanceOf(PromptRenderException.class).hasMessageContaining("200");
        assertThat(small.render("{% for i in (1..5) %}{{ issue.title }}{% endfor %}", context(ISSUE, 1, "")))
                .hasSize(5 * "Fix the login".length());
    }

    @Test
    void iterationsAreLimited() {
        assertThatThrownBy(() -> renderer.render("{% for i in (1..1000000) %}{% endfor %}", context(ISSUE, 1, "")))
                .isInstanceOf(PromptRenderException.class).hasMessageContaining("maxIterations");
    }

    @Test
    void renderTimeIsLimited() {
        // a million iterations: within this renderer's iteration limit, far more work than 1 ms allows
        // (Liqp does not stop on interrupt, so the abandoned render finishes in the background)
        PromptRenderer hurried = new PromptRenderer(10_000, 100_000_000, 100_000_000, 1);
        String slow = "{% for a in (1..100) %}{% for b in (1..100) %}{% for c in (1..100) %}{% assign x = c | plus: b %}"
                + "{% endfor %}{% endfor %}{% endfor %}";
        assertThatThrownBy(() -> hurried.render(slow, context(ISSUE, 1, ""))).isInstanceOf(PromptRenderException.class)
                .hasMessageContaining("longer than 1 ms");
    }

    @Test
    void validateUsesASampleIssue() {
        renderer.validate("{{ issue.identifier }} {{ workspace.branch }} {% if attempt > 1 %}again{% endif %}");
        assertThatThrownBy(() -> renderer.validate("{{ issue.identifer }}")).isInstanceOf(PromptRenderException.class)
                .hasMessageContaining("issue.identifer");
    }
}
