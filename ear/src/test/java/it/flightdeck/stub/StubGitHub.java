package it.flightdeck.stub;

import static it.flightdeck.stub.StubLinear.map;
import static it.flightdeck.stub.StubLinear.obj;
import static it.flightdeck.stub.StubLinear.or;

import com.sun.net.httpserver.HttpExchange;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * GitHub's GraphQL API on localhost: repositories, issues, labels, comments and Projects v2 boards
 * with a single-select "Status" field, in memory. Auth is {@code Authorization: Bearer <token>}.
 */
public final class StubGitHub extends StubGraphQlServer {
    private final Board board;

    public StubGitHub(String token) {
        this(token, new Board(), 0);
    }

    /** The stub the test server's FLIGHTDECK_GITHUB_API_URL points at (it.stub.github.port). */
    public static StubGitHub forServer(String token) {
        return new StubGitHub(token, new Board(), Integer.getInteger("it.stub.github.port"));
    }

    private StubGitHub(String token, Board board, int port) {
        super("/it/flightdeck/stub/github.graphqls", "Bearer " + token, board::wire, port);
        this.board = board;
    }

    @Override
    protected Board board() {
        return board;
    }

    @Override
    protected void rateLimited(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("x-ratelimit-remaining", "0");
        exchange.getResponseHeaders().add("x-ratelimit-reset", String.valueOf(Instant.now().getEpochSecond() + 60));
        send(exchange, 403, "{\"message\":\"API rate limit exceeded\"}");
    }

    @Override
    protected void unauthorized(HttpExchange exchange) throws IOException {
        send(exchange, 401, "{\"message\":\"Bad credentials\"}");
    }

    /** GitHub puts an error's {@code type} (NOT_FOUND, …) beside its message. */
    @Override
    protected JsonObject shapeError(JsonObject error) {
        JsonObject ext = error.getJsonObject("extensions");
        if (ext == null || !ext.containsKey("type")) {
            return error;
        }
        return Json.createObjectBuilder(error).add("type", ext.get("type")).remove("extensions").build();
    }

    // ---- setting up and reading the board (tests) ----

    public void repository(String owner, String name, String... labels) {
        synchronized (board) {
            Map<String, Object> repo = board.repo(owner, name);
            for (String l : labels) {
                list(repo, "_labels").add(board.node(obj("__typename", "Label", "id", board.id("LA"), "name", l, "color", "ededed")));
            }
        }
    }

    /** A Projects v2 board of this owner with a Status field of these options. */
    public void project(String owner, int number, String... statuses) {
        synchronized (board) {
            board.project(owner, number, statuses);
        }
    }

    /** A new issue; answers its identifier {@code owner/repo#n}. */
    public String issue(String repository, String title, String... labels) {
        synchronized (board) {
            return board.issue(repository, title, List.of(labels));
        }
    }

    /** Puts the issue (or a draft, when identifier is null) on a board with this Status. */
    public void onBoard(String owner, int number, String identifier, String status) {
        synchronized (board) {
            board.onBoard(owner, number, identifier == null ? null : board.find(identifier), status);
        }
    }

    public void close(String identifier) {
        synchronized (board) {
            board.find(identifier).put("state", "CLOSED");
            board.find(identifier).put("closed", true);
        }
    }

    public String idOf(String identifier) {
        synchronized (board) {
            return (String) board.find(identifier).get("id");
        }
    }

    /** OPEN or CLOSED. */
    public String stateOf(String identifier) {
        synchronized (board) {
            return (String) board.find(identifier).get("state");
        }
    }

    public String statusOf(String identifier, int projectNumber) {
        synchronized (board) {
            for (Object item : list(board.find(identifier), "_projectItems")) {
                Map<String, Object> project = map(map(item).get("project"));
                if (Objects.equals(project.get("number"), projectNumber)) {
                    return board.optionName(project, (String) map(item).get("_option"));
                }
            }
            return null;
        }
    }

    public List<String> labelsOf(String identifier) {
        synchronized (board) {
            return list(board.find(identifier), "_labels").stream().map(l -> (String) map(l).get("name")).toList();
        }
    }

    public List<String> commentBodies(String identifier) {
        synchronized (board) {
            return list(board.find(identifier), "_comments").stream().map(c -> (String) map(c).get("body")).toList();
        }
    }

    public List<String> identifiers() {
        synchronized (board) {
            return board.repos.values().stream().flatMap(r -> map(r.get("_issues")).values().stream())
                    .map(i -> board.identifier(map(i))).toList();
        }
    }

