package it.flightdeck.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.mission.tracker.GraphQlClient;
import dev.flightdeck.core.mission.tracker.TrackerComment;
import dev.flightdeck.core.mission.tracker.TrackerException;
import dev.flightdeck.core.mission.tracker.TrackerIssue;
import dev.flightdeck.core.mission.tracker.TrackerKind;
import dev.flightdeck.core.mission.tracker.TrackerScope;
import dev.flightdeck.core.mission.tracker.github.GitHubTracker;
import dev.flightdeck.core.mission.tracker.linear.LinearTracker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real tracker logic against the stub trackers: every document Flightdeck sends must validate
 * against the stubs' schema subsets, and every effect must land on the board.
 */
class StubTrackersIT {
    static final String LINEAR_KEY = "lin_api_stub_key";
    static final String GITHUB_TOKEN = "ghp_stub_token";

    StubLinear linear;
    StubGitHub github;

    @AfterEach
    void stop() {
        if (linear != null) {
            assertThat(linear.invalidDocuments()).as("documents the Linear schema refused").isEmpty();
            linear.close();
        }
        if (github != null) {
            assertThat(github.invalidDocuments()).as("documents the GitHub schema refused").isEmpty();
            github.close();
        }
    }

    LinearTracker linearTracker(String key, Duration timeout) {
        return new LinearTracker(new GraphQlClient(TrackerKind.LINEAR, new HttpGraphQl(linear.uri(), timeout), key, Clock.systemUTC()));
    }

    @Test
    void linearEndToEnd() {
        linear = new StubLinear(LINEAR_KEY);
        linear.team("ENG");
        linear.team("OPS");
        linear.project("flight");
        linear.label("agent", null);
        linear.label("bug", "ENG");
        linear.label("weird \"label\"", "ENG");
        String a = linear.issue("ENG", "First", "Todo", 0, List.of("agent"), "flight");
        String b = linear.issue("ENG", "Second", "Todo", 2, List.of("agent", "weird \"label\""), "flight");
        String done = linear.issue("ENG", "Blocker done", "Done", 1, List.of(), null);
        String open = linear.issue("ENG", "Blocker open", "In Progress", 1, List.of(), null);
        linear.issue("OPS", "Other team", "Todo", 1, List.of("agent"), "flight");
        linear.issue("ENG", "No label", "Todo", 1, List.of(), "flight");
        linear.blocks(done, a);
        linear.blocks(open, a);
        LinearTracker tracker = linearTracker(LINEAR_KEY, Duration.ofSeconds(5));

        List<TrackerIssue> candidates = tracker.candidates(new TrackerScope(List.of("agent"), List.of("Todo"), "flight", "ENG"));
        assertThat(candidates).extracting(TrackerIssue::identifier).containsExactly(a, b);
        assertThat(candidates.get(0).priority()).isNull();
        assertThat(candidates.get(0).openBlockers()).containsExactly(open);
        assertThat(tracker.candidates(new TrackerScope(List.of("weird \"label\""), List.of(), null, null)))
                .extracting(TrackerIssue::identifier).containsExactly(b);

        String idA = linear.idOf(a);
        tracker.moveToState(idA, "In Progress");
        assertThat(linear.stateOf(a)).isEqualTo("In Progress");
        assertThat(linear.operations("FlightdeckIssueUpdate")).singleElement()
                .satisfies(op -> assertThat(op.variables().getString("id")).isEqualTo(idA));
        linear.setState(a, "Done");
        assertThat(tracker.byIds(List.of(idA, "lin-issue-404"))).singleElement().satisfies(i -> {
            assertThat(i.terminal()).isTrue();
            assertThat(i.state()).isEqualTo("Done");
        });
        assertThat(tracker.byIdentifier(b)).map(TrackerIssue::title).contains("Second");
        assertThat(tracker.byIdentifier("ENG-999")).isEmpty();

        TrackerComment posted = tracker.postComment(idA, "status: working");
        TrackerComment edited = tracker.updateComment(idA, posted.id(), "status: done");
        assertThat(edited.body()).isEqualTo("status: done");
        assertThat(linear.commentBodies(a)).containsExactly("status: done");
        assertThat(tracker.comments(idA, 10)).extracting(TrackerComment::body).containsExactly("status: done");
        assertThatThrownBy(() -> tracker.updateComment(linear.idOf(b), posted.id(), "hijack"))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("not_found"));

