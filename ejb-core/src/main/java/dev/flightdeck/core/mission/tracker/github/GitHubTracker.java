package dev.flightdeck.core.mission.tracker.github;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * GitHub issues on a Projects v2 board, through GraphQL only. The board's "Status" field is the
 * issue's state for candidates and for snapshots alike; a closed issue is terminal whatever its Status.
 */
public final class GitHubTracker implements Tracker {
    public static final String STATUS_FIELD = "Status";
    static final int PAGE = 50;
    private static final Pattern IDENTIFIER = Pattern.compile("([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)#([0-9]{1,9})");

    private final GraphQlClient client;
    /** The board whose Status snapshots report (the mission's project); null: the one board the issue is on. */
    private final Integer boardNumber;

    public GitHubTracker(GraphQlClient client, TrackerScope scope) {
        this.client = client;
        this.boardNumber = scope == null ? null : projectNumberOrNull(scope.project());
    }

    @Override
    public TrackerKind kind() {
        return TrackerKind.GITHUB;
    }

    /** Owner and optional repository of {@code team}: {@code owner/repo} or {@code owner}. */
    record Target(String owner, String repo) {
        static Target of(String team) {
            if (team == null || team.isBlank()) {
                throw new TrackerException("invalid_tracker_config", "github: the team filter must be owner or owner/repo", false, null);
            }
            String t = team.trim();
            int slash = t.indexOf('/');
            if (slash < 0) {
                return new Target(t, null);
            }
            String owner = t.substring(0, slash);
            String repo = t.substring(slash + 1);
            if (owner.isEmpty() || repo.isEmpty() || repo.contains("/")) {
                throw new TrackerException("invalid_tracker_config", "github: the team filter must be owner or owner/repo", false, null);
            }
            return new Target(owner, repo);
        }
    }

    @Override
    public List<TrackerIssue> candidates(TrackerScope scope) {
        Target target = Target.of(scope.team());
        int number = projectNumber(scope.project());
        JsonObject vars = Json.createObjectBuilder().add("login", target.owner()).add("number", number)
                .add("statusField", STATUS_FIELD).add("first", PAGE).build();
        List<JsonObject> items = client.pages("FlightdeckProjectItems", vars, d -> {
            JsonObject owner = objectOf(d, "repositoryOwner");
            JsonObject project = objectOf(owner, "projectV2");
            if (owner == null || project == null) {
                throw new TrackerException("not_found", "github: no project " + number + " visible for that owner", false, null);
            }
            return objectOf(project, "items");
        });
        Set<String> states = lowered(scope.states());
        Set<String> labels = lowered(scope.labels());
        List<TrackerIssue> out = new ArrayList<>();
        for (JsonObject item : items) {
            JsonObject content = objectOf(item, "content");
            // Pull requests and draft items are on boards too; only issues are work items.
            if (content == null || !"Issue".equals(stringOf(content, "__typename"))) {
                continue;
            }
            TrackerIssue issue = issue(content, statusName(objectOf(item, "fieldValueByName")));
            if (issue.terminal() || !inRepository(content, target)) {
                continue;
            }
            if (!states.isEmpty() && !states.contains(lower(issue.state()))) {
                continue;
            }
            if (!labels.isEmpty() && issue.labels().stream().map(GitHubTracker::lower).noneMatch(labels::contains)) {
                continue;
            }
            out.add(issue);
        }
        return out;
    }

    static boolean inRepository(JsonObject issue, Target target) {
        JsonObject repo = objectOf(issue, "repository");
        String owner = stringOf(objectOf(repo, "owner"), "login");
        if (owner == null || !owner.equalsIgnoreCase(target.owner())) {
            return false;
        }
        return target.repo() == null || target.repo().equalsIgnoreCase(stringOf(repo, "name"));
    }

