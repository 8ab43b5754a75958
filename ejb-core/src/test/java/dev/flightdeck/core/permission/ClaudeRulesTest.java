package dev.flightdeck.core.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ClaudeRulesTest {
    static JsonObject json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    static final JsonObject FILE = json("{\"env\":{\"X\":\"1\"},\"permissions\":{\"allow\":[\"Read\"],"
            + "\"deny\":[\"Bash(rm:*)\"],\"defaultMode\":\"acceptEdits\",\"additionalDirectories\":[\"../lib\"]},"
            + "\"model\":\"opus\"}");

    @Test
    void readsEveryBehaviorInOrder() {
        assertThat(ClaudeRules.rules(FILE)).containsExactly(new ClaudeRules.Rule("Read", "allow"),
                new ClaudeRules.Rule("Bash(rm:*)", "deny"));
        assertThat(ClaudeRules.additionalDirectories(FILE)).containsExactly("../lib");
        assertThat(ClaudeRules.rules(JsonValue.EMPTY_JSON_OBJECT)).isEmpty();
        assertThat(ClaudeRules.rules(json("{\"permissions\":{\"allow\":\"Read\"}}"))).as("not a list").isEmpty();
    }

    @Test
    void addingKeepsEveryOtherKeyAndGivesAPatternOneBehavior() {
        JsonObject after = ClaudeRules.withRule(FILE, "Bash(rm:*)", "ask");
        assertThat(after.getJsonObject("env")).isEqualTo(FILE.getJsonObject("env"));
        assertThat(after.getString("model")).isEqualTo("opus");
        assertThat(after.getJsonObject("permissions").getString("defaultMode")).isEqualTo("acceptEdits");
        assertThat(after.getJsonObject("permissions").containsKey("deny")).as("an emptied list goes").isFalse();
        assertThat(ClaudeRules.rules(after)).containsExactly(new ClaudeRules.Rule("Read", "allow"),
                new ClaudeRules.Rule("Bash(rm:*)", "ask"));
        assertThat(ClaudeRules.withRule(after, "Read", "allow")).as("adding twice changes nothing").isEqualTo(after);
    }

    @Test
    void removingByBehaviorOrEverywhere() {
        assertThat(ClaudeRules.rules(ClaudeRules.withoutRule(FILE, "Read", "deny"))).hasSize(2);
        assertThat(ClaudeRules.rules(ClaudeRules.withoutRule(FILE, "Read", "allow")))
                .containsExactly(new ClaudeRules.Rule("Bash(rm:*)", "deny"));
        assertThat(ClaudeRules.rules(ClaudeRules.withoutRule(FILE, "Bash(rm:*)", null)))
                .containsExactly(new ClaudeRules.Rule("Read", "allow"));
    }

    @Test
    void aChangeIsChecked() {
        ClaudeRules.Change c = ClaudeRules.Change.parse(json("{\"pattern\":\" Bash(npm test:*) \",\"behavior\":\"allow\"}"), true);
        assertThat(c).isEqualTo(new ClaudeRules.Change("Bash(npm test:*)", "allow", ClaudeRules.Scope.PROJECT));
        assertThat(ClaudeRules.Change.parse(json("{\"pattern\":\"Read\",\"scope\":\"global\"}"), false).scope())
                .isEqualTo(ClaudeRules.Scope.GLOBAL);
        for (String bad : new String[] {"{}", "{\"pattern\":\"\",\"behavior\":\"allow\"}", "{\"pattern\":\"Read\"}",
                "{\"pattern\":\"Read\",\"behavior\":\"always\"}", "{\"pattern\":\"Read\",\"behavior\":\"allow\",\"scope\":\"team\"}",
                "{\"pattern\":\"a\\nb\",\"behavior\":\"allow\"}", "{\"pattern\":5,\"behavior\":\"allow\"}"}) {
            assertThatThrownBy(() -> ClaudeRules.Change.parse(json(bad), true)).as(bad).isInstanceOf(ApiException.class);
        }
        assertThatThrownBy(() -> ClaudeRules.Change.parse(JsonValue.TRUE, true)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ClaudeRules.Change.parse(json("{\"pattern\":\"" + "x".repeat(501) + "\",\"behavior\":\"allow\"}"), true))
                .isInstanceOf(ApiException.class);
    }
}
