package dev.flightdeck.core.mission.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.mission.tracker.TrackerException;
import dev.flightdeck.core.mission.tracker.TrackerKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tools as an agent calls them: through tools/call, against a fake tracker and fake run events. */
class MissionToolExecutorTest {
    static final MissionToolContext CTX = new MissionToolContext("m1", "mi1", "run1", "s1", TrackerKind.LINEAR,
            "i1", "ENG-1");

    FakeTracker tracker;
    FakeRunEvents events;
    McpProtocol mcp = new McpProtocol("test");

    @BeforeEach
    void setUp() {
        tracker = new FakeTracker().with(FakeTracker.issue("i1", "ENG-1", "Todo"))
                .with(FakeTracker.issue("i2", "ENG-2", "Todo"));
        events = new FakeRunEvents(tracker);
    }

    /** The tool's result: {isError, text}. */
    JsonObject call(String tool, String args) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + args + "}}";
        McpProtocol.Reply r = mcp.handle(body, "2025-06-18", new MissionToolExecutor(events, CTX));
        assertThat(r.status()).isEqualTo(200);
        JsonObject result = read(r.body()).getJsonObject("result");
        assertThat(result.getJsonArray("content")).hasSize(1);
        return Json.createObjectBuilder().add("isError", result.getBoolean("isError"))
                .add("text", result.getJsonArray("content").getJsonObject(0).getString("text")).build();
    }

    static JsonObject read(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    static JsonObject ok(JsonObject result) {
        assertThat(result.getBoolean("isError")).as(result.getString("text")).isFalse();
        return read(result.getString("text"));
    }

    @Test
    void getIssueReadsTheRunsIssueByItsId() {
        JsonObject issue = ok(call("mission_get_issue", "{}"));
        assertThat(issue.getString("identifier")).isEqualTo("ENG-1");
        assertThat(issue.getString("title")).isEqualTo("Fix the thing");
        assertThat(issue.getString("state")).isEqualTo("Todo");
        assertThat(issue.getJsonArray("labels").getString(0)).isEqualTo("bug");
        assertThat(issue.getInt("priority")).isEqualTo(2);
        assertThat(issue.getString("url")).isEqualTo("https://tracker.example/ENG-1");
        assertThat(tracker.calls).containsExactly("byIds [i1]");
    }

    @Test
    void aGoneIssueIsAFailureResult() {
        tracker.issues.remove("i1");
        JsonObject r = call("mission_get_issue", "{}");
        assertThat(r.getBoolean("isError")).isTrue();
        assertThat(r.getString("text")).contains("ENG-1").contains("gone");
    }

    @Test
    void postUpdateReturnsTheCommentId() {
        JsonObject r = ok(call("mission_post_update", "{\"body\":\"Working on it\"}"));
        assertThat(r.getBoolean("posted")).isTrue();
        assertThat(r.getString("comment_id")).isEqualTo(tracker.comments.get("i1").get(0).id());
        assertThat(tracker.comments.get("i1").get(0).body()).isEqualTo("Working on it");
    }

    @Test
    void updateCommentEditsOnlyThisIssuesCommentsAndKeepsItAsTheStatusComment() {
        String mine = ok(call("mission_post_update", "{\"body\":\"v1\"}")).getString("comment_id");
        String other = tracker.postComment("i2", "someone else's").id();

        JsonObject edited = ok(call("mission_update_comment", "{\"comment_id\":\"" + mine + "\",\"body\":\"v2\"}"));
        assertThat(edited.getBoolean("updated")).isTrue();
        assertThat(tracker.comments.get("i1").get(0).body()).isEqualTo("v2");
        assertThat(events.events).containsExactly("statusComment run1 " + mine);

        JsonObject refused = call("mission_update_comment", "{\"comment_id\":\"" + other + "\",\"body\":\"pwned\"}");
        assertThat(refused.getBoolean("isError")).isTrue();
        assertThat(refused.getString("text")).startsWith("tracker error (not_found)");
        assertThat(tracker.comments.get("i2").get(0).body()).isEqualTo("someone else's");
        assertThat(events.events).hasSize(1);
    }

    @Test
    void getCommentsDefaultsToTwentyAndRefusesMoreThanFifty() {
        for (int i = 0; i < 25; i++) {
            tracker.postComment("i1", "n" + i);
        }
        JsonObject all = ok(call("mission_get_comments", "{}"));
        assertThat(all.getJsonArray("comments")).hasSize(20);
        assertThat(all.getJsonArray("comments").getJsonObject(19).getString("body")).isEqualTo("n24");
        assertThat(all.getJsonArray("comments").getJsonObject(0).keySet())
                .containsExactlyInAnyOrder("id", "body", "created_at", "author");
        assertThat(ok(call("mission_get_comments", "{\"first\":3}")).getJsonArray("comments")).hasSize(3);
        assertThat(call("mission_get_comments", "{\"first\":51}").getString("text")).contains("between 1 and 50");
        assertThat(call("mission_get_comments", "{\"first\":0}").getBoolean("isError")).isTrue();
        assertThat(call("mission_get_comments", "{\"first\":2.5}").getString("text")).contains("integer");
    }

    @Test
    void setStatusToAWorkingStateDoesNotEndTheRun() {
        JsonObject r = ok(call("mission_set_status", "{\"state\":\"In Review\"}"));
        assertThat(r.getBoolean("terminal")).isFalse();
        assertThat(tracker.issues.get("i1").state()).isEqualTo("In Review");
        assertThat(events.events).containsExactly("statusSet run1 In Review false");
    }

    @Test
    void setStatusToAStateTheTrackerCallsFinishedEndsTheRun() {
        ok(call("mission_set_status", "{\"state\":\"Shipped\"}"));
        assertThat(events.events).containsExactly("statusSet run1 Shipped true");
    }

    @Test
    void aFinishedNameEndsTheRunWhenTheIssueCannotBeReRead() {
        tracker.terminalStates = java.util.Set.of();
        tracker.failWith = new TrackerException("tracker_request", "timeout", true, null);
        tracker.failOnly = "byIds";
        ok(call("mission_set_status", "{\"state\":\"Cancelled\"}"));
        assertThat(events.events).containsExactly("statusSet run1 Cancelled true");
    }

    @Test
    void aRefusedMoveTellsTheOrchestratorNothing() {
        tracker.failWith = new TrackerException("tracker_response", "no state named Nope", false, null);
        JsonObject r = call("mission_set_status", "{\"state\":\"Nope\"}");
        assertThat(r.getBoolean("isError")).isTrue();
        assertThat(r.getString("text")).isEqualTo("tracker error (tracker_response): no state named Nope");
        assertThat(events.events).isEmpty();
    }

    @Test
    void linkPrLinksOnceWithTheDefaultTitleAndRecordsThePr() {
        String url = "https://github.com/o/r/pull/7";
        assertThat(ok(call("mission_link_pr", "{\"url\":\"" + url + "\"}")).getString("url")).isEqualTo(url);
        ok(call("mission_link_pr", "{\"url\":\"" + url + "\"}"));
        assertThat(tracker.links).containsExactly(url + " Pull Request");
        assertThat(events.events).containsExactly("prLinked run1 " + url, "prLinked run1 " + url);
    }

    @Test
    void linkPrRefusesWhatIsNotAWebUrl() {
        for (String bad : new String[] {"javascript:alert(1)", "file:///etc/passwd", "not a url", "https://"}) {
            JsonObject r = call("mission_link_pr", Json.createObjectBuilder().add("url", bad).build().toString());
            assertThat(r.getBoolean("isError")).as(bad).isTrue();
        }
        assertThat(tracker.links).isEmpty();
        assertThat(events.events).isEmpty();
    }

    @Test
    void createFollowupAppliesTheLabelsAndRefersToTheParent() {
        JsonObject r = ok(call("mission_create_followup",
                "{\"title\":\"Also fix that\",\"description\":\"Found it\",\"labels\":[\"tech-debt\",\"tech-debt\",\"ui\"]}"));
        assertThat(r.getBoolean("created")).isTrue();
        var created = tracker.issues.get(r.getString("id"));
        assertThat(created.labels()).containsExactly("tech-debt", "ui");
        assertThat(created.description()).startsWith("Found it").contains("Follow-up from ENG-1");
        assertThat(r.getString("identifier")).isEqualTo(created.identifier());
    }

    @Test
    void reportBlockedBlocksEvenWhenTheCommentFails() {
        JsonObject r = ok(call("mission_report_blocked", "{\"reason\":\"needs a staging key\"}"));
        assertThat(r.getBoolean("commented")).isTrue();
        assertThat(tracker.comments.get("i1").get(0).body()).contains("Blocked").contains("needs a staging key");
        assertThat(events.events).containsExactly("blocked run1 needs a staging key");

        tracker.failWith = new TrackerException("tracker_status", "503", true, 1000L);
        JsonObject again = ok(call("mission_report_blocked", "{\"reason\":\"still\"}"));
        assertThat(again.getBoolean("commented")).isFalse();
        assertThat(events.events).containsExactly("blocked run1 needs a staging key", "blocked run1 still");
    }

    @Test
    void trackerFailuresNameTheCategoryAndWhenToRetry() {
        tracker.failWith = new TrackerException("tracker_rate_limited", "slow down", true, 30_000L);
        JsonObject r = call("mission_get_issue", "{}");
        assertThat(r.getBoolean("isError")).isTrue();
        assertThat(r.getString("text")).isEqualTo("tracker error (tracker_rate_limited): slow down; retry after 30000 ms");
    }

    @Test
    void anUnexpectedFailureIsAResultWithoutItsDetails() {
        events = new FakeRunEvents(tracker) {
            @Override
            public dev.flightdeck.core.mission.tracker.Tracker trackerFor(MissionToolContext ctx) {
                throw new IllegalStateException("secret-key-material");
            }
        };
        JsonObject r = call("mission_get_issue", "{}");
        assertThat(r.getBoolean("isError")).isTrue();
        assertThat(r.getString("text")).doesNotContain("secret-key-material").contains("failed inside Flightdeck");
    }

    @Test
    void argumentsThatBreakTheSchemaNeverReachTheTracker() {
        assertThat(call("mission_post_update", "{}").getString("text")).contains("'body' is required");
        assertThat(call("mission_post_update", "{\"body\":\"  \"}").getString("text")).contains("must not be empty");
        assertThat(call("mission_post_update", "{\"body\":5}").getString("text")).contains("must be a string");
        assertThat(call("mission_post_update", "{\"body\":\"x\",\"issue_id\":\"i2\"}").getString("text"))
                .contains("unknown argument 'issue_id'");
        assertThat(call("mission_get_issue", "{\"identifier\":\"ENG-2\"}").getString("text")).contains("no arguments");
        assertThat(call("mission_create_followup", "{\"title\":\"t\",\"description\":\"d\",\"labels\":\"bug\"}")
                .getString("text")).contains("array of strings");
        assertThat(call("mission_create_followup", "{\"title\":\"t\",\"description\":\"d\",\"labels\":[1]}")
                .getBoolean("isError")).isTrue();
        assertThat(tracker.calls).isEmpty();
    }

    @Test
    void commitHandsTheMessageToTheOrchestratorAndReportsTheSha() {
        JsonObject r = ok(call("mission_commit", "{\"message\":\"  Fix ENG-1  \"}"));
        assertThat(r.getBoolean("committed")).isTrue();
        assertThat(r.getString("sha")).isEqualTo("abc123");
        assertThat(r.getString("branch")).isEqualTo("mission/eng-1");
        assertThat(events.events).containsExactly("commit run1 Fix ENG-1");

        events.nextCommit = new CommitResult(false, null, "mission/eng-1", null);
        JsonObject none = ok(call("mission_commit", "{\"message\":\"again\"}"));
        assertThat(none.getBoolean("committed")).isFalse();
        assertThat(none.containsKey("sha")).isFalse();

        events.nextCommit = CommitResult.failed("git commit refused: index.lock exists");
        JsonObject failed = call("mission_commit", "{\"message\":\"third\"}");
        assertThat(failed.getBoolean("isError")).isTrue();
        assertThat(failed.getString("text")).contains("index.lock");
        assertThat(call("mission_commit", "{}").getString("text")).contains("'message' is required");
        assertThat(tracker.calls).isEmpty();
    }

    @Test
    void getIssueShowsTheBudgetAndItsWarningWhenMissionMdSetsOne() {
        assertThat(ok(call("mission_get_issue", "{}")).containsKey("budget")).isFalse();
        events.budget = new BudgetStatus(850, 0.5, 1, 1000L, null, 3, "budget: 850 of 1000 tokens used (warning at 80%)");
        JsonObject budget = ok(call("mission_get_issue", "{}")).getJsonObject("budget");
        assertThat(budget.getInt("tokens_used")).isEqualTo(850);
        assertThat(budget.getInt("max_tokens")).isEqualTo(1000);
        assertThat(budget.getInt("max_sessions")).isEqualTo(3);
        assertThat(budget.containsKey("max_usd")).isFalse();
        assertThat(budget.getString("warning")).contains("850 of 1000 tokens");
    }
}
