package dev.flightdeck.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class MissionDefaultsTest {
    static MissionDefaults merge(MissionDefaults current, String body) {
        return MissionDefaults.merge(current, Json.createReader(new StringReader(body)).readObject());
    }

    @Test
    void presentFieldsReplaceAbsentOnesStayNullClearsTheSecondary() {
        MissionDefaults d = merge(MissionDefaults.DEFAULT, "{\"provider_strategy\":\"priority\",\"secondary_provider\":\"codex\"}");
        assertThat(d).isEqualTo(new MissionDefaults("priority", "claude", "codex"));
        assertThat(merge(d, "{\"secondary_provider\":null}")).isEqualTo(new MissionDefaults("priority", "claude", null));
        assertThat(merge(d, "{}")).isEqualTo(d);
    }

    @Test
    void badValuesNameTheirField() {
        assertThatThrownBy(() -> merge(MissionDefaults.DEFAULT, "{\"provider_strategy\":\"fastest\"}"))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("provider_strategy:");
        assertThatThrownBy(() -> merge(MissionDefaults.DEFAULT, "{\"primary_provider\":null}"))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("primary_provider:");
        assertThatThrownBy(() -> merge(MissionDefaults.DEFAULT, "{\"primary_provider\":7}"))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("primary_provider:");
        assertThatThrownBy(() -> merge(MissionDefaults.DEFAULT, "{\"secondary_provider\":\"claude\"}"))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("secondary_provider:");
    }
}
