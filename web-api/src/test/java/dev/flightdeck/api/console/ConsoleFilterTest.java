package dev.flightdeck.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.MappingMatch;
import org.junit.jupiter.api.Test;

class ConsoleFilterTest {
    static HttpServletMapping mapping(MappingMatch match, String pattern) {
        return new HttpServletMapping() {
            public String getMatchValue() { return ""; }
            public String getPattern() { return pattern; }
            public String getServletName() { return "s"; }
            public MappingMatch getMappingMatch() { return match; }
        };
    }

    @Test
    void aServletMappedToThePathKeepsItAndOnlyWhatWouldBeA404IsTheConsoles() {
        assertThat(ConsoleFilter.mappedElsewhere(mapping(MappingMatch.EXACT, "/ArquillianServletRunnerEE9"))).isTrue();
        assertThat(ConsoleFilter.mappedElsewhere(mapping(MappingMatch.PATH, "/api/*"))).isTrue();
        assertThat(ConsoleFilter.mappedElsewhere(mapping(MappingMatch.EXTENSION, "*.jsp"))).isTrue();
        assertThat(ConsoleFilter.mappedElsewhere(mapping(MappingMatch.DEFAULT, "/"))).isFalse();
        assertThat(ConsoleFilter.mappedElsewhere(mapping(MappingMatch.CONTEXT_ROOT, ""))).isFalse();
        assertThat(ConsoleFilter.mappedElsewhere(mapping(MappingMatch.PATH, "/*"))).isFalse();
        assertThat(ConsoleFilter.mappedElsewhere(null)).isFalse();
    }
}
