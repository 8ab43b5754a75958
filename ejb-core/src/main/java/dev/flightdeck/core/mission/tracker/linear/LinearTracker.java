package dev.flightdeck.core.mission.tracker.linear;

import static dev.flightdeck.core.mission.tracker.GraphQlClient.arrayOf;
import static dev.flightdeck.core.mission.tracker.GraphQlClient.names;
import static dev.flightdeck.core.mission.tracker.GraphQlClient.objectOf;
import static dev.flightdeck.core.mission.tracker.GraphQlClient.stringOf;

import dev.flightdeck.core.mission.tracker.GraphQlClient;
import dev.flightdeck.core.mission.tracker.Tracker;
import dev.flightdeck.core.mission.tracker.TrackerComment;
import dev.flightdeck.core.mission.tracker.TrackerException;
import dev.flightdeck.core.mission.tracker.TrackerIssue;
import dev.flightdeck.core.mission.tracker.TrackerKind;
import dev.flightdeck.core.mission.tracker.TrackerScope;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Linear through its GraphQL API: every filter and value is a variable of a named document. */
public final class LinearTracker implements Tracker {
    static final int PAGE = 50;
    private static final String TERMINAL_COMPLETED = "completed";
    private static final String TERMINAL_CANCELED = "canceled";

    private final GraphQlClient client;

    public LinearTracker(GraphQlClient client) {
        this.client = client;
    }

    @Override
    public TrackerKind kind() {
        return TrackerKind.LINEAR;
    }

    @Override
    public List<TrackerIssue> candidates(TrackerScope scope) {
        return fetch(candidateFilter(scope));
    }

    /** The IssueFilter for a scope; a JSON variable, so no name can change the document. */
    static JsonObject candidateFilter(TrackerScope scope) {
        JsonObjectBuilder f = Json.createObjectBuilder();
        if (present(scope.project())) {
            f.add("project", Json.createObjectBuilder().add("slugId", eq(scope.project())));
        }
        if (present(scope.team())) {
            f.add("team", Json.createObjectBuilder().add("key", eq(scope.team())));
        }
        if (!scope.states().isEmpty()) {
            f.add("state", Json.createObjectBuilder().add("name", in(scope.states())));
        }
        if (!scope.labels().isEmpty()) {
            // Any one of the labels qualifies an issue (MISSION.md's label filter, as OrbitDock reads it).
            f.add("labels", Json.createObjectBuilder().add("some", Json.createObjectBuilder().add("name", in(scope.labels()))));
        }
        return f.build();
    }