    static final class Board {
        final Map<String, Map<String, Object>> owners = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> repos = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        final Map<String, Object> bot = obj("__typename", "User", "id", "U_bot", "login", "flightdeck-bot",
                "url", "https://github.com/flightdeck-bot");
        int sequence;
        long clock = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

        String id(String prefix) {
            return prefix + "_stub" + (++sequence);
        }

        String now() {
            clock += 1000;
            return Instant.ofEpochMilli(clock).toString();
        }

        Map<String, Object> node(Map<String, Object> n) {
            nodes.put((String) n.get("id"), n);
            return n;
        }

        Map<String, Object> owner(String login) {
            return owners.computeIfAbsent(login, l -> node(obj("__typename", "Organization", "id", id("O"), "login", l,
                    "url", "https://github.com/" + l, "_projects", new LinkedHashMap<>())));
        }

        Map<String, Object> repo(String owner, String name) {
            return repos.computeIfAbsent(owner + "/" + name, k -> node(obj("__typename", "Repository", "id", id("R"), "name", name,
                    "nameWithOwner", k, "owner", owner(owner), "_issues", new LinkedHashMap<>(), "_next", 0)));
        }

        void project(String owner, int number, String... statuses) {
            Map<String, Object> field = node(obj("__typename", "ProjectV2SingleSelectField", "id", id("PVTSSF"), "name", "Status"));
            for (String s : statuses) {
                list(field, "_options").add(obj("id", id("opt").toLowerCase(), "name", s));
            }
            Map<String, Object> project = node(obj("__typename", "ProjectV2", "id", id("PVT"), "number", number,
                    "title", "Board " + number, "_status", field));
            map(owner(owner).get("_projects")).put(String.valueOf(number), project);
        }

        String issue(String repository, String title, List<String> labelNames) {
            Map<String, Object> repo = Objects.requireNonNull(repos.get(repository), "no repository " + repository);
            int n = (Integer) repo.get("_next") + 1;
            repo.put("_next", n);
            String created = now();
            Map<String, Object> issue = node(obj("__typename", "Issue", "id", id("I"), "number", n, "title", title, "body", "About " + title,
                    "url", "https://github.com/" + repository + "/issues/" + n, "createdAt", created, "updatedAt", created,
                    "state", "OPEN", "closed", false, "repository", repo));
            for (String name : labelNames) {
                list(issue, "_labels").add(label(repo, name));
            }
            map(repo.get("_issues")).put(String.valueOf(n), issue);
            return repository + "#" + n;
        }

        Map<String, Object> label(Map<String, Object> repo, String name) {
            return list(repo, "_labels").stream().map(StubLinear::map).filter(l -> name.equalsIgnoreCase((String) l.get("name")))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no label " + name));
        }

        void onBoard(String owner, int number, Map<String, Object> issue, String status) {
            Map<String, Object> project = map(map(owner(owner).get("_projects")).get(String.valueOf(number)));
            Map<String, Object> content = issue != null ? issue
                    : node(obj("__typename", "DraftIssue", "id", id("DI"), "title", "Draft", "body", ""));
            Map<String, Object> item = node(obj("__typename", "ProjectV2Item", "id", id("PVTI"), "project", project, "content", content,
                    "_option", optionId(project, status)));
            list(project, "_items").add(item);
            if (issue != null) {
                list(issue, "_projectItems").add(item);
            }
        }

