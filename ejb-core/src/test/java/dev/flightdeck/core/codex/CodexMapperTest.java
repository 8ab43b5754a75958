package dev.flightdeck.core.codex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

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
        assertThat(unknown).as("left unmapped").isEqualTo(List.of());
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
        AgentEvent.Bound bound = assertThat(events.get(0)).asInstanceOf(type(AgentEvent.Bound.class)).actual();
        assertThat(bound.model()).isEqualTo("gpt-scripted");
        AgentEvent.Row running = assertThat(events.get(1)).asInstanceOf(type(AgentEvent.Row.class)).actual();
        assertThat(running.row().family()).isEqualTo("shell");
        assertThat(running.row().status()).isEqualTo("running");
        AgentEvent.ApprovalRequested asked = assertThat(events.get(2)).asInstanceOf(type(AgentEvent.ApprovalRequested.class)).actual();
        assertThat(asked.approvalType()).isEqualTo("exec");
        assertThat(asked.requestId()).isEqualTo("0");
        assertThat(asked.command()).contains("touch ran.txt");
        AgentEvent.Row done = assertThat(events.get(3)).asInstanceOf(type(AgentEvent.Row.class)).actual();
        assertThat(done.row().rowId()).isEqualTo(running.row().rowId());
        assertThat(done.row().status()).isEqualTo("completed");
        AgentEvent.Row reply = assertThat(events.get(4)).asInstanceOf(type(AgentEvent.Row.class)).actual();
        assertThat(reply.row().rowType()).isEqualTo("assistant");
        AgentEvent.TurnCompleted turn = assertThat(events.get(5)).asInstanceOf(type(AgentEvent.TurnCompleted.class)).actual();
        assertThat(turn.usage().inputTokens()).isEqualTo(200);
        assertThat(turn.usage().outputTokens()).isEqualTo(14);
        assertThat(turn.resumeRef()).as("the turn id is where a rollback or fork resumes")
                .isEqualTo("01a214ed-d8d4-7460-a66d-b419e66e2ea0");
        assertThat(events).hasSize(6);
    }

    @Test
    void protocolLinesMatchTheSchemaShapes() {
        JsonObject approve = json(CodexProtocol.approval(Json.createValue(7), new ApprovalDecision("approved_for_session",
                null, false, null)));
        assertThat(approve.getInt("id")).isEqualTo(7);
        assertThat(approve.getJsonObject("result").getString("decision")).isEqualTo("acceptForSession");
        assertThat(json(CodexProtocol.approval(Json.createValue("r"), new ApprovalDecision("abort", null,
                false, null))).getJsonObject("result").getString("decision")).isEqualTo("cancel");
        JsonObject asked = json("{\"permissions\":{\"network\":{\"enabled\":true}}}");
        JsonObject granted = json(CodexProtocol.permissions(Json.createValue(3), new ApprovalDecision("approved_for_session",
                null, false, null), asked)).getJsonObject("result");
        assertThat(granted.getJsonObject("permissions")).isEqualTo(asked.getJsonObject("permissions"));
        assertThat(granted.getString("scope")).isEqualTo("session");
        assertThat(json(CodexProtocol.permissions(Json.createValue(3),
                new ApprovalDecision("denied", null, false, null), asked)).getJsonObject("result").getJsonObject("permissions")).isEqualTo(JsonValue.EMPTY_JSON_OBJECT);
        JsonObject request = json("{\"questions\":[{\"id\":\"color\",\"header\":\"Color\",\"question\":\"Which color?\"}]}");
        JsonObject answered = dev.flightdeck.core.approval.QuestionAnswers.updatedInput(request,
                dev.flightdeck.core.approval.QuestionAnswers.Request.parse(json("{\"answers\":{\"color\":[\"Blue\"]}}")));
        JsonObject reply = json(CodexProtocol.userInput(Json.createValue(4), new ApprovalDecision("approved", null, false,
                answered), request)).getJsonObject("result");
        assertThat(reply.getJsonObject("answers").getJsonObject("color").getJsonArray("answers").getString(0)).isEqualTo("Blue");
        assertThat(((AgentEvent.ApprovalRequested) new CodexMapper().map(json(
                "{\"id\":9,\"method\":\"item/tool/requestUserInput\",\"params\":" + request + "}"), 0).get(0)).approvalType()).isEqualTo("question");
        JsonObject start = CodexProtocol.turnStart("t1", CodexProtocol.input("hi", List.of(
                new dev.flightdeck.core.connector.AgentHandle.ImageInput("image/png", "AQID"))), "m1", "gpt-x", "low");
        assertThat(start.getJsonArray("input").getJsonObject(0).getString("type")).isEqualTo("text");
        assertThat(start.getJsonArray("input").getJsonObject(1).getString("url")).isEqualTo("data:image/png;base64,AQID");
        assertThat(start.getString("effort")).isEqualTo("low");
        var spec = new dev.flightdeck.core.connector.LaunchSpec("s", java.nio.file.Path.of("/p"), null, "untrusted",
                "thread-1", false, "turn-9", null, List.of(), List.of(), null, false, List.of(), null, null);
        assertThat(CodexProtocol.openMethod(spec)).as("resuming at a turn is a fork up to it").isEqualTo("thread/fork");
        assertThat(CodexProtocol.openParams(spec).getString("lastTurnId")).isEqualTo("turn-9");
        assertThat(CodexProtocol.openParams(spec).getString("approvalPolicy")).isEqualTo("untrusted");
        assertThat(CodexProtocol.openParams(spec).get("threadId").getValueType()).isEqualTo(JsonValue.ValueType.STRING);
    }
}
