package it.flightdeck.stub;

import com.sun.net.httpserver.HttpExchange;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Linear's GraphQL API on localhost, answering from an in-memory workspace. Auth is the raw personal
 * key in {@code Authorization}, as Linear takes it.
 */
public final class StubLinear extends StubGraphQlServer {
    private final Board board;

    public StubLinear(String key) {
        this(key, new Board(), 0);
    }

    /** The stub the test server's FLIGHTDECK_LINEAR_API_URL points at (it.stub.linear.port). */
    public static StubLinear forServer(String key) {
        return new StubLinear(key, new Board(), Integer.getInteger("it.stub.linear.port"));
    }

    private StubLinear(String key, Board board, int port) {
        super("/it/flightdeck/stub/linear.graphqls", key, board::wire, port);
        this.board = board;
    }

    @Override
    protected Board board() {
        return board;
    }

    @Override
    protected void rateLimited(HttpExchange exchange) throws IOException {
        send(exchange, 400, "{\"errors\":[{\"message\":\"Rate limit exceeded\",\"extensions\":{\"code\":\"RATELIMITED\"}}]}");
    }

    @Override
    protected void unauthorized(HttpExchange exchange) throws IOException {
        send(exchange, 400, "{\"errors\":[{\"message\":\"Authentication required, not authenticated\","
                + "\"extensions\":{\"code\":\"AUTHENTICATION_ERROR\"}}]}");
    }

    // ---- setting up and reading the board (tests) ----

    /** A team with Linear's default workflow: Backlog, Todo, In Progress, In Review, Done, Canceled. */
    public String team(String key) {
        synchronized (board) {
            return board.team(key);
        }
    }

    public String label(String name, String teamKeyOrNull) {
        synchronized (board) {
            return board.label(name, teamKeyOrNull);
        }
    }

    public String project(String slugId) {
        synchronized (board) {
            return board.project(slugId);
        }
    }

    /** A new issue; answers its identifier ({@code KEY-n}). */
    public String issue(String teamKey, String title, String stateName, int priority, List<String> labelNames, String projectSlug) {
        synchronized (board) {
            return board.issue(teamKey, title, stateName, priority, labelNames, projectSlug);
        }
    }

    /** {@code blocker} blocks {@code blocked}. */
    public void blocks(String blocker, String blocked) {
        synchronized (board) {
            board.blocks(blocker, blocked);
        }
    }

    public void setState(String identifier, String stateName) {
        synchronized (board) {
            board.find(identifier).put("state", board.state(board.teamOf(board.find(identifier)), stateName));
        }
    }

    public String idOf(String identifier) {
        synchronized (board) {
            return (String) board.find(identifier).get("id");
        }
    }

    public String stateOf(String identifier) {
        synchronized (board) {
            return (String) ((Map<?, ?>) board.find(identifier).get("state")).get("name");
        }
    }

    public List<String> labelsOf(String identifier) {
        synchronized (board) {
            return list(board.find(identifier), "_labels").stream().map(l -> (String) ((Map<?, ?>) l).get("name")).toList();
        }
    }

    public List<String> commentBodies(String identifier) {
        synchronized (board) {
            return list(board.find(identifier), "_comments").stream().map(c -> (String) ((Map<?, ?>) c).get("body")).toList();
        }
    }

    public List<String> attachmentUrls(String identifier) {
        synchronized (board) {
            return list(board.find(identifier), "_attachments").stream().map(a -> (String) ((Map<?, ?>) a).get("url")).toList();
        }
    }

    public List<String> identifiers() {
        synchronized (board) {
            return board.issues.values().stream().map(i -> (String) i.get("identifier")).toList();
        }
    }

    static final class Board {
        final Map<String, Map<String, Object>> teams = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> issues = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> comments = new LinkedHashMap<>();
        final List<Map<String, Object>> labels = new ArrayList<>();
        final Map<String, Map<String, Object>> projects = new LinkedHashMap<>();
        final Map<String, Integer> numbers = new LinkedHashMap<>();
        final Map<String, Object> agent = obj("id", "user-flightdeck", "name", "Flightdeck");
        int sequence;
        long clock = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

