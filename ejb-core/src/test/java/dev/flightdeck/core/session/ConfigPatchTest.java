package dev.flightdeck.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigPatchTest {
    static JsonObject json(String s) {
        return SessionConfig.parse(s);
    }

    @Test
    void eachFieldIsAbsentClearedOrSetWithItsType() {
        ConfigPatch p = ConfigPatch.parse(json("{\"effort\":\"high\",\"personality\":null,\"multi_agent\":false,"
                + "\"allowed_tools\":[\"Read\",\"Bash(git *)\"],\"sandbox_policy_details\":{\"network\":true}}"));
        assertThat(p.effort()).isEqualTo(ConfigPatch.Patched.set("high"));
        assertThat(p.personality()).isEqualTo(ConfigPatch.Patched.clear());
        assertThat(p.multiAgent()).isEqualTo(ConfigPatch.Patched.set(false));
        assertThat(p.allowedTools().value()).containsExactly("Read", "Bash(git *)");
        assertThat(p.sandboxPolicyDetails().value()).isEqualTo(json("{\"network\":true}"));
        assertThat(p.model().present()).isFalse();
        assertThat(p.named()).containsOnlyKeys("effort", "personality", "multi_agent", "allowed_tools",
                "sandbox_policy_details");
    }

    @Test
    void asJsonItIsTheMergePatchItCameFrom() {
        JsonObject body = json("{\"model\":\"claude-opus\",\"service_tier\":null,\"allow_bypass_permissions\":true,"
                + "\"skills\":[\"release-notes\"],\"approval_policy_details\":{\"a\":1}}");
        ConfigPatch p = ConfigPatch.parse(body);
        assertThat(p.toJson()).isEqualTo(body);
        assertThat(SessionConfig.merge(json("{\"service_tier\":\"fast\",\"effort\":\"low\"}"), p.toJson()))
                .isEqualTo(json("{\"effort\":\"low\",\"model\":\"claude-opus\",\"allow_bypass_permissions\":true,"
                        + "\"skills\":[\"release-notes\"],\"approval_policy_details\":{\"a\":1}}"));
        assertThat(ConfigPatch.parse(json("{}")).isEmpty()).isTrue();
        assertThat(p.skills().value()).isEqualTo(List.of("release-notes"));
    }

    @Test
    void aBadFieldIsRefusedByName() {
        for (String[] bad : new String[][] {{"{\"multi_agent\":\"yes\"}", "multi_agent"}, {"{\"nope\":1}", "nope"},
                {"{\"effort\":\"huge\"}", "effort"}, {"{\"allowed_tools\":[\"\"]}", "allowed_tools"}}) {
            assertThatThrownBy(() -> ConfigPatch.parse(json(bad[0]))).as(bad[0])
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).startsWith(bad[1] + ":");
                    });
        }
        assertThatThrownBy(() -> ConfigPatch.parse(null)).hasMessageStartingWith("body:");
        assertThatThrownBy(() -> ConfigPatch.parse(json("{\"codex_config_mode\":\"profile\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
    }
}
