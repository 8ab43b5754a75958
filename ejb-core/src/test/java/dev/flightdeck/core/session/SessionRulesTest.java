package dev.flightdeck.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionRulesTest {
    static String title(String name, String summary, String prompt) {
        return SessionRules.displayTitle(name, summary, prompt, "app", "/home/me/app");
    }

    @Test
    void displayTitlePrefersNameThenSummaryThenPromptThenProject() {
        assertThat(title("Mine", "Sum", "prompt")).isEqualTo("Mine");
        assertThat(title("  ", "Sum", "prompt")).isEqualTo("Sum");
        assertThat(title(null, null, "fix the tests")).isEqualTo("Fix the Tests");
        assertThat(title(null, "", "   ")).isEqualTo("app");
        assertThat(SessionRules.displayTitle(null, null, null, null, "/srv/repo")).isEqualTo("repo");
        assertThat(SessionRules.displayTitle(null, null, null, null, null)).isEqualTo("Unknown");
    }

    @Test
    void tagsAreDroppedAndProjectNamesDoNotCountAsTitles() {
        assertThat(title("<b>Bold</b> name", null, null)).isEqualTo("Bold name");
        assertThat(title(null, "App", "add caching")).isEqualTo("Add Caching");
        assertThat(title(null, "<b>app</b>", null)).as("a summary that is only the project name").isEqualTo("app");
    }

    @Test
    void promptTitlesDropFillerAndStopAtTheFirstSentence() {
        assertThat(title(null, null, "Can you please migrate the logger to slf4j? It is old.")).isEqualTo("Migrate the Logger to Slf4j");
        assertThat(title(null, null, "/review fix the README.md links please")).isEqualTo("Fix the README.md Links");
        assertThat(title(null, null, "short\nsecond line")).isEqualTo("Short Second Line");
    }

    @Test
    void promptTitlesStayWithin48Characters() {
        String t = title(null, null, "rewrite every service in this repository to use the new structured logging library");
        assertThat(t).hasSizeLessThanOrEqualTo(49).endsWith("…").startsWith("Rewrite Every Service");
    }

    @Test
    void contextLinePrefersTheLastMessage() {
        assertThat(SessionRules.contextLine("sum", "prompt", "last")).isEqualTo("last");
        assertThat(SessionRules.contextLine("sum", "prompt", null)).isEqualTo("prompt");
        assertThat(SessionRules.contextLine("sum", null, null)).isEqualTo("sum");
        assertThat(SessionRules.contextLine(null, null, "  ")).isNull();
    }

    @Test
    void listStatusFoldsWaitingIntoReplyAndEndedSessions() {
        assertThat(SessionRules.listStatus("active", "working")).isEqualTo("working");
        assertThat(SessionRules.listStatus("active", "waiting")).isEqualTo("reply");
        assertThat(SessionRules.listStatus("active", "reply")).isEqualTo("reply");
        assertThat(SessionRules.listStatus("active", "permission")).isEqualTo("permission");
        assertThat(SessionRules.listStatus("ended", "working")).isEqualTo("ended");
        assertThat(SessionRules.lifecycleState("active")).isEqualTo("open");
        assertThat(SessionRules.lifecycleState("ended")).isEqualTo("ended");
    }

    @Test
    void projectName() {
        assertThat(SessionRules.projectName("/home/me/code/app")).isEqualTo("app");
        assertThat(SessionRules.projectName("/home/me/code/app/")).isEqualTo("app");
        assertThat(SessionRules.projectName("/")).isEqualTo("/");
    }
}