    @Override
    public List<TrackerIssue> byIds(Collection<String> ids) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        List<TrackerIssue> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += PAGE) {
            List<String> chunk = distinct.subList(i, Math.min(distinct.size(), i + PAGE));
            JsonObject data = client.dataAllowingNotFound("FlightdeckNodes",
                    Json.createObjectBuilder().add("ids", strings(chunk)).add("statusField", STATUS_FIELD).build());
            for (JsonValue v : arrayOf(data, "nodes")) {
                if (v.getValueType() == JsonValue.ValueType.OBJECT && "Issue".equals(stringOf(v.asJsonObject(), "__typename"))) {
                    out.add(issue(v.asJsonObject(), null));
                }
            }
        }
        return out;
    }

    @Override
    public Optional<TrackerIssue> byIdentifier(String identifier) {
        Matcher m = IDENTIFIER.matcher(identifier == null ? "" : identifier.trim());
        if (!m.matches()) {
            throw new TrackerException("tracker_request", "github: an identifier is owner/repo#number", false, null);
        }
        JsonObject vars = Json.createObjectBuilder().add("owner", m.group(1)).add("name", m.group(2))
                .add("number", Integer.parseInt(m.group(3))).add("statusField", STATUS_FIELD).build();
        JsonObject data;
        try {
            data = client.data("FlightdeckIssue", vars);
        } catch (TrackerException e) {
            if ("not_found".equals(e.category())) {
                return Optional.empty();
            }
            throw e;
        }
        JsonObject issue = objectOf(objectOf(data, "repository"), "issue");
        return issue == null ? Optional.empty() : Optional.of(issue(issue, null));
    }

    @Override
    public List<TrackerComment> comments(String issueId, int first) {
        JsonObject data = client.data("FlightdeckIssueComments",
                Json.createObjectBuilder().add("id", issueId).add("last", Math.max(1, Math.min(first, 100))).build());
        List<TrackerComment> out = new ArrayList<>();
        // GitHub lists comments oldest first; last: N is the newest N, still oldest first.
        for (JsonValue v : arrayOf(objectOf(objectOf(data, "node"), "comments"), "nodes")) {
            out.add(comment(v.asJsonObject()));
        }
        return out;
    }

    @Override
    public TrackerComment postComment(String issueId, String body) {
        JsonObject input = Json.createObjectBuilder().add("subjectId", issueId).add("body", body).build();
        JsonObject data = client.data("FlightdeckAddComment", Json.createObjectBuilder().add("input", input).build());
        return comment(objectOf(objectOf(objectOf(data, "addComment"), "commentEdge"), "node"));
    }

    @Override
    public TrackerComment updateComment(String issueId, String commentId, String body) {
        JsonObject node;
        try {
            node = objectOf(client.data("FlightdeckComment", Json.createObjectBuilder().add("id", commentId).build()), "node");
        } catch (TrackerException e) {
            if ("not_found".equals(e.category())) {
                throw notOnIssue();
            }
            throw e;
        }
        if (node == null || !issueId.equals(stringOf(objectOf(node, "issue"), "id"))) {
            throw notOnIssue();
        }
        JsonObject input = Json.createObjectBuilder().add("id", commentId).add("body", body).build();
        JsonObject data = client.data("FlightdeckUpdateComment", Json.createObjectBuilder().add("input", input).build());
        return comment(objectOf(objectOf(data, "updateIssueComment"), "issueComment"));
    }

    private static TrackerException notOnIssue() {
        return new TrackerException("not_found", "no such comment on this issue", false, null);
    }

    /**
     * Sets the Status option of this name on the issue's board (the mission's board when known, else
     * every board the issue is on that has such an option). {@code open}/{@code closed}, when no board
     * has an option of that name, reopen or close the issue itself.
     */
    @Override
    public void moveToState(String issueId, String stateName) {
        JsonObject issue = objectOf(client.data("FlightdeckIssueBoards",
                Json.createObjectBuilder().add("id", issueId).add("statusField", STATUS_FIELD).build()), "node");
        if (issue == null) {
            throw new TrackerException("not_found", "github: no such issue", false, null);
        }
        int moved = 0;
        for (JsonValue v : arrayOf(objectOf(issue, "projectItems"), "nodes")) {
            JsonObject item = v.asJsonObject();
            JsonObject project = objectOf(item, "project");
            if (boardNumber != null && !boardNumber.equals(intOf(project, "number"))) {
                continue;
            }
            JsonObject field = objectOf(project, "field");
            Optional<String> option = optionId(field, stateName);
            if (option.isEmpty()) {
                continue;
            }
            JsonObject input = Json.createObjectBuilder().add("projectId", stringOf(project, "id"))
                    .add("itemId", stringOf(item, "id")).add("fieldId", stringOf(field, "id"))
                    .add("value", Json.createObjectBuilder().add("singleSelectOptionId", option.get())).build();
            client.data("FlightdeckSetStatus", Json.createObjectBuilder().add("input", input).build());
            moved++;
        }
        if (moved > 0) {
            return;
        }
        String wanted = lower(stateName);
        if ("closed".equals(wanted) || "open".equals(wanted)) {
            String mutation = "closed".equals(wanted) ? "FlightdeckCloseIssue" : "FlightdeckReopenIssue";
            client.data(mutation, Json.createObjectBuilder()
                    .add("input", Json.createObjectBuilder().add("issueId", stringOf(issue, "id"))).build());
            return;
        }
        throw new TrackerException("not_found", "github: no board of the issue has a Status option named '"
                + (stateName.length() > 100 ? stateName.substring(0, 100) : stateName) + "'", false, null);
    }

    static Optional<String> optionId(JsonObject field, String name) {
        List<JsonObject> options = new ArrayList<>();
        for (JsonValue v : arrayOf(field, "options")) {
            options.add(v.asJsonObject());
        }
        for (JsonObject o : options) {
            if (name.equals(stringOf(o, "name"))) {
                return Optional.ofNullable(stringOf(o, "id"));
            }
        }
        for (JsonObject o : options) {
            if (name.equalsIgnoreCase(stringOf(o, "name"))) {
                return Optional.ofNullable(stringOf(o, "id"));
            }
        }
        return Optional.empty();
    }

    /** A comment carrying the url, unless one already does: GitHub issues have no attachments. */
    @Override
    public void linkUrl(String issueId, String url, String title) {
        for (TrackerComment c : comments(issueId, 100)) {
            if (c.body() != null && c.body().contains(url)) {
                return;
            }
        }
        String label = title == null || title.isBlank() ? "Linked" : title;
        postComment(issueId, label + ": " + url);
    }

    @Override
    public TrackerIssue createFollowUp(TrackerIssue parent, String title, String description, List<String> labels) {
        Matcher m = IDENTIFIER.matcher(parent.identifier() == null ? "" : parent.identifier());
        if (!m.matches()) {
            throw new TrackerException("tracker_request", "github: the parent's identifier is not owner/repo#number", false, null);
        }
        String repositoryId = null;
        List<String> boards = new ArrayList<>();
        List<JsonObject> repoLabels = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10; page++) {
            JsonObjectBuilder vars = Json.createObjectBuilder().add("owner", m.group(1)).add("name", m.group(2))
                    .add("number", Integer.parseInt(m.group(3))).add("first", 100);
            if (after == null) {
                vars.addNull("after");
            } else {
                vars.add("after", after);
            }
            JsonObject repo = objectOf(client.data("FlightdeckFollowUpTarget", vars.build()), "repository");
            if (repo == null) {
                throw new TrackerException("not_found", "github: the parent's repository is not visible", false, null);
            }
            if (page == 0) {
                repositoryId = stringOf(repo, "id");
                for (JsonValue v : arrayOf(objectOf(objectOf(repo, "issue"), "projectItems"), "nodes")) {
                    JsonObject project = objectOf(v.asJsonObject(), "project");
                    if (boardNumber == null || boardNumber.equals(intOf(project, "number"))) {
                        boards.add(stringOf(project, "id"));
                    }
                }
            }
            JsonObject conn = objectOf(repo, "labels");
            for (JsonValue v : arrayOf(conn, "nodes")) {
                repoLabels.add(v.asJsonObject());
            }
            JsonObject info = objectOf(conn, "pageInfo");
            if (info == null || !info.getBoolean("hasNextPage", false)) {
                break;
            }
            after = stringOf(info, "endCursor");
        }
        List<String> labelIds = labelIds(repoLabels, labels == null ? List.of() : labels);
        JsonObject input = Json.createObjectBuilder().add("repositoryId", repositoryId).add("title", title)
                .add("body", description == null ? "" : description).add("labelIds", strings(labelIds)).build();
        JsonObject created = objectOf(objectOf(client.data("FlightdeckCreateIssue",
                Json.createObjectBuilder().add("input", input).add("statusField", STATUS_FIELD).build()), "createIssue"), "issue");
        if (created == null) {
            throw new TrackerException("tracker_response", "github createIssue: no issue in the answer", false, null);
        }
        for (String board : boards) {
            client.data("FlightdeckAddToProject", Json.createObjectBuilder().add("input",
                    Json.createObjectBuilder().add("projectId", board).add("contentId", stringOf(created, "id"))).build());
        }
        return issue(created, null);
    }

    /** Label ids by name, case-insensitive as GitHub treats label names; a label the repository lacks fails the call. */
    static List<String> labelIds(List<JsonObject> repoLabels, List<String> wanted) {
        List<String> ids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : new LinkedHashSet<>(wanted)) {
            Optional<String> id = repoLabels.stream().filter(l -> name.equalsIgnoreCase(stringOf(l, "name")))
                    .map(l -> stringOf(l, "id")).findFirst();
            if (id.isPresent()) {
                ids.add(id.get());
            } else {
                missing.add("'" + name + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new TrackerException("not_found", "github: the repository has no label " + String.join(", ", missing), false, null);
        }
        return ids;
    }

    /**
     * One issue node as a snapshot. {@code boardStatus} is the Status the board item carried (candidates);
     * null reads it from the issue's own project items, so snapshots report the same Status candidates do.
     */
    TrackerIssue issue(JsonObject n, String boardStatus) {
        boolean closed = "CLOSED".equals(stringOf(n, "state"));
        String status = boardStatus != null ? boardStatus : statusFromItems(n);
        String state = status != null ? status : closed ? "closed" : "open";
        JsonObject repo = objectOf(n, "repository");
        String identifier = stringOf(objectOf(repo, "owner"), "login") + "/" + stringOf(repo, "name") + "#" + intOf(n, "number");
        return new TrackerIssue(stringOf(n, "id"), identifier, stringOf(n, "title"), stringOf(n, "body"), state, closed,
                stringOf(n, "url"), names(objectOf(n, "labels")), null, epochMs(stringOf(n, "createdAt")), List.of());
    }

    private String statusFromItems(JsonObject n) {
        List<String> found = new ArrayList<>();
        for (JsonValue v : arrayOf(objectOf(n, "projectItems"), "nodes")) {
            JsonObject item = v.asJsonObject();
            Integer number = intOf(objectOf(item, "project"), "number");
            String status = statusName(objectOf(item, "fieldValueByName"));
            if (boardNumber != null && boardNumber.equals(number)) {
                return status;
            }
            if (status != null) {
                found.add(status);
            }
        }
        // Without a known board, a Status is meaningful only if the issue is on exactly one board with one.
        return boardNumber == null && found.size() == 1 ? found.get(0) : null;
    }

    private static String statusName(JsonObject fieldValue) {
        return stringOf(fieldValue, "name");
    }

    private static TrackerComment comment(JsonObject c) {
        if (c == null) {
            throw new TrackerException("tracker_response", "github: no comment in the answer", false, null);
        }
        return new TrackerComment(stringOf(c, "id"), stringOf(c, "body"), stringOf(c, "createdAt"),
                stringOf(objectOf(c, "author"), "login"));
    }

    static int projectNumber(String project) {
        Integer n = projectNumberOrNull(project);
        if (n == null) {
            throw new TrackerException("invalid_tracker_config", "github: the project filter must be a Projects v2 number", false, null);
        }
        return n;
    }

    private static Integer projectNumberOrNull(String project) {
        if (project == null || !project.trim().matches("[0-9]{1,9}")) {
            return null;
        }
        return Integer.parseInt(project.trim());
    }

    private static Integer intOf(JsonObject o, String name) {
        return o != null && o.get(name) instanceof JsonNumber num ? num.intValue() : null;
    }

    private static long epochMs(String rfc3339) {
        if (rfc3339 == null) {
            return 0L;
        }
        try {
            return Instant.parse(rfc3339).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0L;
        }
    }

    private static Set<String> lowered(List<String> values) {
        return values.stream().map(GitHubTracker::lower).collect(Collectors.toSet());
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }
}
