package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.create;
import static it.flightdeck.Agents.detail;
import static it.flightdeck.Agents.end;
import static it.flightdeck.Agents.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertEquals(200, created.status(), created.body());
            String id = created.json().getString("comment_id");
            assertEquals("open", created.json().getJsonObject("comment").getString("status"));
            long revision = created.json().getJsonNumber("review_revision").longValue();
            JsonObject frame = ws.await(f -> "review_comment_created".equals(f.getString("type", "")), 10);
            assertEquals(id, frame.getString("comment_id"));
            assertEquals(revision, frame.getJsonNumber("revision").longValue(), "review_revision is the durable revision");

            for (String bad : new String[] {"{\"file_path\":\"a\",\"line_start\":1,\"body\":\"x\",\"tag\":\"huge\"}",
                    "{\"file_path\":\"a\",\"line_start\":0,\"body\":\"x\"}", "{\"line_start\":1,\"body\":\"x\"}",
                    "{\"file_path\":\"a\",\"line_start\":5,\"line_end\":2,\"body\":\"x\"}", "{\"file_path\":\"a\",\"line_start\":1}"}) {
                Api.Resp r = comment(s.id(), bad);
                assertEquals(400, r.status(), bad);
                assertEquals("invalid_request", r.json().getString("code"), bad);
            }
            assertEquals(1, Api.get("/api/sessions/" + s.id() + "/review/comments").json().getJsonArray("comments").size(),
                    "refused comments are not stored");
            assertEquals(0, Api.get("/api/sessions/" + s.id() + "/review/comments?turn_id=turn-9").json()
                    .getJsonArray("comments").size());

            Api.Resp patched = Api.patch("/api/review/comments/" + id, "{\"status\":\"resolved\",\"tag\":\"nit\"}");
            assertEquals(200, patched.status(), patched.body());
            assertEquals("resolved", only(s.id()).getString("status"));
            assertEquals("nit", only(s.id()).getString("tag"));
            ws.await(f -> "review_comment_updated".equals(f.getString("type", "")), 10);
            assertEquals(400, Api.patch("/api/review/comments/" + id, "{\"status\":\"maybe\"}").status());
            assertEquals(404, Api.patch("/api/review/comments/rc-nope", "{\"body\":\"x\"}").status());

            Api.Resp deleted = Api.delete("/api/review/comments/" + id);
            assertTrue(deleted.json().getBoolean("deleted"));
            ws.await(f -> "review_comment_deleted".equals(f.getString("type", "")), 10);
            assertEquals(0, Api.get("/api/sessions/" + s.id() + "/review/comments").json().getJsonArray("comments").size());
            assertEquals(404, Api.delete("/api/review/comments/" + id).status());
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
            assertEquals(202, sent.status(), sent.body());
            assertEquals("user", sent.json().getJsonObject("row").getJsonObject("row").getString("row_type"),
                    "no turn runs, so the comments start one");
            awaitDetail(s.id(), Agents::idle, 60);
            String history = MODEL.get().historyOf("REVIEW-1");
            assertTrue(history.contains("src/app.js, lines 3-4 [risk]"), history);
            JsonObject resolved = only(s.id());
            assertEquals("resolved", resolved.getString("status"), "answered, so resolved");
            assertEquals("turn-1", resolved.getString("sent_turn_id"));

            // While a turn waits on an approval, comments join it as a steer.
            assertEquals(202, send(s.id(), "RUN_BASH touch " + s.dir().resolve("x.txt")).status());
            String rid = ws.await(f -> "approval_requested".equals(f.getString("type", "")), 60)
                    .getJsonObject("request").getString("id");
            String second = comment(s.id(), "{\"file_path\":\"src/util.js\",\"line_start\":7,"
                    + "\"body\":\"REVIEW-2 no magic numbers\"}").json().getString("comment_id");
            Api.Resp steered = Api.post("/api/sessions/" + s.id() + "/review/comments/send",
                    "{\"comment_ids\":[\"" + second + "\"]}");
            assertEquals("steer", steered.json().getJsonObject("row").getJsonObject("row").getString("row_type"));
            assertEquals("turn-2", steered.json().getJsonObject("row").getString("turn_id"));
            Api.post("/api/sessions/" + s.id() + "/approvals/requests/" + rid + "/decision", "{\"decision\":\"approved\"}");
            awaitDetail(s.id(), Agents::idle, 60);
            assertTrue(MODEL.get().historyOf("REVIEW-2").contains("src/util.js, line 7"));
            assertFalse(Api.get("/api/sessions/" + s.id() + "/review/comments").json().getJsonArray("comments").stream()
                    .anyMatch(c -> "open".equals(c.asJsonObject().getString("status"))), "both answered");
            assertEquals(2, detail(s.id()).getInt("turn_count"));
        }
        assertEquals(404, Api.post("/api/sessions/" + s.id() + "/review/comments/send", "{\"comment_ids\":[\"rc-nope\"]}").status());
        assertEquals(400, Api.post("/api/sessions/" + s.id() + "/review/comments/send", "{\"comment_ids\":[]}").status());
        end(s);
    }
}
