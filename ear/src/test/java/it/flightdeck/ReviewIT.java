package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.create;
import static it.flightdeck.Agents.detail;
import static it.flightdeck.Agents.end;
import static it.flightdeck.Agents.send;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Review comments over real HTTP and WebSocket, and sent to the real CLI as a message or a steer. */
class ReviewIT {
    @RegisterExtension
    static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();

    static Api.Resp comment(String sessionId, String json) {
        return Api.post("/api/sessions/" + sessionId + "/review/comments", json);
    }

    static JsonObject only(String sessionId) {
        return Api.get("/api/sessions/" + sessionId + "/review/comments").json().getJsonArray("comments").getJsonObject(0);
    }

    @Test
    void commentsRoundTripAndReviewSubscribersHearOfEachChange() throws Exception {
        Agents.Session s = create();
        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            ws.send("{\"type\":\"subscribe_session_surface\",\"session_id\":\"" + s.id() + "\",\"surface\":\"review\"}");
            // Without a cursor the subscription answers one invalidation: from then on it is registered.
            ws.awaitType("session_surface_invalidated");
            Api.Resp created = comment(s.id(), "{\"turn_id\":\"turn-1\",\"file_path\":\"src/app.js\",\"line_start\":3,"
                    + "\"line_end\":4,\"body\":\"Name this better\",\"tag\":\"clarity\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            String id = created.json().getString("comment_id");
            assertThat(created.json().getJsonObject("comment").getString("status")).isEqualTo("open");
            long revision = created.json().getJsonNumber("review_revision").longValue();
            JsonObject frame = ws.await(f -> "review_comment_created".equals(f.getString("type", "")), 10);
            assertThat(frame.getString("comment_id")).isEqualTo(id);
            assertThat(frame.getJsonNumber("revision").longValue()).as("review_revision is the durable revision").isEqualTo(revision);

            for (String bad : new String[] {"{\"file_path\":\"a\",\"line_start\":1,\"body\":\"x\",\"tag\":\"huge\"}",
                    "{\"file_path\":\"a\",\"line_start\":0,\"body\":\"x\"}", "{\"line_start\":1,\"body\":\"x\"}",
                    "{\"file_path\":\"a\",\"line_start\":5,\"line_end\":2,\"body\":\"x\"}", "{\"file_path\":\"a\",\"line_start\":1}"}) {
                Api.Resp r = comment(s.id(), bad);
                assertThat(r.status()).as(bad).isEqualTo(400);
                assertThat(r.json().getString("code")).as(bad).isEqualTo("invalid_request");
            }
            assertThat(Api.get("/api/sessions/" + s.id() + "/review/comments").json().getJsonArray("comments")).as("refused comments are not stored").hasSize(1);
            assertThat(Api.get("/api/sessions/" + s.id() + "/review/comments?turn_id=turn-9").json()
                    .getJsonArray("comments").size()).isEqualTo(0);

            Api.Resp patched = Api.patch("/api/review/comments/" + id, "{\"status\":\"resolved\",\"tag\":\"nit\"}");
            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
            assertThat(only(s.id()).getString("status")).isEqualTo("resolved");
            assertThat(only(s.id()).getString("tag")).isEqualTo("nit");
            ws.await(f -> "review_comment_updated".equals(f.getString("type", "")), 10);
            assertThat(Api.patch("/api/review/comments/" + id, "{\"status\":\"maybe\"}").status()).isEqualTo(400);
            assertThat(Api.patch("/api/review/comments/rc-nope", "{\"body\":\"x\"}").status()).isEqualTo(404);

            Api.Resp deleted = Api.delete("/api/review/comments/" + id);
            assertThat(deleted.json().getBoolean("deleted")).isTrue();
            ws.await(f -> "review_comment_deleted".equals(f.getString("type", "")), 10);
            assertThat(Api.get("/api/sessions/" + s.id() + "/review/comments").json().getJsonArray("comments")).isEmpty();
            assertThat(Api.delete("/api/review/comments/" + id).status()).isEqualTo(404);
        }
        end(s);
    }

    @Test
    void sentCommentsReachTheAgentAndResolveWhenItAnswers() throws Exception {
        Agents.Session s = create();
        try (Ws ws = Agents.subscribe(s.id())) {
            String first = comment(s.id(), "{\"file_path\":\"src/app.js\",\"line_start\":3,\"line_end\":4,"
                    + "\"body\":\"REVIEW-1 handle the empty list\",\"tag\":\"risk\"}").json().getString("comment_id");
            Api.Resp sent = Api.post("/api/sessions/" + s.id() + "/review/comments/send",
                    "{\"comment_ids\":[\"" + first + "\"],\"mode\":\"steer\"}");
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            assertThat(sent.json().getJsonObject("row").getJsonObject("row").getString("row_type")).as("no turn runs, so the comments start one").isEqualTo("user");
            awaitDetail(s.id(), Agents::idle, 60);
            String history = MODEL.get().historyOf("REVIEW-1");
            assertThat(history).as(history).contains("src/app.js, lines 3-4 [risk]");
            JsonObject resolved = only(s.id());
            assertThat(resolved.getString("status")).as("answered, so resolved").isEqualTo("resolved");
            assertThat(resolved.getString("sent_turn_id")).isEqualTo("turn-1");

            // While a turn waits on an approval, comments join it as a steer.
            assertThat(send(s.id(), "RUN_BASH touch " + s.dir().resolve("x.txt")).status()).isEqualTo(202);
            String rid = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request").getString("id");
            String second = comment(s.id(), "{\"file_path\":\"src/util.js\",\"line_start\":7,"
                    + "\"body\":\"REVIEW-2 no magic numbers\"}").json().getString("comment_id");
            Api.Resp steered = Api.post("/api/sessions/" + s.id() + "/review/comments/send",
                    "{\"comment_ids\":[\"" + second + "\"]}");
            assertThat(steered.json().getJsonObject("row").getJsonObject("row").getString("row_type")).isEqualTo("steer");
            assertThat(steered.json().getJsonObject("row").getString("turn_id")).isEqualTo("turn-2");
            Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + rid + "/decision", "{\"decision\":\"approved\"}");
            awaitDetail(s.id(), Agents::idle, 60);
            assertThat(MODEL.get().historyOf("REVIEW-2")).contains("src/util.js, line 7");
            assertThat(Api.get("/api/sessions/" + s.id() + "/review/comments").json().getJsonArray("comments").stream()
                    .anyMatch(c -> "open".equals(c.asJsonObject().getString("status")))).as("both answered").isFalse();
            assertThat(detail(s.id()).getInt("turn_count")).isEqualTo(2);
        }
        assertThat(Api.post("/api/sessions/" + s.id() + "/review/comments/send", "{\"comment_ids\":[\"rc-nope\"]}").status()).isEqualTo(404);
        assertThat(Api.post("/api/sessions/" + s.id() + "/review/comments/send", "{\"comment_ids\":[]}").status()).isEqualTo(400);
        end(s);
    }
}