        String id(String kind) {
            return "lin-" + kind + "-" + (++sequence);
        }

        String now() {
            clock += 1000;
            return Instant.ofEpochMilli(clock).toString();
        }

        String team(String key) {
            Map<String, Object> team = obj("id", id("team"), "key", key, "name", key);
            String[][] states = {{"Backlog", "backlog"}, {"Todo", "unstarted"}, {"In Progress", "started"},
                    {"In Review", "started"}, {"Done", "completed"}, {"Canceled", "canceled"}};
            double position = 0;
            for (String[] s : states) {
                list(team, "_states").add(obj("id", id("state"), "name", s[0], "type", s[1], "position", position++, "team", team));
            }
            teams.put(key, team);
            numbers.put(key, 0);
            return (String) team.get("id");
        }

        String label(String name, String teamKey) {
            Map<String, Object> label = obj("id", id("label"), "name", name, "team", teamKey == null ? null : teams.get(teamKey));
            labels.add(label);
            if (teamKey != null) {
                list(teams.get(teamKey), "_labels").add(label);
            }
            return (String) label.get("id");
        }

        String project(String slug) {
            projects.put(slug, obj("id", id("project"), "slugId", slug, "name", slug));
            return (String) projects.get(slug).get("id");
        }

        String issue(String teamKey, String title, String stateName, int priority, List<String> labelNames, String projectSlug) {
            Map<String, Object> team = Objects.requireNonNull(teams.get(teamKey), "no team " + teamKey);
            int n = numbers.merge(teamKey, 1, Integer::sum);
            String identifier = teamKey + "-" + n;
            Map<String, Object> issue = obj("id", id("issue"), "identifier", identifier, "title", title, "description", "About " + title,
                    "priority", (double) priority, "priorityLabel", "P" + priority, "url", "https://linear.app/stub/issue/" + identifier,
                    "branchName", identifier.toLowerCase(), "createdAt", now(), "team", team,
                    "project", projectSlug == null ? null : projects.get(projectSlug));
            issue.put("updatedAt", issue.get("createdAt"));
            issue.put("state", state(team, stateName));
            for (String name : labelNames) {
                list(issue, "_labels").add(labels.stream().filter(l -> name.equals(l.get("name"))).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no label " + name)));
            }
            issues.put((String) issue.get("id"), issue);
            return identifier;
        }

        void blocks(String blocker, String blocked) {
            Map<String, Object> rel = obj("id", id("relation"), "type", "blocks", "issue", find(blocker), "relatedIssue", find(blocked));
            list(find(blocker), "_relations").add(rel);
            list(find(blocked), "_inverseRelations").add(rel);
        }

        Map<String, Object> find(String idOrIdentifier) {
            Map<String, Object> byId = issues.get(idOrIdentifier);
            if (byId != null) {
                return byId;
            }
            return issues.values().stream().filter(i -> idOrIdentifier.equals(i.get("identifier"))).findFirst().orElse(null);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> teamOf(Map<String, Object> issue) {
            return (Map<String, Object>) issue.get("team");
        }

        Map<String, Object> state(Map<String, Object> team, String name) {
            return list(team, "_states").stream().map(StubLinear::map).filter(s -> name.equals(s.get("name"))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no state " + name));
        }

        void wire(RuntimeWiring.Builder w) {
            w.type("Query", t -> t
                    .dataFetcher("issues", env -> {
                        List<Object> matching = issues.values().stream()
                                .filter(i -> matches(i, env.getArgument("filter"))).map(i -> (Object) i).toList();
                        return connection(matching, or(env.getArgument("first"), 50), env.getArgument("after"), env.getArgument("last"));
                    })
                    .dataFetcher("issue", env -> {
                        Map<String, Object> i = find(env.getArgument("id"));
                        return i != null ? i : notFound(env, "Issue");
                    })
                    .dataFetcher("comment", env -> {
                        Map<String, Object> c = comments.get((String) env.getArgument("id"));
                        return c != null ? c : notFound(env, "Comment");
                    })
                    .dataFetcher("issueLabels", env -> connection(labels.stream()
                            .filter(l -> labelMatches(l, env.getArgument("filter"))).map(l -> (Object) l).toList(),
                            or(env.getArgument("first"), 50), env.getArgument("after"), env.getArgument("last")))
                    .dataFetcher("workflowStates", env -> connection(teams.values().stream()
                            .flatMap(team -> list(team, "_states").stream()).toList(),
                            or(env.getArgument("first"), 50), env.getArgument("after"), env.getArgument("last"))));
            w.type("Issue", t -> t
                    .dataFetcher("labels", env -> page(env, "_labels"))
                    .dataFetcher("relations", env -> page(env, "_relations"))
                    .dataFetcher("inverseRelations", env -> page(env, "_inverseRelations"))
                    .dataFetcher("comments", env -> page(env, "_comments"))
                    .dataFetcher("attachments", env -> page(env, "_attachments")));
            w.type("Team", t -> t
                    .dataFetcher("states", env -> page(env, "_states"))
                    .dataFetcher("labels", env -> page(env, "_labels")));
            w.type("Mutation", t -> t
                    .dataFetcher("issueUpdate", env -> {
                        Map<String, Object> issue = find(env.getArgument("id"));
                        if (issue == null) {
                            return notFound(env, "Issue");
                        }
                        Map<String, Object> input = env.getArgument("input");
                        if (input.get("stateId") != null) {
                            Map<String, Object> state = list(teamOf(issue), "_states").stream().map(StubLinear::map)
                                    .filter(s -> s.get("id").equals(input.get("stateId"))).findFirst().orElse(null);
                            if (state == null) {
                                return invalid(env, "stateId is not a workflow state of the issue's team");
                            }
                            issue.put("state", state);
                        }
                        return payload("issue", issue);
                    })
                    .dataFetcher("commentCreate", env -> {
                        Map<String, Object> input = env.getArgument("input");
                        Map<String, Object> issue = find((String) input.get("issueId"));
                        if (issue == null) {
                            return notFound(env, "Issue");
                        }
                        Map<String, Object> c = obj("id", id("comment"), "body", or(input.get("body"), ""), "createdAt", now(),
                                "url", issue.get("url") + "#comment", "user", agent, "issue", issue);
                        comments.put((String) c.get("id"), c);
                        list(issue, "_comments").add(c);
                        return payload("comment", c);
                    })
                    .dataFetcher("commentUpdate", env -> {
                        Map<String, Object> c = comments.get((String) env.getArgument("id"));
                        if (c == null) {
                            return notFound(env, "Comment");
                        }
                        Map<String, Object> input = env.getArgument("input");
                        c.put("body", or(input.get("body"), c.get("body")));
                        return payload("comment", c);
                    })
                    .dataFetcher("attachmentCreate", env -> {
                        Map<String, Object> input = env.getArgument("input");
                        Map<String, Object> issue = find((String) input.get("issueId"));
                        if (issue == null) {
                            return notFound(env, "Issue");
                        }
                        // As Linear documents it: the same url on the same issue updates the attachment.
                        Map<String, Object> a = list(issue, "_attachments").stream().map(StubLinear::map)
                                .filter(x -> x.get("url").equals(input.get("url"))).findFirst().orElse(null);
                        if (a == null) {
                            a = obj("id", id("attachment"), "url", input.get("url"), "issue", issue);
                            list(issue, "_attachments").add(a);
                        }
                        a.put("title", input.get("title"));
                        return payload("attachment", a);
                    })
                    .dataFetcher("issueCreate", env -> {
                        Map<String, Object> input = env.getArgument("input");
                        Map<String, Object> team = teams.values().stream().filter(x -> x.get("id").equals(input.get("teamId")))
                                .findFirst().orElse(null);
                        if (team == null) {
                            return notFound(env, "Team");
                        }
                        String identifier = issue((String) team.get("key"), (String) or(input.get("title"), "Untitled"), "Todo", 0,
                                List.of(), null);
                        Map<String, Object> created = find(identifier);
                        created.put("description", input.get("description"));
                        if (input.get("projectId") != null) {
                            created.put("project", projects.values().stream().filter(p -> p.get("id").equals(input.get("projectId")))
                                    .findFirst().orElse(null));
                        }
                        @SuppressWarnings("unchecked")
                        List<Object> ids = (List<Object>) or(input.get("labelIds"), List.of());
                        for (Object labelId : ids) {
                            Map<String, Object> l = labels.stream().filter(x -> x.get("id").equals(labelId)).findFirst().orElse(null);
                            if (l == null) {
                                return invalid(env, "labelIds: no such label");
                            }
                            list(created, "_labels").add(l);
                        }
                        return payload("issue", created);
                    }));
        }

        private static Object page(DataFetchingEnvironment env, String key) {
            Map<String, Object> source = env.getSource();
            return connection(list(source, key), or(env.getArgument("first"), 50), env.getArgument("after"), env.getArgument("last"));
        }

        private Map<String, Object> payload(String field, Object entity) {
            return obj("success", true, "lastSyncId", (double) sequence, field, entity);
        }

        private static DataFetcherResult<Object> notFound(DataFetchingEnvironment env, String type) {
            return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(env).message("Entity not found: " + type)
                    .extensions(Map.of("code", "INPUT_ERROR", "type", "invalid input")).build()).build();
        }

        private static DataFetcherResult<Object> invalid(DataFetchingEnvironment env, String message) {
            return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(env).message(message)
                    .extensions(Map.of("code", "INVALID_INPUT")).build()).build();
        }

        /** The IssueFilter subset Flightdeck sends: id, state, team, project, labels, and/or. */
        @SuppressWarnings("unchecked")
        private boolean matches(Map<String, Object> issue, Map<String, Object> filter) {
            if (filter == null) {
                return true;
            }
            for (Map.Entry<String, Object> e : filter.entrySet()) {
                Map<String, Object> f = (Map<String, Object>) e.getValue();
                if (f == null) {
                    continue;
                }
                boolean ok;
                switch (e.getKey()) {
                    case "id":
                        ok = compare(issue.get("id"), f);
                        break;
                    case "state":
                        Map<String, Object> state = map(issue.get("state"));
                        ok = (f.get("name") == null || compare(state.get("name"), map(f.get("name"))))
                                && (f.get("type") == null || compare(state.get("type"), map(f.get("type"))));
                        break;
                    case "team":
                        ok = f.get("key") == null || compare(teamOf(issue).get("key"), map(f.get("key")));
                        break;
                    case "project":
                        Map<String, Object> project = map(issue.get("project"));
                        ok = f.get("slugId") == null || (project != null && compare(project.get("slugId"), map(f.get("slugId"))));
                        break;
                    case "labels":
                        List<Object> own = list(issue, "_labels");
                        Map<String, Object> some = map(f.get("some"));
                        Map<String, Object> byName = some != null ? map(some.get("name")) : map(f.get("name"));
                        ok = byName == null || own.stream().anyMatch(l -> compare(map(l).get("name"), byName));
                        break;
                    case "and":
                        ok = ((List<Object>) e.getValue()).stream().allMatch(x -> matches(issue, map(x)));
                        break;
                    case "or":
                        ok = ((List<Object>) e.getValue()).stream().anyMatch(x -> matches(issue, map(x)));
                        break;
                    default:
                        throw new IllegalArgumentException("the stub does not filter on " + e.getKey());
                }
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private boolean labelMatches(Map<String, Object> label, Map<String, Object> filter) {
            if (filter == null) {
                return true;
            }
            Map<String, Object> name = map(filter.get("name"));
            return name == null || compare(label.get("name"), name);
        }

        @SuppressWarnings("unchecked")
        private static boolean compare(Object value, Map<String, Object> comparator) {
            if (comparator.containsKey("eq") && !Objects.equals(comparator.get("eq"), value)) {
                return false;
            }
            if (comparator.containsKey("neq") && Objects.equals(comparator.get("neq"), value)) {
                return false;
            }
            if (comparator.get("in") != null && !((List<Object>) comparator.get("in")).contains(value)) {
                return false;
            }
            return comparator.get("nin") == null || !((List<Object>) comparator.get("nin")).contains(value);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static Object or(Object value, Object fallback) {
        return value != null ? value : fallback;
    }

    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
