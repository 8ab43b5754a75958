package dev.flightdeck.core.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgentArgsTest {
    @Test
    void idsAreUuidLikeAndNeverAFlag() {
        assertThat(AgentArgs.isId("0f8e2c1a-3b4d-4e5f-8a9b-0c1d2e3f4a5b")).isTrue();
        assertThat(AgentArgs.isId("thr_01.abc-DEF")).isTrue();
        assertThat(AgentArgs.isId("--dangerously-skip-permissions")).isFalse();
        assertThat(AgentArgs.isId("-x")).isFalse();
        assertThat(AgentArgs.isId("a b")).isFalse();
        assertThat(AgentArgs.isId("a=b")).isFalse();
        assertThat(AgentArgs.isId("")).isFalse();
        assertThat(AgentArgs.isId(null)).isFalse();
        assertThat(AgentArgs.isId("a".repeat(128))).isTrue();
        assertThat(AgentArgs.isId("a".repeat(129))).isFalse();
    }

    @Test
    void modelsTakeTheShapesTheClisUse() {
        assertThat(AgentArgs.isModel("claude-sonnet-4-5-20250929")).isTrue();
        assertThat(AgentArgs.isModel("opus[1m]")).isTrue();
        assertThat(AgentArgs.isModel("claude-opus-4-1@20250805")).isTrue();
        assertThat(AgentArgs.isModel("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude")).isTrue();
        assertThat(AgentArgs.isModel("gpt-oss:20b")).isTrue();
        assertThat(AgentArgs.isModel("--permission-mode=bypassPermissions")).isFalse();
        assertThat(AgentArgs.isModel("sonnet --x")).isFalse();
        assertThat(AgentArgs.isModel("a\nb")).isFalse();
        assertThat(AgentArgs.isModel("m".repeat(201))).isFalse();
    }

    @Test
    void valuesGoAsOneOptionEqualsValue() {
        assertThat(AgentArgs.id("--resume", "abc-1")).isEqualTo("--resume=abc-1");
        assertThat(AgentArgs.model("--model", "opus[1m]")).isEqualTo("--model=opus[1m]");
        assertThat(AgentArgs.word("--permission-mode", "acceptEdits")).isEqualTo("--permission-mode=acceptEdits");
        assertThat(AgentArgs.text("--allowedTools", "Bash(git *),Edit")).isEqualTo("--allowedTools=Bash(git *),Edit");
        assertThatThrownBy(() -> AgentArgs.id("--resume", "-p")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--resume has a value the agent's command line does not take");
        assertThatThrownBy(() -> AgentArgs.word("--permission-mode", "x y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentArgs.text("--allowedTools", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