        tracker.linkUrl(idA, "https://github.com/acme/app/pull/1", "PR 1");
        tracker.linkUrl(idA, "https://github.com/acme/app/pull/1", "PR 1");
        assertThat(linear.attachmentUrls(a)).containsExactly("https://github.com/acme/app/pull/1");

        TrackerIssue parent = tracker.byIdentifier(b).orElseThrow();
        TrackerIssue follow = tracker.createFollowUp(parent, "Follow-up", "more", List.of("bug", "agent"));
        assertThat(linear.labelsOf(follow.identifier())).containsExactly("bug", "agent");
        assertThat(follow.identifier()).startsWith("ENG-");
    }

    @Test
    void linearFaultsAndAWrongKey() {
        linear = new StubLinear(LINEAR_KEY);
        linear.team("ENG");
        LinearTracker tracker = linearTracker(LINEAR_KEY, Duration.ofMillis(500));
        TrackerScope all = new TrackerScope(null, null, null, null);

        linear.failNext(1, StubGraphQlServer.Fault.RATE_LIMITED);
        assertThatThrownBy(() -> tracker.candidates(all)).isInstanceOfSatisfying(TrackerException.class, e -> {
            assertThat(e.category()).isEqualTo("tracker_rate_limited");
            assertThat(e.retryable()).isTrue();
        });
        linear.failNext(1, StubGraphQlServer.Fault.HTTP_429);
        assertThatThrownBy(() -> tracker.candidates(all)).isInstanceOfSatisfying(TrackerException.class,
                e -> assertThat(e.retryAfterMs()).isEqualTo(1000L));
        linear.failNext(1, StubGraphQlServer.Fault.HTTP_500);
        assertThatThrownBy(() -> tracker.candidates(all)).isInstanceOfSatisfying(TrackerException.class, e -> {
            assertThat(e.category()).isEqualTo("tracker_status");
            assertThat(e.retryable()).isTrue();
        });
        linear.slowness(3_000);
        linear.failNext(1, StubGraphQlServer.Fault.SLOW);
        assertThatThrownBy(() -> tracker.candidates(all)).isInstanceOfSatisfying(TrackerException.class,
                e -> assertThat(e.category()).isEqualTo("tracker_request"));
        assertThat(tracker.candidates(all)).isEmpty();

        assertThatThrownBy(() -> linearTracker("lin_api_wrong", Duration.ofSeconds(5)).candidates(all))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.getMessage()).doesNotContain("lin_api_wrong"));
    }

    @Test
    void aDocumentOutsideTheSchemaIsRefusedAndRecorded() {
        linear = new StubLinear(LINEAR_KEY);
        var http = new HttpGraphQl(linear.uri(), Duration.ofSeconds(5));
        var reply = http.post(LINEAR_KEY, jakarta.json.Json.createObjectBuilder()
                .add("query", "query Bad($id: Int!) { issue(id: $id) { id nonsense } }").add("operationName", "Bad")
                .add("variables", jakarta.json.Json.createObjectBuilder().add("id", 3)).build());
        assertThat(reply.body().getJsonArray("errors")).isNotEmpty();
        assertThat(linear.invalidDocuments()).hasSizeGreaterThanOrEqualTo(1).allMatch(m -> m.startsWith("Bad: "));
        linear.close();
        linear = null;
    }

    @Test
    void githubEndToEnd() {
        github = new StubGitHub(GITHUB_TOKEN);
        github.repository("acme", "app", "agent", "bug");
        github.repository("acme", "other", "agent");
        github.project("acme", 3, "Todo", "In Progress", "Done");
        github.project("acme", 9, "Backlog", "Todo");
        String one = github.issue("acme/app", "One", "agent");
        String two = github.issue("acme/app", "Two", "agent");
        String elsewhere = github.issue("acme/other", "Elsewhere", "agent");
        String closed = github.issue("acme/app", "Closed", "agent");
        github.onBoard("acme", 3, one, "Todo");
        github.onBoard("acme", 9, one, "Backlog");
        github.onBoard("acme", 3, two, "In Progress");
        github.onBoard("acme", 3, elsewhere, "Todo");
        github.onBoard("acme", 3, closed, "Todo");
        github.onBoard("acme", 3, null, "Todo");
        github.close(closed);
        TrackerScope scope = new TrackerScope(List.of("AGENT"), List.of("todo"), "3", "acme/app");
        GitHubTracker tracker = new GitHubTracker(new GraphQlClient(TrackerKind.GITHUB,
                new HttpGraphQl(github.uri(), Duration.ofSeconds(5)), GITHUB_TOKEN, Clock.systemUTC()), scope);

        assertThat(tracker.candidates(scope)).extracting(TrackerIssue::identifier).containsExactly(one);
        String idOne = github.idOf(one);

        tracker.moveToState(idOne, "In Progress");
        assertThat(github.statusOf(one, 3)).isEqualTo("In Progress");
        assertThat(github.statusOf(one, 9)).isEqualTo("Backlog");
        assertThat(tracker.byIds(List.of(idOne, github.idOf(closed), "I_gone"))).satisfiesExactly(
                i -> assertThat(i.state()).isEqualTo("In Progress"),
                i -> assertThat(i.terminal()).isTrue());
        tracker.moveToState(idOne, "closed");
        assertThat(github.stateOf(one)).isEqualTo("CLOSED");
        assertThat(tracker.byIdentifier(one)).hasValueSatisfying(i -> assertThat(i.terminal()).isTrue());

        TrackerComment c = tracker.postComment(idOne, "hello");
        assertThat(tracker.updateComment(idOne, c.id(), "edited").body()).isEqualTo("edited");
        assertThatThrownBy(() -> tracker.updateComment(github.idOf(two), c.id(), "x"))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("not_found"));
        tracker.linkUrl(idOne, "https://github.com/acme/app/pull/7", "PR");
        tracker.linkUrl(idOne, "https://github.com/acme/app/pull/7", "PR");
        assertThat(github.commentBodies(one)).containsExactly("edited", "PR: https://github.com/acme/app/pull/7");

        TrackerIssue follow = tracker.createFollowUp(tracker.byIdentifier(two).orElseThrow(), "Next", "body", List.of("bug"));
        assertThat(github.labelsOf(follow.identifier())).containsExactly("bug");
        assertThat(github.statusOf(follow.identifier(), 3)).isNull();
        assertThat(github.operations("FlightdeckAddToProject")).hasSize(1);
    }

    @Test
    void githubRateLimitAndBadToken() {
        github = new StubGitHub(GITHUB_TOKEN);
        github.repository("acme", "app");
        github.project("acme", 3, "Todo");
        TrackerScope scope = new TrackerScope(List.of(), List.of(), "3", "acme/app");
        GitHubTracker tracker = new GitHubTracker(new GraphQlClient(TrackerKind.GITHUB,
                new HttpGraphQl(github.uri(), Duration.ofSeconds(5)), GITHUB_TOKEN, Clock.systemUTC()), scope);
        github.failNext(1, StubGraphQlServer.Fault.RATE_LIMITED);
        assertThatThrownBy(() -> tracker.candidates(scope)).isInstanceOfSatisfying(TrackerException.class, e -> {
            assertThat(e.category()).isEqualTo("tracker_rate_limited");
            assertThat(e.retryAfterMs()).isBetween(1L, 61_000L);
        });
        assertThat(tracker.candidates(scope)).isEmpty();
        GitHubTracker wrong = new GitHubTracker(new GraphQlClient(TrackerKind.GITHUB,
                new HttpGraphQl(github.uri(), Duration.ofSeconds(5)), "ghp_wrong", Clock.systemUTC()), scope);
        assertThatThrownBy(() -> wrong.candidates(scope)).isInstanceOfSatisfying(TrackerException.class, e -> {
            assertThat(e.category()).isEqualTo("tracker_status");
            assertThat(e.retryable()).isFalse();
        });
        assertThatThrownBy(() -> tracker.candidates(new TrackerScope(List.of(), List.of(), "4", "acme")))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("not_found"));
    }
}
