package dev.flightdeck.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CreateSessionTest {
    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void aBodyBecomesATypedRequest() {
        CreateSession c = CreateSession.parse(json("{\"provider\":\"codex\",\"cwd\":\"/src/app\",\"initial_prompt\":\"hi\","
                + "\"model\":\"gpt-5\",\"system_prompt\":\"be brief\",\"unknown\":1}"));
        assertThat(c.provider()).isEqualTo("codex");
        assertThat(c.cwd()).isEqualTo(Path.of("/src/app"));
        assertThat(c.initialPrompt()).isEqualTo("hi");
        assertThat(c.config().getString("model")).isEqualTo("gpt-5");
        assertThat(c.config().getString("developer_instructions")).isEqualTo("be brief");
        assertThat(c.config().containsKey("unknown")).isFalse();
    }

    @Test
    void eachBadFieldIsNamed() {
        assertThatThrownBy(() -> CreateSession.parse(json("{\"cwd\":\"/a\"}"))).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("provider");
        assertThatThrownBy(() -> CreateSession.parse(json("{\"provider\":\"gemini\",\"cwd\":\"/a\"}")))
                .hasMessageStartingWith("provider");
        assertThatThrownBy(() -> CreateSession.parse(json("{\"provider\":\"claude\",\"cwd\":\"relative\"}")))
                .hasMessageStartingWith("cwd");
        assertThatThrownBy(() -> CreateSession.parse(json("{\"provider\":\"claude\",\"cwd\":\"/a\\u0000b\"}")))
                .hasMessageStartingWith("cwd");
        assertThatThrownBy(() -> CreateSession.parse(json("{\"provider\":\"claude\",\"cwd\":\"/a\",\"session_id\":\"x\"}")))
                .hasMessageStartingWith("session_id");
        assertThatThrownBy(() -> CreateSession.parse(json("{\"provider\":\"claude\",\"cwd\":\"/a\",\"effort\":\"huge\"}")))
                .hasMessageStartingWith("effort");
        assertThatThrownBy(() -> CreateSession.parse(null)).hasMessageStartingWith("body");
    }

    @Test
    void aBlankInitialPromptIsNone() {
        assertThat(CreateSession.parse(json("{\"provider\":\"claude\",\"cwd\":\"/a\",\"initial_prompt\":\" \"}"))
                .initialPrompt()).isNull();
    }
}
