package dev.flightdeck.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionRulesTest {
    @Test
    void displayTitlePrefersNameThenSummaryThenPromptThenProject() {
        assertThat(SessionRules.displayTitle("Mine", "Sum", "prompt", "proj")).isEqualTo("Mine");
        assertThat(SessionRules.displayTitle("  ", "Sum", "prompt", "proj")).isEqualTo("Sum");
        assertThat(SessionRules.displayTitle(null, null, "fix the tests", "proj")).isEqualTo("Fix The Tests");
        assertThat(SessionRules.displayTitle(null, "", "   ", "proj")).isEqualTo("proj");
    }

    @Test
    void promptTitlesUseTheFirstLineAndStayWithin48Characters() {
        String title = SessionRules.displayTitle(null, null,
                "please migrate every service in this repository to the new logging library\nand more", "p");
        assertThat(title.codePointCount(0, title.length())).isLessThanOrEqualTo(48);
        assertThat(title).startsWith("Please Migrate Every Service").endsWith("…").doesNotContain("\n");
        assertThat(SessionRules.displayTitle(null, null, "short\nsecond line", "p")).isEqualTo("Short");
    }

    @Test
    void listStatusFoldsWaitingIntoReplyAndEndedSessions() {
        assertThat(SessionRules.listStatus("active", "working")).isEqualTo("working");
        assertThat(SessionRules.listStatus("active", "waiting")).isEqualTo("reply");
        assertThat(SessionRules.listStatus("active", "reply")).isEqualTo("reply");
        assertThat(SessionRules.listStatus("active", "permission")).isEqualTo("permission");
        assertThat(SessionRules.listStatus("ended", "working")).isEqualTo("ended");
        assertThat(SessionRules.needsAttention("active", "question")).isTrue();
        assertThat(SessionRules.needsAttention("ended", "question")).isFalse();
    }

    @Test
    void projectNameAndContextLine() {
        assertThat(SessionRules.projectName("/home/me/code/app")).isEqualTo("app");
        assertThat(SessionRules.projectName("/home/me/code/app/")).isEqualTo("app");
        assertThat(SessionRules.projectName("/")).isEqualTo("/");
        assertThat(SessionRules.contextLine("app", "main")).isEqualTo("app · main");
        assertThat(SessionRules.contextLine("app", null)).isEqualTo("app");
    }
}
