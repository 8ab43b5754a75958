package dev.flightdeck.core.mission.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The settings object an OrbitDock client decodes (its MissionSettings model). */
class MissionSettingsTest {

    @Test
    void defaultsLookAsOrbitDockSerialisesThem() {
        JsonObject s = MissionSettings.json(MissionFile.parse("---\ntracker: linear\n---\nHello"));
        assertThat(s.getString("tracker")).isEqualTo("linear");
        assertThat(s.getString("prompt_template")).isEqualTo("Hello");
        JsonObject provider = s.getJsonObject("provider");
        assertThat(provider.keySet()).containsExactly("strategy", "primary", "max_concurrent");
        assertThat(provider.getInt("max_concurrent")).isEqualTo(3);
        assertThat(s.containsKey("workspace")).isFalse();
        assertThat(s.getJsonObject("agent")).isEmpty();
        JsonObject trigger = s.getJsonObject("trigger");
        assertThat(trigger.getString("kind")).isEqualTo("polling");
        assertThat(trigger.getJsonNumber("interval").longValue()).isEqualTo(60);
        assertThat(trigger.getJsonObject("filters")).isEmpty();
        JsonObject o = s.getJsonObject("orchestration");
        assertThat(o.keySet()).containsExactly("max_retries", "stall_timeout", "base_branch", "state_on_dispatch",
                "state_on_complete", "backoff_base", "backoff_max", "max_continuations");
        assertThat(o.getString("state_on_complete")).isEqualTo("In Review");
        assertThat(s.getJsonObject("budget").getJsonNumber("warn_at").doubleValue()).isEqualTo(0.8);
        assertThat(s.getJsonObject("concurrency").getJsonObject("by_state")).isEmpty();
    }

    @Test
    void setValuesAppearUnderTheirKeys() {
        MissionFile f = MissionFile.parse(String.join("\n", "---", "provider:", "  strategy: priority",
                "  secondary: codex", "  max_concurrent_primary: 2", "agent:", "  claude:", "    model: m",
                "    allowed_tools: [Read]", "workspace:", "  image: img", "  resources:", "    cpu: 2",
                "trigger:", "  filters:", "    labels: [bug]", "    project: 3", "budget:", "  max_usd: 1.25",
                "concurrency:", "  by_label:", "    big: 1", "---", "P"));
        JsonObject s = MissionSettings.json(f);
        assertThat(s.getJsonObject("provider").getString("secondary")).isEqualTo("codex");
        assertThat(s.getJsonObject("provider").getInt("max_concurrent_primary")).isEqualTo(2);
        JsonObject claude = s.getJsonObject("agent").getJsonObject("claude");
        assertThat(claude.getString("model")).isEqualTo("m");
        assertThat(claude.getJsonArray("allowed_tools").getString(0)).isEqualTo("Read");
        assertThat(claude.getBoolean("allow_bypass_permissions")).isFalse();
        assertThat(claude.containsKey("disallowed_tools")).isFalse();
        assertThat(s.getJsonObject("workspace").getString("image")).isEqualTo("img");
        assertThat(s.getJsonObject("workspace").getJsonObject("resources").getInt("cpu")).isEqualTo(2);
        JsonObject filters = s.getJsonObject("trigger").getJsonObject("filters");
        assertThat(filters.getString("project")).isEqualTo("3");
        assertThat(filters.getJsonArray("labels").getString(0)).isEqualTo("bug");
        assertThat(s.getJsonObject("budget").getJsonNumber("max_usd").bigDecimalValue()).isEqualByComparingTo("1.25");
        assertThat(s.getJsonObject("concurrency").getJsonObject("by_label").getInt("big")).isEqualTo(1);
    }
}
