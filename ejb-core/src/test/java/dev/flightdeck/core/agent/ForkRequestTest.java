package dev.flightdeck.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ForkRequestTest {
    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void aForkKeepsOnlyTheOverridesItMayChange() {
        ForkRequest f = ForkRequest.parse(json("{\"nth_user_message\":2,\"model\":\"opus\",\"effort\":\"high\","
                + "\"permission_mode\":\"plan\",\"branch_name\":\"x\"}"));
        assertThat(f.nthUserMessage()).isEqualTo(2);
        assertThat(f.overrides().keySet()).containsExactlyInAnyOrder("model", "permission_mode");
        assertThat(f.in("/wt").cwd()).isEqualTo("/wt");
        assertThat(ForkRequest.parse(null)).isEqualTo(ForkRequest.WHOLE);
    }

    @Test
    void aBadCutOrSettingIsRefused() {
        assertThatThrownBy(() -> ForkRequest.parse(json("{\"nth_user_message\":0}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> ForkRequest.parse(json("{\"nth_user_message\":\"2\"}"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ForkRequest.parse(json("{\"permission_mode\":\"sometimes\"}")))
                .hasMessageStartingWith("permission_mode");
    }
}
