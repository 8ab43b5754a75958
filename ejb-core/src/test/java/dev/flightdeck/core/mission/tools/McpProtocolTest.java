package dev.flightdeck.core.mission.tools;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpProtocolTest {
    final McpProtocol mcp = new McpProtocol("1.2.3");
    final List<String> called = new ArrayList<>();
    final MissionToolCalls tools = (tool, args) -> {
        called.add(tool + " " + args);
        return ToolOutcome.ok(Json.createObjectBuilder().add("ran", tool).build());
    };

    McpProtocol.Reply post(String body) {
        return mcp.handle(body, null, tools);
    }

    McpProtocol.Reply post(String body, String version) {
        return mcp.handle(body, version, tools);
    }

    static JsonValue json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readValue();
        }
    }

    static JsonObject obj(McpProtocol.Reply r) {
        return json(r.body()).asJsonObject();
    }

    static int errorCode(McpProtocol.Reply r) {
        return obj(r).getJsonObject("error").getInt("code");
    }

    static String initialize(String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    }

    @Test
    void initializeEchoesEverySupportedVersionAndNamesTheServer() {
        for (String v : McpProtocol.VERSIONS) {
            McpProtocol.Reply r = post(initialize(v));
            assertThat(r.status()).isEqualTo(200);
            JsonObject result = obj(r).getJsonObject("result");
            assertThat(result.getString("protocolVersion")).isEqualTo(v);
            assertThat(result.getJsonObject("serverInfo").getString("name")).isEqualTo("flightdeck");
            assertThat(result.getJsonObject("serverInfo").getString("version")).isEqualTo("1.2.3");
            assertThat(result.getJsonObject("capabilities").keySet()).containsExactly("tools");
            assertThat(obj(r).getInt("id")).isZero();
        }
    }

    @Test
    void anUnknownVersionGetsTheNewest() {
        assertThat(obj(post(initialize("2026-07-28"))).getJsonObject("result").getString("protocolVersion"))
                .isEqualTo("2025-11-25");
        assertThat(obj(post(initialize("1999-01-01"))).getJsonObject("result").getString("protocolVersion"))
                .isEqualTo(McpProtocol.LATEST);
    }

    @Test
    void initializeWithoutAVersionIsInvalidParams() {
        assertThat(errorCode(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}")))
                .isEqualTo(-32602);
        assertThat(errorCode(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}"))).isEqualTo(-32602);
    }

    @Test
    void notificationsAndResponsesAreAcceptedWithoutABody() {
        for (String body : new String[] {"{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"params\":{\"name\":\"mission_get_issue\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"error\":{\"code\":1,\"message\":\"x\"}}"}) {
            McpProtocol.Reply r = post(body, "2025-06-18");
            assertThat(r.status()).as(body).isEqualTo(202);
            assertThat(r.body()).as(body).isNull();
        }
        assertThat(called).as("a notification runs no tool").isEmpty();
    }

    @Test
    void pingAnswersAnEmptyResultWithTheSameId() {
        JsonObject r = obj(post("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"ping\"}"));
        assertThat(r.getString("id")).isEqualTo("abc");
        assertThat(r.getJsonObject("result")).isEmpty();
        assertThat(r.getString("jsonrpc")).isEqualTo("2.0");
    }

    @Test
    void toolsListHasOrbitDocsEightToolsAndMissionCommitWithClosedSchemas() {
        JsonArray list = obj(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{\"progressToken\":0}}}"))
                .getJsonObject("result").getJsonArray("tools");
        assertThat(list.stream().map(t -> t.asJsonObject().getString("name")).toList()).containsExactly(
                "mission_get_issue", "mission_post_update", "mission_update_comment", "mission_get_comments",
                "mission_set_status", "mission_link_pr", "mission_create_followup", "mission_report_blocked",
                "mission_commit");
        for (JsonValue t : list) {
            JsonObject schema = t.asJsonObject().getJsonObject("inputSchema");
            assertThat(schema.getString("type")).isEqualTo("object");
            assertThat(schema.getBoolean("additionalProperties")).isFalse();
            assertThat(t.asJsonObject().getString("description")).isNotBlank();
            if (schema.containsKey("required")) {
                schema.getJsonArray("required").forEach(req -> assertThat(schema.getJsonObject("properties"))
                        .containsKey(((jakarta.json.JsonString) req).getString()));
            }
        }
    }

    @Test
    void theSchemasMatchOrbitDocsArguments() {
        java.util.Map<String, String> expected = java.util.Map.of(
                "mission_get_issue", "[] []",
                "mission_post_update", "[body] [body]",
                "mission_update_comment", "[body, comment_id] [comment_id, body]",
                "mission_get_comments", "[first] []",
                "mission_set_status", "[state] [state]",
                "mission_link_pr", "[title, url] [url]",
                "mission_create_followup", "[description, labels, title] [title, description]",
                "mission_report_blocked", "[reason] [reason]",
                "mission_commit", "[message] [message]");
        for (ToolDefinition t : MissionTools.all()) {
            JsonObject s = t.inputSchema();
            List<String> req = s.containsKey("required")
                    ? s.getJsonArray("required").getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString).toList() : List.of();
            assertThat(new java.util.TreeSet<>(s.getJsonObject("properties").keySet()) + " " + req)
                    .as(t.name()).isEqualTo(expected.get(t.name()));
        }
    }

    @Test
    void toolsCallRunsTheToolAndWrapsItsResult() {
        JsonObject r = obj(post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"mission_set_status\",\"arguments\":{\"state\":\"Done\"}}}"));
        JsonObject result = r.getJsonObject("result");
        assertThat(result.getBoolean("isError")).isFalse();
        assertThat(result.getJsonArray("content").getJsonObject(0).getString("type")).isEqualTo("text");
        assertThat(json(result.getJsonArray("content").getJsonObject(0).getString("text")).asJsonObject()
                .getString("ran")).isEqualTo("mission_set_status");
        assertThat(called).containsExactly("mission_set_status {\"state\":\"Done\"}");
    }

    @Test
    void toolsCallWithoutArgumentsIsAnEmptyObject() {
        post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"mission_get_issue\"}}");
        post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"mission_get_issue\",\"arguments\":null}}");
        assertThat(called).containsExactly("mission_get_issue {}", "mission_get_issue {}");
    }

    @Test
    void aFailedToolIsAnErrorResultNotAProtocolError() {
        McpProtocol failing = new McpProtocol("x");
        JsonObject r = json(failing.handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"mission_get_issue\"}}", null, (t, a) -> ToolOutcome.failure("tracker down")).body())
                .asJsonObject();
        assertThat(r.containsKey("error")).isFalse();
        assertThat(r.getJsonObject("result").getBoolean("isError")).isTrue();
        assertThat(r.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"))
                .isEqualTo("tracker down");
    }

    @Test
    void protocolErrorsHaveTheirCodes() {
        assertThat(errorCode(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}"))).isEqualTo(-32601);
        assertThat(errorCode(post("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"server/discover\"}"))).isEqualTo(-32601);
        assertThat(errorCode(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"rm_rf\"}}")))
                .isEqualTo(-32602);
        assertThat(errorCode(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}}"))).isEqualTo(-32602);
        assertThat(errorCode(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"mission_get_issue\",\"arguments\":[1]}}"))).isEqualTo(-32602);
        assertThat(errorCode(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":[1]}"))).isEqualTo(-32602);
        assertThat(called).isEmpty();
    }

    @Test
    void whatIsNotJsonIsAParseErrorWith400() {
        for (String body : new String[] {"", "{", "not json", "{\"jsonrpc\":", "{} trailing"}) {
            McpProtocol.Reply r = post(body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(errorCode(r)).as(body).isEqualTo(-32700);
            assertThat(obj(r).get("id")).isEqualTo(JsonValue.NULL);
        }
    }

    @Test
    void whatIsNotJsonRpcIsAnInvalidRequestWith400() {
        for (String body : new String[] {"12", "\"text\"", "null", "{}", "{\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}"}) {
            McpProtocol.Reply r = post(body, "2025-06-18");
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(errorCode(r)).as(body).isEqualTo(-32600);
        }
    }

    @Test
    void theInvalidRequestKeepsAUsableId() {
        assertThat(obj(post("{\"jsonrpc\":\"1.0\",\"id\":42,\"method\":\"ping\"}")).getInt("id")).isEqualTo(42);
    }

    @Test
    void batchesWorkOnlyWhereTheProtocolHasThem() {
        String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}, 7]";
        McpProtocol.Reply r = post(batch, "2025-03-26");
        assertThat(r.status()).isEqualTo(200);
        JsonArray answers = json(r.body()).asJsonArray();
        assertThat(answers).hasSize(3);
        assertThat(answers.getJsonObject(0).getJsonObject("result")).isEmpty();
        assertThat(answers.getJsonObject(1).getJsonObject("error").getInt("code")).isEqualTo(-32601);
        assertThat(answers.getJsonObject(2).getJsonObject("error").getInt("code")).isEqualTo(-32600);
        assertThat(post(batch).status()).as("no header: 2025-03-26").isEqualTo(200);

        McpProtocol.Reply refused = post(batch, "2025-06-18");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(errorCode(refused)).isEqualTo(-32600);
        assertThat(post("[]", "2025-03-26").status()).isEqualTo(400);
        assertThat(post("[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]", "2024-11-05").status())
                .isEqualTo(202);
        JsonArray init = json(post("[" + initialize("2025-03-26") + "]", "2025-03-26").body()).asJsonArray();
        assertThat(init.getJsonObject(0).getJsonObject("error").getInt("code")).isEqualTo(-32600);
    }

    @Test
    void anUnsupportedProtocolHeaderIs400() {
        McpProtocol.Reply r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "2026-07-28");
        assertThat(r.status()).isEqualTo(400);
        assertThat(errorCode(r)).isEqualTo(-32600);
        assertThat(obj(r).getJsonObject("error").getString("message")).contains("2025-11-25");
        for (String v : McpProtocol.VERSIONS) {
            assertThat(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", v).status()).isEqualTo(200);
        }
    }

    @Test
    void aToolThatThrowsIsAnErrorResult() {
        McpProtocol.Reply r = mcp.handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"mission_get_issue\"}}", null, (t, a) -> {
                    throw new IllegalStateException("boom");
                });
        assertThat(r.status()).isEqualTo(200);
        assertThat(obj(r).getJsonObject("result").getBoolean("isError")).isTrue();
        assertThat(r.body()).doesNotContain("boom");
    }
}
