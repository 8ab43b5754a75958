package dev.flightdeck.core.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void answersAreKeyedByQuestionTextWhateverNamesTheQuestion() {
        JsonObject out = QuestionAnswers.updatedInput(INPUT, json("{\"answers\":{\"Color\":[\"Blue\"],\"1\":[\"S\",\"M\"]}}"));
        assertEquals("Blue", out.getJsonObject("answers").getString("Which color?"));
        assertEquals("S, M", out.getJsonObject("answers").getString("Which sizes?"));
        assertEquals(INPUT.getJsonArray("questions"), out.getJsonArray("questions"), "the questions stay");
    }

    @Test
    void aSingleAnswerGoesToTheNamedOrFirstQuestion() {
        assertEquals("Red", QuestionAnswers.updatedInput(INPUT, json("{\"answer\":\"Red\"}"))
                .getJsonObject("answers").getString("Which color?"));
        assertEquals("L", QuestionAnswers.updatedInput(INPUT, json("{\"answer\":\"L\",\"question_id\":\"Size\"}"))
                .getJsonObject("answers").getString("Which sizes?"));
    }

    @Test
    void emptyOrUnknownAnswersAreRefused() {
        for (String bad : new String[] {"{}", "{\"answer\":\"  \"}", "{\"answers\":{\"Nope\":[\"x\"]}}",
                "{\"answers\":{\"Color\":[]}}", "{\"answers\":[1]}", "{\"answer\":3}"}) {
            ApiException e = assertThrows(ApiException.class, () -> QuestionAnswers.updatedInput(INPUT, json(bad)), bad);
            assertEquals("invalid_answer_payload", e.code(), bad);
            assertEquals(400, e.status());
        }
    }
}
