package dev.flightdeck.core.mission.tracker.linear;

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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearTrackerTest {
    static final String KEY = "lin_api_testkey_42";
    final FakeGraphQl fake = new FakeGraphQl();
    final LinearTracker tracker = new LinearTracker(
            new GraphQlClient(TrackerKind.LINEAR, fake, KEY, Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC)));

    static String issue(String id, String identifier, double priority, String stateName, String stateType, String relations) {
        return """
                {"id":"%s","identifier":"%s","title":"T %s","description":null,"priority":%s,"url":"https://linear.app/x/%s",
                 "createdAt":"2026-01-02T03:04:05.000Z","state":{"name":"%s","type":"%s"},
                 "labels":{"nodes":[{"name":"agent"}]},"inverseRelations":{"nodes":[%s]}}
                """.formatted(id, identifier, identifier, priority, identifier, stateName, stateType, relations);
    }

    static String page(String nodes, boolean next, String cursor) {
        return "{\"issues\":{\"nodes\":[" + nodes + "],\"pageInfo\":{\"hasNextPage\":" + next + ",\"endCursor\":"
                + (cursor == null ? "null" : "\"" + cursor + "\"") + "}}}";
    }

    @Test
    void candidatesPutEveryFilterValueInVariablesNotInTheDocument() {
        String hostile = "agent\"] } }) { nodes { id } } mutation { x";
        fake.on("FlightdeckIssues", page(issue("u1", "ENG-1", 2, "Todo", "unstarted", ""), false, null));

        tracker.candidates(new TrackerScope(List.of(hostile), List.of("Todo \"now\""), "proj-slug", "ENG"));

        FakeGraphQl.Call call = fake.calls.get(0);
        assertThat(call.authorization()).isEqualTo(KEY);
        assertThat(call.query()).isEqualTo(Documents.load(TrackerKind.LINEAR, "FlightdeckIssues"))
                .doesNotContain(hostile).doesNotContain("proj-slug").doesNotContain("ENG\"");
        assertThat(call.variables().getJsonObject("filter").getJsonObject("labels").getJsonObject("some")
                .getJsonObject("name").getJsonArray("in").getString(0)).isEqualTo(hostile);
        assertThat(call.variables().getJsonObject("filter").getJsonObject("project").getJsonObject("slugId").getString("eq"))
                .isEqualTo("proj-slug");
        assertThat(call.variables().getJsonObject("filter").getJsonObject("team").getJsonObject("key").getString("eq"))
                .isEqualTo("ENG");
        assertThat(call.variables().getJsonObject("filter").getJsonObject("state").getJsonObject("name")
                .getJsonArray("in").getString(0)).isEqualTo("Todo \"now\"");
        assertThat(call.variables().getInt("first")).isEqualTo(50);
    }

    @Test
    void allPagesAreReadAndARunawayCursorIsAnError() {
        fake.on("FlightdeckIssues", vars -> vars.isNull("after")
                ? ok(page(issue("u1", "ENG-1", 1, "Todo", "unstarted", ""), true, "c1"))
                : ok(page(issue("u2", "ENG-2", 1, "Todo", "unstarted", ""), false, null)));
        assertThat(tracker.candidates(new TrackerScope(null, null, null, null))).extracting(TrackerIssue::identifier)
                .containsExactly("ENG-1", "ENG-2");
        assertThat(fake.calls.get(1).variables().getString("after")).isEqualTo("c1");

        FakeGraphQl loop = new FakeGraphQl().on("FlightdeckIssues", page(issue("u1", "ENG-1", 1, "Todo", "unstarted", ""), true, "same"));
        LinearTracker looping = new LinearTracker(new GraphQlClient(TrackerKind.LINEAR, loop, KEY, Clock.systemUTC()));
        assertThatThrownBy(() -> looping.candidates(new TrackerScope(null, null, null, null)))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("tracker_pagination"));
        assertThat(loop.calls).hasSize(2);
    }

    @Test
    void priorityZeroIsNoneAndSortsLast() {
        fake.on("FlightdeckIssues", page(String.join(",", issue("u0", "ENG-0", 0, "Todo", "unstarted", ""),
                issue("u4", "ENG-4", 4, "Todo", "unstarted", ""), issue("u1", "ENG-1", 1, "Todo", "unstarted", "")), false, null));
        List<TrackerIssue> issues = new ArrayList<>(tracker.candidates(new TrackerScope(null, null, null, null)));
        issues.sort(Comparator.comparing(TrackerIssue::priority, Comparator.nullsLast(Comparator.naturalOrder())));
        assertThat(issues).extracting(TrackerIssue::identifier).containsExactly("ENG-1", "ENG-4", "ENG-0");
        assertThat(issues.get(2).priority()).isNull();
        assertThat(issues.get(0).createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z").toEpochMilli());
    }

    @Test
    void openBlockersComeFromInverseBlocksRelationsThatAreNotTerminal() {
        String relations = String.join(",",
                "{\"type\":\"blocks\",\"issue\":{\"identifier\":\"ENG-7\",\"state\":{\"type\":\"started\"}}}",
                "{\"type\":\"blocks\",\"issue\":{\"identifier\":\"ENG-8\",\"state\":{\"type\":\"completed\"}}}",
                "{\"type\":\"blocks\",\"issue\":{\"identifier\":\"ENG-9\",\"state\":{\"type\":\"canceled\"}}}",
                "{\"type\":\"related\",\"issue\":{\"identifier\":\"ENG-10\",\"state\":{\"type\":\"unstarted\"}}}");
        fake.on("FlightdeckIssues", page(issue("u1", "ENG-1", 1, "Todo", "unstarted", relations), false, null));
        assertThat(tracker.candidates(new TrackerScope(null, null, null, null)).get(0).openBlockers()).containsExactly("ENG-7");
    }

    @Test
    void terminalIsDecidedByTheStateTypeNotItsName() {
        fake.on("FlightdeckIssues", page(String.join(",", issue("u1", "ENG-1", 1, "Done", "started", ""),
                issue("u2", "ENG-2", 1, "Shipped", "completed", ""), issue("u3", "ENG-3", 1, "Won't do", "canceled", "")), false, null));
        assertThat(tracker.byIds(List.of("u1", "u2", "u3"))).extracting(TrackerIssue::terminal).containsExactly(false, true, true);
        assertThat(fake.calls.get(0).variables().getJsonObject("filter").getJsonObject("id").getJsonArray("in"))
                .hasSize(3);
    }

    @Test
    void byIdsAsksInChunksOfFifty() {
        fake.on("FlightdeckIssues", page("", false, null));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ids.add("u" + i);
        }
        tracker.byIds(ids);
        assertThat(fake.calls).extracting(c -> c.variables().getJsonObject("filter").getJsonObject("id").getJsonArray("in").size())
                .containsExactly(50, 50, 20);
    }

    @Test
    void moveToStateResolvesTheStateByNameInTheIssuesTeam() {
        fake.on("FlightdeckIssueTeamStates", """
                {"issue":{"id":"u1","team":{"id":"team-1","states":{"nodes":[
                  {"id":"s-todo","name":"Todo","type":"unstarted"},{"id":"s-prog","name":"In Progress","type":"started"}]}}}}
                """);
        fake.on("FlightdeckIssueUpdate", "{\"issueUpdate\":{\"success\":true}}");
        tracker.moveToState("ENG-1", "in progress");
        assertThat(fake.calls("FlightdeckIssueUpdate")).singleElement().satisfies(c -> {
            assertThat(c.variables().getString("id")).isEqualTo("u1");
            assertThat(c.variables().getJsonObject("input").getString("stateId")).isEqualTo("s-prog");
        });
        assertThatThrownBy(() -> tracker.moveToState("ENG-1", "Nope"))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("not_found"));
        assertThat(fake.calls("FlightdeckIssueUpdate")).hasSize(1);
    }

    @Test
    void updateCommentRefusesACommentOfAnotherIssue() {
        fake.on("FlightdeckComment", "{\"comment\":{\"id\":\"c1\",\"issue\":{\"id\":\"other\",\"identifier\":\"ENG-9\"}}}");
        fake.on("FlightdeckCommentUpdate", "{\"commentUpdate\":{\"success\":true,\"comment\":{\"id\":\"c1\",\"body\":\"b\"}}}");
        assertThatThrownBy(() -> tracker.updateComment("u1", "c1", "new"))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("not_found"));
        assertThat(fake.calls("FlightdeckCommentUpdate")).isEmpty();

        fake.on("FlightdeckComment", "{\"comment\":{\"id\":\"c1\",\"issue\":{\"id\":\"u1\",\"identifier\":\"ENG-1\"}}}");
        assertThat(tracker.updateComment("u1", "c1", "new").id()).isEqualTo("c1");
        assertThat(fake.calls("FlightdeckCommentUpdate").get(0).variables().getJsonObject("input").getString("body")).isEqualTo("new");
    }

    @Test
    void linkUrlCreatesAnAttachmentWithTheUrl() {
        fake.on("FlightdeckAttachmentCreate", "{\"attachmentCreate\":{\"success\":true}}");
        tracker.linkUrl("u1", "https://github.com/o/r/pull/3", "PR #3");
        assertThat(fake.calls.get(0).variables().getJsonObject("input").getString("url")).isEqualTo("https://github.com/o/r/pull/3");
        assertThat(fake.calls.get(0).variables().getJsonObject("input").getString("issueId")).isEqualTo("u1");
    }

    @Test
    void aFollowUpGoesToTheParentsTeamAndProjectWithItsLabels() {
        fake.on("FlightdeckFollowUpTarget", """
                {"issue":{"id":"u1","team":{"id":"team-1"},"project":{"id":"p-1"}},
                 "issueLabels":{"nodes":[{"id":"l-other","name":"bug","team":{"id":"team-2"}},{"id":"l-ws","name":"bug","team":null},
                                         {"id":"l-team","name":"agent","team":{"id":"team-1"}}]}}
                """);
        fake.on("FlightdeckIssueCreate", "{\"issueCreate\":{\"success\":true,\"issue\":" + issue("u9", "ENG-9", 0, "Todo", "unstarted", "") + "}}");
        TrackerIssue parent = new TrackerIssue("u1", "ENG-1", "t", "", "Todo", false, "", List.of(), null, 0, List.of());

        TrackerIssue created = tracker.createFollowUp(parent, "Follow up", "why", List.of("agent", "bug"));

        assertThat(created.identifier()).isEqualTo("ENG-9");
        var input = fake.calls("FlightdeckIssueCreate").get(0).variables().getJsonObject("input");
        assertThat(input.getString("teamId")).isEqualTo("team-1");
        assertThat(input.getString("projectId")).isEqualTo("p-1");
        assertThat(input.getJsonArray("labelIds")).extracting(v -> ((jakarta.json.JsonString) v).getString())
                .containsExactly("l-team", "l-ws");

        assertThatThrownBy(() -> tracker.createFollowUp(parent, "x", "y", List.of("missing")))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("not_found"));
        assertThat(fake.calls("FlightdeckIssueCreate")).hasSize(1);
    }

    @Test
    void byIdentifierOfAnUnknownIssueIsEmpty() {
        fake.on("FlightdeckIssue", v -> reply(200, Map.of(),
                "{\"data\":null,\"errors\":[{\"message\":\"Entity not found: Issue\",\"extensions\":{\"code\":\"INPUT_ERROR\"}}]}"));
        assertThat(tracker.byIdentifier("ENG-404")).isEmpty();
    }

    @Test
    void errorsMapToCategories() {
        assertThat(failure(reply(400, Map.of(), "{\"errors\":[{\"message\":\"slow down\",\"extensions\":{\"code\":\"RATELIMITED\"}}]}")))
                .satisfies(e -> {
                    assertThat(e.category()).isEqualTo("tracker_rate_limited");
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(failure(reply(429, Map.of("retry-after", List.of("7")), null))).satisfies(e -> {
            assertThat(e.category()).isEqualTo("tracker_rate_limited");
            assertThat(e.retryAfterMs()).isEqualTo(7000L);
        });
        assertThat(failure(reply(502, Map.of(), null))).satisfies(e -> {
            assertThat(e.category()).isEqualTo("tracker_status");
            assertThat(e.retryable()).isTrue();
        });
        assertThat(failure(reply(401, Map.of(), null))).satisfies(e -> {
            assertThat(e.category()).isEqualTo("tracker_status");
            assertThat(e.retryable()).isFalse();
        });
        assertThat(failure(reply(200, Map.of(), "{\"data\":null,\"errors\":[{\"message\":\"Cannot query field x\"}]}")).category())
                .isEqualTo("tracker_response");
        assertThat(failure(reply(200, Map.of(), "{\"nothing\":true}")).category()).isEqualTo("tracker_response");
        // A tracker echoing the key back must not carry it into our messages.
        assertThat(failure(reply(200, Map.of(), "{\"errors\":[{\"message\":\"bad key " + KEY + "\"}]}")).getMessage())
                .doesNotContain(KEY).contains("***");
        assertThatThrownBy(() -> new GraphQlClient(TrackerKind.LINEAR, fake, " ", Clock.systemUTC()))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.category()).isEqualTo("missing_tracker_secret"));
    }

    private TrackerException failure(dev.flightdeck.core.mission.tracker.GraphQl.Reply reply) {
        FakeGraphQl f = new FakeGraphQl().on("FlightdeckIssues", v -> reply);
        LinearTracker t = new LinearTracker(new GraphQlClient(TrackerKind.LINEAR, f, KEY, Clock.systemUTC()));
        try {
            t.candidates(new TrackerScope(null, null, null, null));
        } catch (TrackerException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }
}