        String optionId(Map<String, Object> project, String name) {
            if (name == null) {
                return null;
            }
            return list(map(project.get("_status")), "_options").stream().map(StubLinear::map)
                    .filter(o -> name.equals(o.get("name"))).map(o -> (String) o.get("id")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no status " + name));
        }

        String optionName(Map<String, Object> project, String optionId) {
            return list(map(project.get("_status")), "_options").stream().map(StubLinear::map)
                    .filter(o -> o.get("id").equals(optionId)).map(o -> (String) o.get("name")).findFirst().orElse(null);
        }

        Map<String, Object> find(String identifier) {
            int hash = identifier.lastIndexOf('#');
            Map<String, Object> repo = Objects.requireNonNull(repos.get(identifier.substring(0, hash)), "no repository for " + identifier);
            return Objects.requireNonNull(map(map(repo.get("_issues")).get(identifier.substring(hash + 1))), "no issue " + identifier);
        }

        String identifier(Map<String, Object> issue) {
            return map(issue.get("repository")).get("nameWithOwner") + "#" + issue.get("number");
        }

        void wire(RuntimeWiring.Builder w) {
            w.type("Query", t -> t
                    .dataFetcher("repositoryOwner", env -> owners.get((String) env.getArgument("login")))
                    .dataFetcher("repository", env -> {
                        Map<String, Object> r = repos.get(env.getArgument("owner") + "/" + env.getArgument("name"));
                        return r != null ? r : notFound(env, "Could not resolve to a Repository with the name '"
                                + env.getArgument("owner") + "/" + env.getArgument("name") + "'.");
                    })
                    .dataFetcher("node", env -> {
                        Map<String, Object> n = nodes.get((String) env.getArgument("id"));
                        return n != null ? n : notFound(env, "Could not resolve to a node with the global id of '" + env.getArgument("id") + "'");
                    })
                    .dataFetcher("nodes", env -> {
                        List<String> ids = env.getArgument("ids");
                        List<Object> out = new ArrayList<>();
                        DataFetcherResult.Builder<Object> result = DataFetcherResult.newResult();
                        for (int i = 0; i < ids.size(); i++) {
                            Map<String, Object> n = nodes.get(ids.get(i));
                            out.add(n);
                            if (n == null) {
                                result.error(GraphqlErrorBuilder.newError().path(List.of("nodes", i))
                                        .message("Could not resolve to a node with the global id of '" + ids.get(i) + "'")
                                        .extensions(Map.of("type", "NOT_FOUND")).build());
                            }
                        }
                        return result.data(out).build();
                    }));
            for (String owner : List.of("Organization", "User")) {
                w.type(owner, t -> t.dataFetcher("projectV2", env -> {
                    Map<String, Object> source = env.getSource();
                    Object p = map(or(source.get("_projects"), Map.of())).get(String.valueOf((Integer) env.getArgument("number")));
                    return p != null ? p : notFound(env, "Could not resolve to a ProjectV2 with the number " + env.getArgument("number") + ".");
                }));
            }
            w.type("Repository", t -> t
                    .dataFetcher("issue", env -> map(((Map<String, Object>) env.getSource()).get("_issues"))
                            .get(String.valueOf((Integer) env.getArgument("number"))))
                    .dataFetcher("labels", env -> {
                        String query = env.getArgument("query");
                        List<Object> all = list(env.getSource(), "_labels").stream()
                                .filter(l -> query == null || ((String) map(l).get("name")).toLowerCase().contains(query.toLowerCase())).toList();
                        return page(env, all);
                    }));
            w.type("Issue", t -> t
                    .dataFetcher("labels", env -> page(env, list(env.getSource(), "_labels")))
                    .dataFetcher("comments", env -> page(env, list(env.getSource(), "_comments")))
                    .dataFetcher("projectItems", env -> page(env, list(env.getSource(), "_projectItems")))
                    .dataFetcher("projectV2", env -> null));
            w.type("ProjectV2", t -> t
                    .dataFetcher("items", env -> page(env, list(env.getSource(), "_items")))
                    .dataFetcher("field", env -> {
                        Map<String, Object> status = map(((Map<String, Object>) env.getSource()).get("_status"));
                        return status.get("name").equals(env.getArgument("name")) ? status : null;
                    }));
            w.type("ProjectV2SingleSelectField", t -> t.dataFetcher("options", env -> {
                List<String> names = env.getArgument("names");
                return list(env.getSource(), "_options").stream().filter(o -> names == null || names.contains(map(o).get("name"))).toList();
            }));
            w.type("ProjectV2Item", t -> t.dataFetcher("fieldValueByName", env -> {
                Map<String, Object> item = env.getSource();
                Map<String, Object> project = map(item.get("project"));
                Map<String, Object> status = map(project.get("_status"));
                if (!status.get("name").equals(env.getArgument("name")) || item.get("_option") == null) {
                    return null;
                }
                return obj("__typename", "ProjectV2ItemFieldSingleSelectValue", "id", item.get("id") + "_status",
                        "name", optionName(project, (String) item.get("_option")), "optionId", item.get("_option"));
            }));
            w.type("Mutation", t -> t
                    .dataFetcher("addComment", env -> {
                        Map<String, Object> input = env.getArgument("input");
                        Map<String, Object> issue = nodes.get((String) input.get("subjectId"));
                        if (issue == null || !"Issue".equals(issue.get("__typename"))) {
                            return notFound(env, "Could not resolve to a node with the global id of '" + input.get("subjectId") + "'");
                        }
                        Map<String, Object> c = node(obj("__typename", "IssueComment", "id", id("IC"), "body", input.get("body"),
                                "createdAt", now(), "url", issue.get("url") + "#issuecomment", "author", bot, "issue", issue));
                        list(issue, "_comments").add(c);
                        return obj("commentEdge", obj("cursor", c.get("id"), "node", c), "subject", issue);
                    })
                    .dataFetcher("updateIssueComment", env -> {
                        Map<String, Object> input = env.getArgument("input");
                        Map<String, Object> c = nodes.get((String) input.get("id"));
                        if (c == null || !"IssueComment".equals(c.get("__typename"))) {
                            return notFound(env, "Could not resolve to a node with the global id of '" + input.get("id") + "'");
                        }
                        c.put("body", input.get("body"));
                        return obj("issueComment", c);
                    })
                    .dataFetcher("closeIssue", env -> setState(env, "CLOSED"))
                    .dataFetcher("reopenIssue", env -> setState(env, "OPEN"))
                    .dataFetcher("createIssue", env -> {
                        Map<String, Object> input = env.getArgument("input");
                        Map<String, Object> repo = nodes.get((String) input.get("repositoryId"));
                        if (repo == null || !"Repository".equals(repo.get("__typename"))) {
                            return notFound(env, "Could not resolve to a Repository");
                        }
                        String identifier = issue((String) repo.get("nameWithOwner"), (String) input.get("title"), List.of());
                        Map<String, Object> created = find(identifier);
                        created.put("body", or(input.get("body"), ""));
                        @SuppressWarnings("unchecked")
                        List<Object> labelIds = (List<Object>) or(input.get("labelIds"), List.of());
                        for (Object labelId : labelIds) {
                            Map<String, Object> l = nodes.get((String) labelId);
                            if (l == null || !"Label".equals(l.get("__typename"))) {
                                return notFound(env, "Could not resolve to a Label");
                            }
                            list(created, "_labels").add(l);
                        }
                        return obj("issue", created);
                    })
                    .dataFetcher("updateProjectV2ItemFieldValue", env -> {
                        Map<String, Object> input = env.getArgument("input");
                        Map<String, Object> item = nodes.get((String) input.get("itemId"));
                        Map<String, Object> project = nodes.get((String) input.get("projectId"));
                        if (item == null || project == null || item.get("project") != project) {
                            return notFound(env, "Could not resolve to a ProjectV2Item in that project");
                        }
                        Map<String, Object> status = map(project.get("_status"));
                        String option = (String) map(input.get("value")).get("singleSelectOptionId");
                        if (!status.get("id").equals(input.get("fieldId")) || optionName(project, option) == null) {
                            return invalid(env, "The single select option Id does not belong to the field");
                        }
                        item.put("_option", option);
                        return obj("projectV2Item", item);
                    })
                    .dataFetcher("addProjectV2ItemById", env -> {
                        Map<String, Object> input = env.getArgument("input");
                        Map<String, Object> project = nodes.get((String) input.get("projectId"));
                        Map<String, Object> content = nodes.get((String) input.get("contentId"));
                        if (project == null || content == null) {
                            return notFound(env, "Could not resolve to a node");
                        }
                        for (Object existing : list(project, "_items")) {
                            if (map(existing).get("content") == content) {
                                return obj("item", existing);
                            }
                        }
                        Map<String, Object> item = node(obj("__typename", "ProjectV2Item", "id", id("PVTI"), "project", project,
                                "content", content, "_option", null));
                        list(project, "_items").add(item);
                        list(content, "_projectItems").add(item);
                        return obj("item", item);
                    }));
        }

        private Object setState(DataFetchingEnvironment env, String state) {
            Map<String, Object> input = env.getArgument("input");
            Map<String, Object> issue = nodes.get((String) input.get("issueId"));
            if (issue == null || !"Issue".equals(issue.get("__typename"))) {
                return notFound(env, "Could not resolve to an Issue");
            }
            issue.put("state", state);
            issue.put("closed", "CLOSED".equals(state));
            return obj("issue", issue);
        }

        private static Object page(DataFetchingEnvironment env, List<Object> all) {
            return connection(all, env.getArgument("first"), env.getArgument("after"), env.getArgument("last"));
        }

        private static DataFetcherResult<Object> notFound(DataFetchingEnvironment env, String message) {
            return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(env).message(message)
                    .extensions(Map.of("type", "NOT_FOUND")).build()).build();
        }

        private static DataFetcherResult<Object> invalid(DataFetchingEnvironment env, String message) {
            return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(env).message(message)
                    .extensions(Map.of("type", "UNPROCESSABLE")).build()).build();
        }
    }
}
