package dev.flightdeck.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NestingLimitTest {
    static boolean fits(String json, int max) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return new NestingLimit(max).accept(b, 0, b.length);
    }

    @Test
    void nestingUpToTheLimitPasses() {
        assertThat(fits("[[[1]]]", 3)).isTrue();
        assertThat(fits("{\"a\":{\"b\":[1,{\"c\":2}]}}", 4)).isTrue();
    }

    @Test
    void oneLevelDeeperIsStopped() {
        assertThat(fits("[[[[1]]]]", 3)).isFalse();
        assertThat(fits("[".repeat(100_000), NestingLimit.MAX_DEPTH)).isFalse();
    }

    @Test
    void bracketsInStringsDoNotCount() {
        assertThat(fits("{\"a\":\"[[[[[[\"}", 1)).isTrue();
        assertThat(fits("{\"a\":\"\\\"[[[[\"}", 1)).isTrue();
        assertThat(fits("[\"\\\\\",[[1]]]", 2)).isFalse();
    }

    @Test
    void siblingsDoNotAddUp() {
        assertThat(fits("[[1],[2],[3],[4],[5]]", 2)).isTrue();
    }

    static NestingLimit.Problem problem(String json) {
        NestingLimit l = new NestingLimit(NestingLimit.MAX_DEPTH);
        l.accept(json);
        return l.problem();
    }

    @Test
    void aNulInAStringIsStopped() {
        assertThat(problem("{\"name\":\"a\\u0000b\"}")).isEqualTo(NestingLimit.Problem.NUL);
        assertThat(problem("{\"name\":\"\\u0000\"}")).isEqualTo(NestingLimit.Problem.NUL);
        assertThat(problem("[\"[[\"]")).isNull();
    }

    @Test
    void otherEscapesPass() {
        assertThat(problem("{\"a\":\"\\u0041\\u00e9\\u1000\\\\u0000\"}")).isNull();
        assertThat(problem("{\"a\":\"\\n\\\"\\u000a\"}")).isNull();
    }
}
