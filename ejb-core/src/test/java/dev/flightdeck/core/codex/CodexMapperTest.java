package dev.flightdeck.core.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flightdeck.core.connector.AgentEvent;
import dev.flightdeck.core.connector.ApprovalDecision;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodexMapperTest {
    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    static List<JsonObject> recorded(String name) throws Exception {
        List<JsonObject> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                CodexMapperTest.class.getResourceAsStream("/codex/" + name), StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.isBlank()).forEach(l -> out.add(json(l)));
        }
        return out;
    }

    /** The protocol lists of the pinned version's generated schema; CodexSchemaIT checks they are still true. */
    static JsonObject protocol() {
        return Json.createReader(CodexMapperTest.class.getResourceAsStream("/codex/protocol-" + CodexConnector.PINNED_VERSION
                + ".json")).readObject();
    }

    @Test
    void everyNotificationRequestAndItemTypeOfTheSchemaIsMapped() {
        JsonObject p = protocol();
        List<String> unknown = new ArrayList<>();
        p.getJsonArray("notifications").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString())
                .filter(m -> !CodexMapper.knowsNotification(m)).forEach(unknown::add);
        p.getJsonArray("requests").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString())
                .filter(m -> !CodexMapper.knowsRequest(m)).forEach(unknown::add);
        p.getJsonArray("item_types").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString())
                .filter(t -> !CodexMapper.ITEM_TYPES.containsKey(t)).forEach(unknown::add);
        assertEquals(List.of(), unknown, "left unmapped");
    }

    @Test
    void aRecordedApprovedCommandBecomesRowsAnApprovalAndUsage() throws Exception {
        CodexMapper m = new CodexMapper();
        List<AgentEvent> events = new ArrayList<>();
        for (JsonObject line : recorded("exec-approved.jsonl")) {
            if (line.containsKey("method")) {
                events.addAll(m.map(line, 1_000));
            }
        }
        AgentEvent.Bound bound = assertInstanceOf(AgentEvent.Bound.class, events.get(0));
        assertEquals("gpt-scripted", bound.model());
        AgentEvent.Row running = assertInstanceOf(AgentEvent.Row.class, events.get(1));
        assertEquals("shell", running.row().family());
        assertEquals("running", running.row().status());
        AgentEvent.ApprovalRequested asked = assertInstanceOf(AgentEvent.ApprovalRequested.class, events.get(2));
        assertEquals("exec", asked.approvalType());
        assertEquals("0", asked.requestId());
        assertTrue(asked.command().contains("touch ran.txt"));
        AgentEvent.Row done = assertInstanceOf(AgentEvent.Row.class, events.get(3));
        assertEquals(running.row().rowId(), done.row().rowId());
        assertEquals("completed", done.row().status());
        AgentEvent.Row reply = assertInstanceOf(AgentEvent.Row.class, events.get(4));
        assertEquals("assistant", reply.row().rowType());
        AgentEvent.TurnCompleted turn = assertInstanceOf(AgentEvent.TurnCompleted.class, events.get(5));
        assertEquals(200, turn.usage().inputTokens());
        assertEquals(14, turn.usage().outputTokens());
        assertTrue(turn.resumeRef() != null, "the turn id is where a rollback or fork resumes");
        assertEquals(6, events.size());
    }

    @Test
    void protocolLinesMatchTheSchemaShapes() {
        JsonObject approve = json(CodexProtocol.approval(Json.createValue(7), new ApprovalDecision("approved_for_session",
                null, false, null)));
        assertEquals(7, approve.getInt("id"));
        assertEquals("acceptForSession", approve.getJsonObject("result").getString("decision"));
        assertEquals("cancel", json(CodexProtocol.approval(Json.createValue("r"), new ApprovalDecision("abort", null,
                false, null))).getJsonObject("result").getString("decision"));
        JsonObject asked = json("{\"permissions\":{\"network\":{\"enabled\":true}}}");
        JsonObject granted = json(CodexProtocol.permissions(Json.createValue(3), new ApprovalDecision("approved_for_session",
                null, false, null), asked)).getJsonObject("result");
        assertEquals(asked.getJsonObject("permissions"), granted.getJsonObject("permissions"));
        assertEquals("session", granted.getString("scope"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, json(CodexProtocol.permissions(Json.createValue(3),
                new ApprovalDecision("denied", null, false, null), asked)).getJsonObject("result").getJsonObject("permissions"));
        JsonObject request = json("{\"questions\":[{\"id\":\"color\",\"header\":\"Color\",\"question\":\"Which color?\"}]}");
        JsonObject answered = dev.flightdeck.core.approval.QuestionAnswers.updatedInput(request,
                json("{\"answers\":{\"color\":[\"Blue\"]}}"));
        JsonObject reply = json(CodexProtocol.userInput(Json.createValue(4), new ApprovalDecision("approved", null, false,
                answered), request)).getJsonObject("result");
        assertEquals("Blue", reply.getJsonObject("answers").getJsonObject("color").getJsonArray("answers").getString(0));
        assertEquals("question", ((AgentEvent.ApprovalRequested) new CodexMapper().map(json(
                "{\"id\":9,\"method\":\"item/tool/requestUserInput\",\"params\":" + request + "}"), 0).get(0)).approvalType());
        JsonObject start = CodexProtocol.turnStart("t1", CodexProtocol.input("hi", List.of(
                new dev.flightdeck.core.connector.AgentHandle.ImageInput("image/png", "AQID"))), "m1", "gpt-x", "low");
        assertEquals("text", start.getJsonArray("input").getJsonObject(0).getString("type"));
        assertEquals("data:image/png;base64,AQID", start.getJsonArray("input").getJsonObject(1).getString("url"));
        assertEquals("low", start.getString("effort"));
        var spec = new dev.flightdeck.core.connector.LaunchSpec("s", java.nio.file.Path.of("/p"), null, "untrusted",
                "thread-1", false, "turn-9", null, List.of(), List.of(), null, false, List.of());
        assertEquals("thread/fork", CodexProtocol.openMethod(spec), "resuming at a turn is a fork up to it");
        assertEquals("turn-9", CodexProtocol.openParams(spec).getString("lastTurnId"));
        assertEquals("untrusted", CodexProtocol.openParams(spec).getString("approvalPolicy"));
        assertEquals(JsonValue.ValueType.STRING, CodexProtocol.openParams(spec).get("threadId").getValueType());
    }
}
