package dev.flightdeck.core.approval;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an answer payload ({@code {answer, question_id?, answers{qid:[str]}}}, contract §1.7), parsed
 * into a {@link Request} where it arrives, into
 * the tool input an AskUserQuestion call continues with: its questions plus {@code answers}, keyed by
 * question text, several choices joined by ", ". A question is named by its text, its header, its id
 * (Codex's request_user_input) or its 0-based index. Pure.
 */
public final class QuestionAnswers {
    private QuestionAnswers() {
    }

    /**
     * An answer body, checked: {@code answer} (blank counts as none) for {@code question_id} (default
     * the first question), and {@code answers}, question id to its choices already joined.
     */
    public record Request(String answer, String questionId, Map<String, String> answers) {
        public static Request parse(JsonObject payload) {
            if (payload == null) {
                throw invalid("a JSON object with answer or answers is required");
            }
            Map<String, String> answers = new LinkedHashMap<>();
            if (payload.get("answers") instanceof JsonObject byId) {
                for (Map.Entry<String, JsonValue> e : byId.entrySet()) {
                    answers.put(e.getKey(), joined(e.getValue(), "answers." + e.getKey()));
                }
            } else if (payload.containsKey("answers") && payload.get("answers") != JsonValue.NULL) {
                throw invalid("answers must be an object of question id to a list of strings");
            }
            String answer = null;
            if (payload.get("answer") instanceof JsonString a && !a.getString().isBlank()) {
                answer = a.getString();
            } else if (payload.containsKey("answer") && payload.get("answer") != JsonValue.NULL
                    && !(payload.get("answer") instanceof JsonString)) {
                throw invalid("answer must be a string");
            }
            if (answers.isEmpty() && answer == null) {
                throw invalid("give answer (a string) or answers (question id to a list of strings)");
            }
            String qid = payload.get("question_id") instanceof JsonString q ? q.getString() : "0";
            return new Request(answer, qid, java.util.Collections.unmodifiableMap(answers));
        }
    }

    public static JsonObject updatedInput(JsonObject toolInput, Request req) {
        List<JsonObject> questions = new ArrayList<>();
        if (toolInput != null && toolInput.get("questions") instanceof JsonArray qs) {
            qs.forEach(q -> questions.add(q instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT));
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : req.answers().entrySet()) {
            String text = textOf(questions, e.getKey());
            if (text == null) {
                throw invalid("answers: no question " + e.getKey());
            }
            answers.put(text, e.getValue());
        }
        if (req.answer() != null) {
            String qid = req.questionId();
            String text = questions.isEmpty() && "0".equals(qid) ? "" : textOf(questions, qid);
            if (text == null) {
                throw invalid("question_id: no question " + qid);
            }
            answers.putIfAbsent(text, req.answer());
        }
        JsonObjectBuilder out = Json.createObjectBuilder(toolInput == null ? JsonValue.EMPTY_JSON_OBJECT : toolInput);
        JsonObjectBuilder a = Json.createObjectBuilder();
        answers.forEach(a::add);
        return out.add("answers", a).build();
    }

    private static String textOf(List<JsonObject> questions, String id) {
        for (int i = 0; i < questions.size(); i++) {
            JsonObject q = questions.get(i);
            String text = q.getString("question", "");
            if (id.equals(text) || id.equals(q.getString("header", null)) || id.equals(q.getString("id", null))
                    || id.equals(String.valueOf(i))) {
                return text;
            }
        }
        return null;
    }

    private static String joined(JsonValue v, String field) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonArray arr && !arr.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (JsonValue p : arr) {
                if (!(p instanceof JsonString s)) {
                    throw invalid(field + " must hold strings");
                }
                parts.add(s.getString());
            }
            return String.join(", ", parts);
        }
        throw invalid(field + " must be a non-empty list of strings");
    }

    private static ApiException invalid(String message) {
        return ErrorCode.INVALID_ANSWER_PAYLOAD.error(message);
    }
}
