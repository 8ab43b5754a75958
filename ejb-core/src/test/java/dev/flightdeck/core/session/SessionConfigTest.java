package dev.flightdeck.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class SessionConfigTest {
    static JsonObject json(String s) {
        return SessionConfig.parse(s);
    }

    @Test
    void mergeSetsAndNullClears() {
        JsonObject merged = SessionConfig.merge(json("{\"effort\":\"low\",\"personality\":\"terse\"}"),
                json("{\"effort\":\"high\",\"personality\":null,\"multi_agent\":true}"));
        assertThat(merged).isEqualTo(json("{\"effort\":\"high\",\"multi_agent\":true}"));
    }

    @Test
    void changesListOnlyWhatDiffers() {
        JsonObject before = json("{\"effort\":\"low\",\"personality\":\"terse\"}");
        JsonObject after = json("{\"effort\":\"low\",\"model\":\"m\"}");
        assertThat(SessionConfig.changes(before, after)).isEqualTo(json("{\"personality\":null,\"model\":\"m\"}"));
        assertThat(SessionConfig.changes(before, before)).isEmpty();
    }

    @Test
    void aModelMustBeAModelNameNeverAFlag() {
        SessionConfig.validate(json("{\"model\":\"claude-opus-4-1[1m]\"}"));
        assertThatThrownBy(() -> SessionConfig.validate(json("{\"model\":\"--dangerously-skip-permissions\"}")))
                .hasMessageStartingWith("model: must be a model name");
        assertThatThrownBy(() -> SessionConfig.validate(json("{\"model\":\"a b\"}"))).hasMessageStartingWith("model");
    }

    @Test
    void validationNamesTheField() {
        assertThatThrownBy(() -> SessionConfig.validate(json("{\"nope\":1}"))).hasMessageStartingWith("nope");
        assertThatThrownBy(() -> SessionConfig.validate(json("{\"effort\":5}"))).hasMessageStartingWith("effort");
        assertThatThrownBy(() -> SessionConfig.validate(json("{\"sandbox_policy_details\":\"x\"}")))
                .hasMessageStartingWith("sandbox_policy_details");
        assertThatThrownBy(() -> SessionConfig.validate(json("{\"approval_policy\":\"always\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> SessionConfig.validate(json("{\"codex_config_mode\":\"profile\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_codex_config"));
        SessionConfig.validate(json("{\"effort\":null,\"multi_agent\":false,\"approval_policy_details\":{}}"));
    }

    @Test
    void toolRulesAndSkillsAreListsOfStringsAndBypassIsABoolean() {
        SessionConfig.validate(json("{\"allowed_tools\":[\"Read\",\"Bash(git *)\"],\"disallowed_tools\":[],"
                + "\"skills\":[\"deploy\"],\"allow_bypass_permissions\":true}"));
        SessionConfig.validate(json("{\"allowed_tools\":null}"));
        for (String bad : new String[] {"{\"allowed_tools\":\"Read\"}", "{\"allowed_tools\":[1]}",
                "{\"disallowed_tools\":[\"\"]}", "{\"skills\":[{\"name\":\"x\"}]}", "{\"skills\":[\"a),Bash(\"]}"}) {
            String field = bad.substring(2, bad.indexOf('"', 2));
            assertThatThrownBy(() -> SessionConfig.validate(json(bad))).hasMessageStartingWith(field);
        }
        assertThatThrownBy(() -> SessionConfig.validate(json("{\"allow_bypass_permissions\":\"yes\"}")))
                .hasMessageStartingWith("allow_bypass_permissions");
        StringBuilder many = new StringBuilder("{\"allowed_tools\":[");
        for (int i = 0; i <= SessionConfig.MAX_LIST; i++) {
            many.append(i == 0 ? "" : ",").append("\"T").append(i).append('"');
        }
        assertThatThrownBy(() -> SessionConfig.validate(json(many + "]}"))).hasMessageStartingWith("allowed_tools");
        assertThat(SessionConfig.strings(json("{\"skills\":[\"a\",\"b\"]}"), "skills")).containsExactly("a", "b");
        assertThat(SessionConfig.strings(json("{}"), "skills")).isEmpty();
    }

    @Test
    void aCodexSessionWritesItsWorktreeAndAsksForTheRestUnlessItSaysOtherwise() {
        assertThat(SessionConfig.withDefaults("codex", json("{}")))
                .isEqualTo(json("{\"sandbox_mode\":\"workspace-write\",\"approval_policy\":\"on-request\"}"));
        assertThat(SessionConfig.withDefaults("codex", json("{\"sandbox_mode\":\"read-only\",\"approval_policy\":\"never\"}")))
                .isEqualTo(json("{\"sandbox_mode\":\"read-only\",\"approval_policy\":\"never\"}"));
        assertThat(SessionConfig.withDefaults("claude", json("{\"effort\":\"low\"}"))).isEqualTo(json("{\"effort\":\"low\"}"));
    }

    @Test
    void aNewCodexSessionGetsTheServersConfigSourceUnlessItNamesOne() {
        assertThat(SessionConfig.withDefaults("codex", json("{}"), "orbitdock").getString("codex_config_source"))
                .isEqualTo("orbitdock");
        assertThat(SessionConfig.withDefaults("codex", json("{\"codex_config_source\":\"user\"}"), "orbitdock")
                .getString("codex_config_source")).isEqualTo("user");
        assertThat(SessionConfig.withDefaults("claude", json("{}"), "orbitdock")).isEqualTo(json("{}"));
        assertThatThrownBy(() -> SessionConfig.validate(json("{\"codex_config_source\":\"both\"}")))
                .isInstanceOf(dev.flightdeck.core.error.ApiException.class).hasMessageStartingWith("codex_config_source:");
    }
}
