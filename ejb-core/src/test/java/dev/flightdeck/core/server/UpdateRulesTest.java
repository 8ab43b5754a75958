package dev.flightdeck.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class UpdateRulesTest {
    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void aCheckKnowsOnlyTheRunningVersion() {
        UpdateRules.Status s = UpdateRules.status("1.2.3", "beta", 0L);
        assertThat(s.updateAvailable()).isFalse();
        assertThat(s.latestVersion()).isEqualTo("1.2.3");
        assertThat(s.currentVersion()).isEqualTo("1.2.3");
        assertThat(s.releaseUrl()).isNull();
        assertThat(s.channel()).isEqualTo("beta");
        assertThat(s.checkedAt()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void checksWithinFiveMinutesAnswerTheLastOne() {
        long t = 1_000_000_000L;
        assertThat(UpdateRules.due(null, t)).isTrue();
        assertThat(UpdateRules.due(t, t + UpdateRules.DEBOUNCE_MS - 1)).isFalse();
        assertThat(UpdateRules.due(t, t + UpdateRules.DEBOUNCE_MS)).isTrue();
        // A clock set back must not freeze the check for good.
        assertThat(UpdateRules.due(t, t - 1)).isTrue();
    }

    @Test
    void channelsAreTheContractsThreeAndStableByDefault() {
        assertThat(UpdateRules.channel(json("{\"channel\":\"nightly\"}"))).isEqualTo("nightly");
        assertThat(UpdateRules.storedChannel(null)).isEqualTo("stable");
        assertThat(UpdateRules.storedChannel("weird")).isEqualTo("stable");
        assertThatThrownBy(() -> UpdateRules.channel(json("{\"channel\":\"canary\"}"))).hasMessageStartingWith("channel:");
        assertThatThrownBy(() -> UpdateRules.channel(json("{}"))).hasMessageStartingWith("channel:");
    }

    @Test
    void anUpgradeIsAlwaysRefusedAndSaysWhy() {
        UpdateRules.UpgradeRequest defaults = UpdateRules.upgrade(null);
        assertThat(defaults.restart()).isTrue();
        UpdateRules.Refusal none = UpdateRules.refuse(defaults, "1.0.0", "stable");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.text()).contains("no newer release").contains("stable").contains("no release feed");
        UpdateRules.Refusal same = UpdateRules.refuse(UpdateRules.upgrade(json("{\"version\":\"1.0.0\"}")), "1.0.0", "stable");
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.text()).contains("1.0.0 is already running");
        UpdateRules.Refusal other = UpdateRules.refuse(UpdateRules.upgrade(json("{\"version\":\"2.0.0\",\"channel\":\"beta\",\"restart\":false}")),
                "1.0.0", "stable");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.text()).contains("no release 2.0.0").contains("beta channel");
        assertThatThrownBy(() -> UpdateRules.upgrade(json("{\"restart\":\"no\"}"))).hasMessageStartingWith("restart:");
        assertThatThrownBy(() -> UpdateRules.upgrade(json("{\"channel\":\"x\"}"))).hasMessageStartingWith("channel:");
    }
}
