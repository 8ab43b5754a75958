package dev.flightdeck.core.mission.tracker.github;

import static dev.flightdeck.core.mission.tracker.FakeGraphQl.ok;
import static dev.flightdeck.core.mission.tracker.FakeGraphQl.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.mission.tracker.Documents;
import dev.flightdeck.core.mission.tracker.FakeGraphQl;
import dev.flightdeck.core.mission.tracker.GraphQlClient;
import dev.flightdeck.core.mission.tracker.TrackerException;
import dev.flightdeck.core.mission.tracker.TrackerIssue;
import dev.flightdeck.core.mission.tracker.TrackerKind;
import dev.flightdeck.core.mission.tracker.TrackerScope;
import jakarta.json.JsonString;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubTrackerTest {
    static final String KEY = "ghp_testtoken_42";
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_000), ZoneOffset.UTC);
    static final TrackerScope SCOPE = new TrackerScope(List.of("agent"), List.of("todo"), "3", "acme/app");

    final FakeGraphQl fake = new FakeGraphQl();
    final GitHubTracker tracker = new GitHubTracker(new GraphQlClient(TrackerKind.GITHUB, fake, KEY, CLOCK), SCOPE);

    /** An issue node; its own project items put it on board 3 with status3 and board 9 with "Elsewhere". */
    static String issue(String id, int number, String repo, String state, String label, String status3) {
        return """
                {"__typename":"Issue","id":"%s","number":%d,"title":"Issue %d","body":"b","url":"https://github.com/acme/%s/issues/%d",
                 "createdAt":"2026-01-02T03:04:05Z","state":"%s","labels":{"nodes":[{"name":"%s"}]},
                 "repository":{"name":"%s","owner":{"login":"acme"}},
                 "projectItems":{"nodes":[
                   {"id":"pi-9","project":{"id":"P9","number":9},"fieldValueByName":{"name":"Elsewhere","optionId":"o9"}},
                   {"id":"pi-3","project":{"id":"P3","number":3},"fieldValueByName":{"name":"%s","optionId":"o3"}}]}}
                """.formatted(id, number, number, repo, number, state, label, repo, status3);
    }

    static String item(String status, String content) {
        return "{\"id\":\"item\",\"fieldValueByName\":{\"name\":\"" + status + "\",\"optionId\":\"x\"},\"content\":" + content + "}";
    }

    static String board(String... items) {
        return "{\"repositoryOwner\":{\"projectV2\":{\"id\":\"P3\",\"items\":{\"nodes\":[" + String.join(",", items)
                + "],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}}}}}";
    }

    @Test
    void candidatesHonourTheRepositoryStatusAndLabelsAndSkipPullRequestsAndClosedIssues() {
        fake.on("FlightdeckProjectItems", board(
                item("Todo", issue("I1", 1, "app", "OPEN", "Agent", "Todo")),
                item("Todo", issue("I2", 2, "other-repo", "OPEN", "agent", "Todo")),
                item("Todo", issue("I3", 3, "app", "CLOSED", "agent", "Todo")),
                item("In Progress", issue("I4", 4, "app", "OPEN", "agent", "In Progress")),
                item("Todo", issue("I5", 5, "app", "OPEN", "docs", "Todo")),
                item("Todo", "{\"__typename\":\"PullRequest\"}"),
                item("Todo", "{\"__typename\":\"DraftIssue\"}")));

        List<TrackerIssue> found = tracker.candidates(SCOPE);

        assertThat(found).extracting(TrackerIssue::identifier).containsExactly("acme/app#1");
        assertThat(found.get(0).state()).isEqualTo("Todo");
        assertThat(found.get(0).priority()).isNull();
        FakeGraphQl.Call call = fake.calls.get(0);
        assertThat(call.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(call.query()).isEqualTo(Documents.load(TrackerKind.GITHUB, "FlightdeckProjectItems")).contains("repositoryOwner(login: $login)");
        assertThat(call.variables().getString("login")).isEqualTo("acme");
        assertThat(call.variables().getInt("number")).isEqualTo(3);
        assertThat(call.variables().getString("statusField")).isEqualTo("Status");
    }

    @Test
    void anOwnerAloneAdmitsEveryRepository() {
        fake.on("FlightdeckProjectItems", board(item("Todo", issue("I1", 1, "app", "OPEN", "agent", "Todo")),
                item("Todo", issue("I2", 2, "other-repo", "OPEN", "agent", "Todo"))));
        assertThat(tracker.candidates(new TrackerScope(List.of(), List.of(), "3", "acme"))).hasSize(2);
        assertThatThrownBy(() -> tracker.candidates(new TrackerScope(List.of(), List.of(), "three", "acme")))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("invalid_tracker_config"));
    }

    @Test
    void snapshotsReadTheSameBoardsStatusAndAClosedIssueIsTerminal() {
        fake.on("FlightdeckNodes", v -> reply(200, Map.of(), "{\"data\":{\"nodes\":["
                + issue("I1", 1, "app", "OPEN", "agent", "In Progress") + "," + issue("I3", 3, "app", "CLOSED", "agent", "Todo")
                + ",null]},\"errors\":[{\"type\":\"NOT_FOUND\",\"path\":[\"nodes\",2],\"message\":\"Could not resolve to a node\"}]}"));

        List<TrackerIssue> got = tracker.byIds(List.of("I1", "I3", "gone"));

        assertThat(got).extracting(TrackerIssue::id).containsExactly("I1", "I3");
        assertThat(got.get(0).state()).isEqualTo("In Progress");
        assertThat(got.get(0).terminal()).isFalse();
        assertThat(got.get(1).terminal()).isTrue();
        assertThat(fake.calls.get(0).variables().getJsonArray("ids")).hasSize(3);
    }

    @Test
    void withoutABoardAnIssueOnTwoBoardsReportsOpenOrClosed() {
        GitHubTracker unscoped = new GitHubTracker(new GraphQlClient(TrackerKind.GITHUB, fake, KEY, CLOCK), null);
        fake.on("FlightdeckNodes", "{\"nodes\":[" + issue("I1", 1, "app", "OPEN", "agent", "Todo") + "]}");
        assertThat(unscoped.byIds(List.of("I1")).get(0).state()).isEqualTo("open");
    }

    @Test
    void byIdentifierParsesOwnerRepoNumberIntoVariables() {
        fake.on("FlightdeckIssue", "{\"repository\":{\"issue\":" + issue("I1", 12, "app", "OPEN", "agent", "Todo") + "}}");
        assertThat(tracker.byIdentifier("acme/app#12")).map(TrackerIssue::id).contains("I1");
        var vars = fake.calls.get(0).variables();
        assertThat(vars.getString("owner")).isEqualTo("acme");
        assertThat(vars.getString("name")).isEqualTo("app");
        assertThat(vars.getInt("number")).isEqualTo(12);
        assertThatThrownBy(() -> tracker.byIdentifier("acme/app#12\" }"))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("tracker_request"));
        fake.on("FlightdeckIssue", "{\"repository\":{\"issue\":null}}");
        assertThat(tracker.byIdentifier("acme/app#13")).isEmpty();
    }

    static final String BOARDS = """
            {"node":{"id":"I1","state":"OPEN","projectItems":{"nodes":[
              {"id":"pi-9","project":{"id":"P9","number":9,"field":{"id":"F9","options":[{"id":"o9-prog","name":"In Progress"}]}}},
              {"id":"pi-3","project":{"id":"P3","number":3,"field":{"id":"F3","options":[{"id":"o3-todo","name":"Todo"},
                                                                                            {"id":"o3-prog","name":"In Progress"}]}}}]}}}
            """;

    @Test
    void moveToStateSetsTheStatusOptionOnTheMissionsBoardOnly() {
        fake.on("FlightdeckIssueBoards", BOARDS);
        fake.on("FlightdeckSetStatus", "{\"updateProjectV2ItemFieldValue\":{\"projectV2Item\":{\"id\":\"pi-3\"}}}");

        tracker.moveToState("I1", "In Progress");

        assertThat(fake.calls("FlightdeckSetStatus")).singleElement().satisfies(c -> {
            var input = c.variables().getJsonObject("input");
            assertThat(input.getString("projectId")).isEqualTo("P3");
            assertThat(input.getString("itemId")).isEqualTo("pi-3");
            assertThat(input.getString("fieldId")).isEqualTo("F3");
            assertThat(input.getJsonObject("value").getString("singleSelectOptionId")).isEqualTo("o3-prog");
        });
    }

    @Test
    void closedWithoutSuchAnOptionClosesTheIssue() {
        fake.on("FlightdeckIssueBoards", BOARDS);
        fake.on("FlightdeckCloseIssue", "{\"closeIssue\":{\"issue\":{\"id\":\"I1\",\"state\":\"CLOSED\"}}}");
        tracker.moveToState("I1", "closed");
        assertThat(fake.calls("FlightdeckCloseIssue").get(0).variables().getJsonObject("input").getString("issueId")).isEqualTo("I1");
        assertThatThrownBy(() -> tracker.moveToState("I1", "Blocked"))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("not_found"));
    }

    @Test
    void updateCommentChecksTheCommentsIssue() {
        fake.on("FlightdeckComment", "{\"node\":{\"id\":\"C1\",\"issue\":{\"id\":\"I2\"}}}");
        fake.on("FlightdeckUpdateComment", "{\"updateIssueComment\":{\"issueComment\":{\"id\":\"C1\",\"body\":\"n\"}}}");
        assertThatThrownBy(() -> tracker.updateComment("I1", "C1", "n"))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("not_found"));
        assertThat(fake.calls("FlightdeckUpdateComment")).isEmpty();
        fake.on("FlightdeckComment", "{\"node\":{\"id\":\"C1\",\"issue\":{\"id\":\"I1\"}}}");
        assertThat(tracker.updateComment("I1", "C1", "n").body()).isEqualTo("n");
    }

    @Test
    void linkUrlCommentsOnceOnly() {
        String url = "https://github.com/acme/app/pull/5";
        fake.on("FlightdeckIssueComments", "{\"node\":{\"comments\":{\"nodes\":[{\"id\":\"C1\",\"body\":\"hello\",\"createdAt\":\"t\",\"author\":{\"login\":\"a\"}}]}}}");
        fake.on("FlightdeckAddComment", "{\"addComment\":{\"commentEdge\":{\"node\":{\"id\":\"C2\",\"body\":\"PR: " + url + "\"}}}}");
        tracker.linkUrl("I1", url, "PR");
        assertThat(fake.calls("FlightdeckAddComment").get(0).variables().getJsonObject("input").getString("body")).contains(url);
        fake.on("FlightdeckIssueComments", "{\"node\":{\"comments\":{\"nodes\":[{\"id\":\"C2\",\"body\":\"PR: " + url + "\"}]}}}");
        tracker.linkUrl("I1", url, "PR");
        assertThat(fake.calls("FlightdeckAddComment")).hasSize(1);
    }

    @Test
    void aFollowUpGetsItsLabelsAndJoinsTheParentsBoard() {
        fake.on("FlightdeckFollowUpTarget", """
                {"repository":{"id":"R1","issue":{"projectItems":{"nodes":[{"project":{"id":"P9","number":9}},{"project":{"id":"P3","number":3}}]}},
                 "labels":{"nodes":[{"id":"L1","name":"Agent"},{"id":"L2","name":"bug"}],"pageInfo":{"hasNextPage":false,"endCursor":null}}}}
                """);
        fake.on("FlightdeckCreateIssue", "{\"createIssue\":{\"issue\":" + issue("I7", 7, "app", "OPEN", "agent", "Todo") + "}}");
        fake.on("FlightdeckAddToProject", "{\"addProjectV2ItemById\":{\"item\":{\"id\":\"pi-new\"}}}");
        TrackerIssue parent = new TrackerIssue("I1", "acme/app#1", "t", "", "Todo", false, "", List.of(), null, 0, List.of());

        TrackerIssue created = tracker.createFollowUp(parent, "More", "text", List.of("agent"));

        assertThat(created.identifier()).isEqualTo("acme/app#7");
        var input = fake.calls("FlightdeckCreateIssue").get(0).variables().getJsonObject("input");
        assertThat(input.getString("repositoryId")).isEqualTo("R1");
        assertThat(input.getJsonArray("labelIds")).extracting(v -> ((JsonString) v).getString()).containsExactly("L1");
        assertThat(fake.calls("FlightdeckAddToProject")).singleElement()
                .satisfies(c -> assertThat(c.variables().getJsonObject("input").getString("projectId")).isEqualTo("P3"));
        assertThatThrownBy(() -> tracker.createFollowUp(parent, "More", "text", List.of("nope")))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("not_found"));
    }

    @Test
    void rateLimitsArePrimaryOrSecondaryAndOtherRefusalsAreNot() {
        TrackerException primary = failure(reply(403, Map.of("x-ratelimit-remaining", List.of("0"),
                "x-ratelimit-reset", List.of("1060")), "{\"message\":\"API rate limit exceeded\"}"));
        assertThat(primary.category()).isEqualTo("tracker_rate_limited");
        assertThat(primary.retryAfterMs()).isEqualTo(60_000L);
        TrackerException secondary = failure(reply(403, Map.of("retry-after", List.of("30")), "{\"message\":\"secondary\"}"));
        assertThat(secondary.category()).isEqualTo("tracker_rate_limited");
        assertThat(secondary.retryAfterMs()).isEqualTo(30_000L);
        TrackerException graphQlLimit = failure(reply(200, Map.of(), "{\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"limit\"}]}"));
        assertThat(graphQlLimit.category()).isEqualTo("tracker_rate_limited");
        TrackerException forbidden = failure(reply(403, Map.of("x-ratelimit-remaining", List.of("4000")), "{\"message\":\"nope\"}"));
        assertThat(forbidden.category()).isEqualTo("tracker_status");
        assertThat(forbidden.retryable()).isFalse();
        TrackerException missing = failure(ok("{\"repositoryOwner\":null}"));
        assertThat(missing.category()).isEqualTo("not_found");
    }

    private TrackerException failure(dev.flightdeck.core.mission.tracker.GraphQl.Reply reply) {
        FakeGraphQl f = new FakeGraphQl().on("FlightdeckProjectItems", v -> reply);
        GitHubTracker t = new GitHubTracker(new GraphQlClient(TrackerKind.GITHUB, f, KEY, CLOCK), SCOPE);
        try {
            t.candidates(SCOPE);
        } catch (TrackerException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }
}
