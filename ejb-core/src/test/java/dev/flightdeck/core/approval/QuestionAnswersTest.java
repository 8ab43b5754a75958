package dev.flightdeck.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class QuestionAnswersTest {
    static final JsonObject INPUT = json("{\"questions\":[{\"question\":\"Which color?\",\"header\":\"Color\"},"
            + "{\"question\":\"Which sizes?\",\"header\":\"Size\",\"multiSelect\":true}]}");

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    static QuestionAnswers.Request answer(String s) {
        return QuestionAnswers.Request.parse(json(s));
    }

    @Test
    void answersAreKeyedByQuestionTextWhateverNamesTheQuestion() {
        JsonObject out = QuestionAnswers.updatedInput(INPUT, answer("{\"answers\":{\"Color\":[\"Blue\"],\"1\":[\"S\",\"M\"]}}"));
        assertThat(out.getJsonObject("answers").getString("Which color?")).isEqualTo("Blue");
        assertThat(out.getJsonObject("answers").getString("Which sizes?")).isEqualTo("S, M");
        assertThat(out.getJsonArray("questions")).as("the questions stay").isEqualTo(INPUT.getJsonArray("questions"));
    }

    @Test
    void aSingleAnswerGoesToTheNamedOrFirstQuestion() {
        assertThat(QuestionAnswers.updatedInput(INPUT, answer("{\"answer\":\"Red\"}"))
                .getJsonObject("answers").getString("Which color?")).isEqualTo("Red");
        assertThat(QuestionAnswers.updatedInput(INPUT, answer("{\"answer\":\"L\",\"question_id\":\"Size\"}"))
                .getJsonObject("answers").getString("Which sizes?")).isEqualTo("L");
    }

    @Test
    void emptyOrUnknownAnswersAreRefused() {
        for (String bad : new String[] {"{}", "{\"answer\":\"  \"}", "{\"answers\":{\"Nope\":[\"x\"]}}",
                "{\"answers\":{\"Color\":[]}}", "{\"answers\":[1]}", "{\"answer\":3}"}) {
            assertThatThrownBy(() -> QuestionAnswers.updatedInput(INPUT, answer(bad))).as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).as(bad).isEqualTo("invalid_answer_payload");
                        assertThat(e.status()).isEqualTo(400);
                    });
        }
    }
}
