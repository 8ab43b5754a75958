package dev.flightdeck.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageModelsTest {
    @Test
    void claudeModelsFallIntoTheirFamilies() {
        assertThat(UsageModels.family("claude-opus-4-5-20251101")).isEqualTo("Opus");
        assertThat(UsageModels.family("claude-sonnet-4-5-20250929")).isEqualTo("Sonnet");
        assertThat(UsageModels.family("Claude-3-5-Haiku-latest")).isEqualTo("Haiku");
        assertThat(UsageModels.family("opus")).isEqualTo("Opus");
    }

    @Test
    void gptModelsKeepTheirVersionOnly() {
        assertThat(UsageModels.family("gpt-5.1-codex-max")).isEqualTo("GPT-5.1");
        assertThat(UsageModels.family("gpt-5-codex")).isEqualTo("GPT-5");
        assertThat(UsageModels.family("gpt-4o-mini")).isEqualTo("GPT-4o");
        assertThat(UsageModels.family("GPT5")).isEqualTo("GPT-5");
        assertThat(UsageModels.family("codex-mini-latest")).isEqualTo("GPT");
        assertThat(UsageModels.family("o3")).isEqualTo("GPT");
        assertThat(UsageModels.family("gpt-scripted")).isEqualTo("GPT");
    }

    @Test
    void noModelIsUnknownAndAStrangerIsOther() {
        assertThat(UsageModels.family(null)).isEqualTo("Unknown");
        assertThat(UsageModels.family("  ")).isEqualTo("Unknown");
        assertThat(UsageModels.family("llama-3-70b")).isEqualTo("Other");
    }
}
