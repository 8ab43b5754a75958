package dev.flightdeck.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PrimaryRulesTest {
    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void aServerIsPrimaryUntilItIsMadeSecondary() {
        assertThat(PrimaryRules.isPrimary(null)).isTrue();
        assertThat(PrimaryRules.isPrimary(PrimaryRules.stored(true))).isTrue();
        assertThat(PrimaryRules.isPrimary(PrimaryRules.stored(false))).isFalse();
        assertThat(PrimaryRules.role(json("{\"is_primary\":false}"))).isFalse();
    }

    @Test
    void theRoleMustBeABoolean() {
        assertThatThrownBy(() -> PrimaryRules.role(json("{}"))).isInstanceOf(ApiException.class).hasMessageStartingWith("is_primary:");
        assertThatThrownBy(() -> PrimaryRules.role(json("{\"is_primary\":\"yes\"}"))).hasMessageStartingWith("is_primary:");
        assertThatThrownBy(() -> PrimaryRules.role(null)).hasMessageStartingWith("body:");
    }

    @Test
    void aClaimNeedsAClientIdAndShowsItWhenItHasNoDeviceName() {
        assertThat(PrimaryRules.claim(json("{\"client_id\":\"d-1\",\"device_name\":\"Ana's phone\",\"is_primary\":true}")))
                .isEqualTo(new PrimaryRules.ClaimRequest("d-1", "Ana's phone", true));
        assertThat(PrimaryRules.claim(json("{\"client_id\":\"d-1\",\"is_primary\":false}")))
                .isEqualTo(new PrimaryRules.ClaimRequest("d-1", "d-1", false));
        assertThatThrownBy(() -> PrimaryRules.claim(json("{\"client_id\":\" \",\"is_primary\":true}"))).hasMessageStartingWith("client_id:");
        assertThatThrownBy(() -> PrimaryRules.claim(json("{\"client_id\":\"" + "x".repeat(201) + "\",\"is_primary\":true}")))
                .hasMessageStartingWith("client_id:");
        assertThatThrownBy(() -> PrimaryRules.claim(json("{\"client_id\":\"a\\nb\",\"is_primary\":true}"))).hasMessageStartingWith("client_id:");
        assertThatThrownBy(() -> PrimaryRules.claim(json("{\"client_id\":\"d\",\"device_name\":5,\"is_primary\":true}")))
                .hasMessageStartingWith("device_name:");
        assertThatThrownBy(() -> PrimaryRules.claim(json("{\"client_id\":\"d\"}"))).hasMessageStartingWith("is_primary:");
    }

    @Test
    void aSocketsClientIdIsKeptOnlyWhenUsable() {
        assertThat(PrimaryRules.socketClientId("d-1")).isEqualTo("d-1");
        assertThat(PrimaryRules.socketClientId("")).isNull();
        assertThat(PrimaryRules.socketClientId(null)).isNull();
        assertThat(PrimaryRules.socketClientId("a\u0000b")).isNull();
        assertThat(PrimaryRules.socketClientId("x".repeat(201))).isNull();
    }
}
