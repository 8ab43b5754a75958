package dev.flightdeck.core.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ClaudeModelsTest {
    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s.replace('\'', '"'))).readObject();
    }

    @Test
    void theInitializeAnswersModelsBecomeTheContractsEntries() {
        ClaudeModels.Models m = ClaudeModels.models(json("{'subtype':'success','request_id':'r','response':{'models':["
                + "{'value':'opus','displayName':'Opus','description':'Big','supportsEffort':true},"
                + "{'value':'haiku'},{'displayName':'no value'}]}}"));
        assertThat(m.models()).containsExactly(new ClaudeModels.Model("opus", "Opus", "Big"),
                new ClaudeModels.Model("haiku", "haiku", ""));
    }

    @Test
    void anErrorAnswerIsRefused() {
        assertThatThrownBy(() -> ClaudeModels.models(json("{'subtype':'error','error':'nope'}"))).hasMessageContaining("nope");
    }

    @Test
    void noModelsIsAnEmptyList() {
        assertThat(ClaudeModels.models(json("{'subtype':'success','response':{}}")).models()).isEmpty();
    }
}