    @Override
    public List<TrackerIssue> byIds(Collection<String> ids) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        List<TrackerIssue> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += PAGE) {
            List<String> chunk = distinct.subList(i, Math.min(distinct.size(), i + PAGE));
            JsonObject filter = Json.createObjectBuilder()
                    .add("id", Json.createObjectBuilder().add("in", strings(chunk))).build();
            out.addAll(fetch(filter));
        }
        return out;
    }

    private List<TrackerIssue> fetch(JsonObject filter) {
        JsonObject vars = Json.createObjectBuilder().add("filter", filter).add("first", PAGE).build();
        List<TrackerIssue> out = new ArrayList<>();
        for (JsonObject node : client.pages("FlightdeckIssues", vars, d -> objectOf(d, "issues"))) {
            out.add(issue(node));
        }
        return out;
    }

    @Override
    public Optional<TrackerIssue> byIdentifier(String identifier) {
        try {
            JsonObject issue = objectOf(client.data("FlightdeckIssue", Json.createObjectBuilder().add("id", identifier).build()), "issue");
            return issue == null ? Optional.empty() : Optional.of(issue(issue));
        } catch (TrackerException e) {
            if ("not_found".equals(e.category())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<TrackerComment> comments(String issueId, int first) {
        JsonObject data = client.data("FlightdeckIssueComments",
                Json.createObjectBuilder().add("id", issueId).add("last", Math.max(1, Math.min(first, 250))).build());
        List<TrackerComment> out = new ArrayList<>();
        for (JsonValue v : arrayOf(objectOf(objectOf(data, "issue"), "comments"), "nodes")) {
            out.add(comment(v.asJsonObject()));
        }
        out.sort(Comparator.comparing(c -> c.createdAt() == null ? "" : c.createdAt()));
        return out;
    }

    @Override
    public TrackerComment postComment(String issueId, String body) {
        JsonObject input = Json.createObjectBuilder().add("issueId", issueId).add("body", body).build();
        JsonObject payload = objectOf(client.data("FlightdeckCommentCreate", Json.createObjectBuilder().add("input", input).build()),
                "commentCreate");
        return comment(succeeded(payload, "commentCreate").getJsonObject("comment"));
    }

    @Override
    public TrackerComment updateComment(String issueId, String commentId, String body) {
        JsonObject found;
        try {
            found = objectOf(client.data("FlightdeckComment", Json.createObjectBuilder().add("id", commentId).build()), "comment");
        } catch (TrackerException e) {
            if ("not_found".equals(e.category())) {
                throw notOnIssue();
            }
            throw e;
        }
        JsonObject on = objectOf(found, "issue");
        if (on == null || !(issueId.equals(stringOf(on, "id")) || issueId.equals(stringOf(on, "identifier")))) {
            throw notOnIssue();
        }
        JsonObject vars = Json.createObjectBuilder().add("id", commentId)
                .add("input", Json.createObjectBuilder().add("body", body)).build();
        JsonObject payload = objectOf(client.data("FlightdeckCommentUpdate", vars), "commentUpdate");
        return comment(succeeded(payload, "commentUpdate").getJsonObject("comment"));
    }

    private static TrackerException notOnIssue() {
        return new TrackerException("not_found", "no such comment on this issue", false, null);
    }

    @Override
    public void moveToState(String issueId, String stateName) {
        JsonObject data = client.data("FlightdeckIssueTeamStates", Json.createObjectBuilder().add("id", issueId).build());
        JsonObject issue = objectOf(data, "issue");
        JsonObject team = objectOf(issue, "team");
        String teamId = stringOf(team, "id");
        if (teamId == null) {
            throw new TrackerException("tracker_response", "linear: the issue has no team", false, null);
        }
        // The team's states come in the same answer as the issue: one request resolves the name.
        List<JsonObject> states = nodes(objectOf(team, "states"));
        String stateId = stateIdByName(states, stateName)
                .orElseThrow(() -> new TrackerException("not_found", "the issue's team has no workflow state named " + quoted(stateName),
                        false, null));
        JsonObject vars = Json.createObjectBuilder().add("id", stringOf(issue, "id"))
                .add("input", Json.createObjectBuilder().add("stateId", stateId)).build();
        succeeded(objectOf(client.data("FlightdeckIssueUpdate", vars), "issueUpdate"), "issueUpdate");
    }

    /** The exact name first, then the same name in any case: "In Progress" and "in progress" are one state to people. */
    static Optional<String> stateIdByName(List<JsonObject> states, String name) {
        for (JsonObject s : states) {
            if (name.equals(stringOf(s, "name"))) {
                return Optional.ofNullable(stringOf(s, "id"));
            }
        }
        for (JsonObject s : states) {
            if (name.equalsIgnoreCase(stringOf(s, "name"))) {
                return Optional.ofNullable(stringOf(s, "id"));
            }
        }
        return Optional.empty();
    }

    @Override
    public void linkUrl(String issueId, String url, String title) {
        // Linear creates the attachment or updates the one with the same url on this issue: repeatable.
        JsonObject input = Json.createObjectBuilder().add("issueId", issueId).add("url", url)
                .add("title", title == null || title.isBlank() ? url : title).build();
        succeeded(objectOf(client.data("FlightdeckAttachmentCreate", Json.createObjectBuilder().add("input", input).build()),
                "attachmentCreate"), "attachmentCreate");
    }

    @Override
    public TrackerIssue createFollowUp(TrackerIssue parent, String title, String description, List<String> labels) {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(labels == null ? List.of() : labels));
        JsonObject labelFilter = Json.createObjectBuilder().add("name", in(wanted)).build();
        JsonObject data = client.data("FlightdeckFollowUpTarget",
                Json.createObjectBuilder().add("id", parent.id()).add("labelFilter", labelFilter).build());
        JsonObject issue = objectOf(data, "issue");
        String teamId = stringOf(objectOf(issue, "team"), "id");
        if (teamId == null) {
            throw new TrackerException("tracker_response", "linear: the parent issue has no team", false, null);
        }
        List<String> labelIds = labelIds(nodes(objectOf(data, "issueLabels")), teamId, wanted);
        JsonObjectBuilder input = Json.createObjectBuilder().add("teamId", teamId).add("title", title)
                .add("description", description == null ? "" : description).add("labelIds", strings(labelIds));
        String projectId = stringOf(objectOf(issue, "project"), "id");
        if (projectId != null) {
            input.add("projectId", projectId);
        }
        JsonObject payload = succeeded(objectOf(client.data("FlightdeckIssueCreate",
                Json.createObjectBuilder().add("input", input).build()), "issueCreate"), "issueCreate");
        JsonObject created = objectOf(payload, "issue");
        if (created == null) {
            throw new TrackerException("tracker_response", "linear issueCreate: no issue in the answer", false, null);
        }
        return issue(created);
    }

    /**
     * The id of each wanted label usable in the team: the team's own label, else a workspace label
     * (no team). A label that exists nowhere fails the call rather than being dropped quietly.
     */
    static List<String> labelIds(List<JsonObject> found, String teamId, List<String> wanted) {
        List<String> ids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : wanted) {
            String teamLabel = null;
            String workspaceLabel = null;
            for (JsonObject l : found) {
                if (!name.equals(stringOf(l, "name"))) {
                    continue;
                }
                String labelTeam = stringOf(objectOf(l, "team"), "id");
                if (teamId.equals(labelTeam)) {
                    teamLabel = stringOf(l, "id");
                } else if (labelTeam == null) {
                    workspaceLabel = stringOf(l, "id");
                }
            }
            String id = teamLabel != null ? teamLabel : workspaceLabel;
            if (id == null) {
                missing.add(quoted(name));
            } else {
                ids.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw new TrackerException("not_found", "no label " + String.join(", ", missing) + " in the issue's team", false, null);
        }
        return ids;
    }

    /** One Linear issue node as a snapshot. */
    static TrackerIssue issue(JsonObject n) {
        JsonObject state = objectOf(n, "state");
        String type = stringOf(state, "type");
        List<String> blockers = new ArrayList<>();
        for (JsonValue v : arrayOf(objectOf(n, "inverseRelations"), "nodes")) {
            JsonObject rel = v.asJsonObject();
            // An inverse relation of type "blocks" has this issue as its relatedIssue: rel.issue blocks us.
            if (!"blocks".equals(stringOf(rel, "type"))) {
                continue;
            }
            JsonObject blocker = objectOf(rel, "issue");
            if (blocker != null && !isTerminal(stringOf(objectOf(blocker, "state"), "type"))) {
                blockers.add(stringOf(blocker, "identifier"));
            }
        }
        return new TrackerIssue(stringOf(n, "id"), stringOf(n, "identifier"), stringOf(n, "title"), stringOf(n, "description"),
                stringOf(state, "name"), isTerminal(type), stringOf(n, "url"), names(objectOf(n, "labels")),
                priority(n.get("priority")), epochMs(stringOf(n, "createdAt")), blockers);
    }

    static boolean isTerminal(String stateType) {
        return TERMINAL_COMPLETED.equals(stateType) || TERMINAL_CANCELED.equals(stateType);
    }

    /** Linear's 0 means "no priority": null, so it sorts after 4 (low) instead of before 1 (urgent). */
    static Integer priority(JsonValue v) {
        if (!(v instanceof JsonNumber n)) {
            return null;
        }
        int p = (int) Math.round(n.doubleValue());
        return p >= 1 && p <= 4 ? p : null;
    }

    static long epochMs(String rfc3339) {
        if (rfc3339 == null) {
            return 0L;
        }
        try {
            return Instant.parse(rfc3339).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0L;
        }
    }

    private static TrackerComment comment(JsonObject c) {
        if (c == null) {
            throw new TrackerException("tracker_response", "linear: no comment in the answer", false, null);
        }
        return new TrackerComment(stringOf(c, "id"), stringOf(c, "body"), stringOf(c, "createdAt"),
                stringOf(objectOf(c, "user"), "name"));
    }

    private static JsonObject succeeded(JsonObject payload, String mutation) {
        if (payload == null || !payload.getBoolean("success", false)) {
            throw new TrackerException("tracker_response", "linear " + mutation + " did not succeed", false, null);
        }
        return payload;
    }

    private static List<JsonObject> nodes(JsonObject connection) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue v : arrayOf(connection, "nodes")) {
            if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                out.add(v.asJsonObject());
            }
        }
        return out;
    }

    private static JsonObjectBuilder eq(String value) {
        return Json.createObjectBuilder().add("eq", value);
    }

    private static JsonObjectBuilder in(List<String> values) {
        return Json.createObjectBuilder().add("in", strings(values));
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String quoted(String s) {
        return "'" + (s.length() > 100 ? s.substring(0, 100) : s).replace('\n', ' ') + "'";
    }
}
