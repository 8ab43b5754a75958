package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import it.flightdeck.stub.StubGraphQlServer;
import it.flightdeck.stub.StubGitHub;
import it.flightdeck.stub.StubLinear;
import it.flightdeck.stub.Webhooks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Missions end to end on the started server: a repository's MISSION.md, the stub Linear the server is
 * pointed at, the real Claude Code CLI against the scripted model, and the mission tools served at /mcp.
 * Each test has its own repository, mission and Linear team, so their issues never meet.
 */
class MissionsIT {
    @RegisterExtension
    static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();

    static final String KEY = "lin_api_mission_key_" + UUID.randomUUID().toString().substring(0, 8);
    static final Duration RUN = Duration.ofSeconds(120);
    static StubLinear linear;

    @BeforeAll
    static void tracker() {
        linear = StubLinear.forServer(KEY);
        linear.label("agent", null);
    }

    @AfterAll
    static void stop() {
        if (linear != null) {
            assertThat(linear.invalidDocuments()).as("documents the Linear schema refused").isEmpty();
            linear.close();
        }
    }

    /** A MISSION.md watching one team's issues labelled agent, polled every second. */
    static String missionFile(String team, String extra, String body) {
        return "---\n"
                + "tracker: linear\n"
                + "provider:\n  strategy: single\n  primary: claude\n  max_concurrent: 2\n"
                + "trigger:\n  kind: polling\n  interval: 1\n  filters:\n    team: " + team + "\n    labels: [agent]\n"
                + "orchestration:\n  max_retries: 1\n  stall_timeout: 0\n  base_branch: main\n  backoff_base: 1\n"
                + "  backoff_max: 2\n  max_continuations: 1\n"
                + "agent:\n  claude:\n    allowed_tools: [\"Bash\"]\n"
                + extra
                + "---\n" + body + "\n";
    }

    record Mission(String id, Path repo) {
    }

    static Mission mission(String team, String file) {
        Path repo = GitRepo.create("mission-" + team.toLowerCase(), "MISSION.md", file, "README.md", "# app\n");
        Api.Resp created = Api.post("/api/missions", Json.createObjectBuilder().add("name", "Mission " + team)
                .add("repo_root", repo.toString()).add("tracker_kind", "linear").add("provider", "claude").build().toString());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().getString("id");
        Api.Resp key = Api.call("PUT", "/api/missions/" + id + "/tracker-key", "{\"key\":\"" + KEY + "\"}", Api.token());
        assertThat(key.status()).as(key.body()).isEqualTo(200);
        assertThat(key.json().getString("source")).isEqualTo("mission");
        assertThat(key.body()).doesNotContain(KEY);
        return new Mission(id, repo);
    }

    static void start(Mission m) {
        Api.Resp started = Api.post("/api/missions/" + m.id() + "/start-orchestrator", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
    }

    static JsonObject issue(Mission m, String identifier) {
        for (JsonValue v : Api.get("/api/missions/" + m.id() + "/issues").jsonArray()) {
            if (identifier.equals(v.asJsonObject().getString("identifier"))) {
                return v.asJsonObject();
            }
        }
        return null;
    }

    static JsonObject awaitIssue(Mission m, String identifier, String state) {
        return Await.until(identifier + " " + state, () -> issue(m, identifier),
                i -> i != null && state.equals(i.getString("orchestration_state")), RUN);
    }

    @Test
    void aRunGoesFromTheTrackerToAPullRequestOnItsOwnBranch() throws Exception {
        linear.team("RUN");
        String id = linear.issue("RUN", "Add a greeting", "Todo", 2, List.of("agent"), null);
        linear.issue("RUN", "Not for agents", "Todo", 1, List.of(), null);
        Mission m = mission("RUN", missionFile("RUN", "",
                "MISSION_RUN https://github.example/acme/app/pull/{{ issue.identifier | remove: \"RUN-\" }} In Review"));
        try (Ws ws = Ws.connect(Api.token())) {
            ws.send("{\"type\":\"subscribe_mission\",\"mission_id\":\"" + m.id() + "\"}");
            ws.await(f -> "mission_invalidated".equals(f.getString("type", "")), 10);
            start(m);

            JsonObject done = awaitIssue(m, id, "completed");
            String number = id.substring("RUN-".length());
            assertThat(done.getString("pr_url")).isEqualTo("https://github.example/acme/app/pull/" + number);
            assertThat(done.getInt("attempt")).isEqualTo(1);
            assertThat(done.getString("branch")).isEqualTo("mission/" + id.toLowerCase());
            assertThat(done.getJsonArray("allowed_transitions").getValuesAs(jakarta.json.JsonString.class))
                    .extracting(jakarta.json.JsonString::getString).containsExactly("queued");
            // Only the labelled issue was taken.
            assertThat(Api.get("/api/missions/" + m.id() + "/issues").jsonArray()).hasSize(1);

            // The tracker saw the run: moved to In Progress on dispatch, the PR attached, In Review at the end.
            assertThat(linear.stateOf(id)).isEqualTo("In Review");
            assertThat(linear.attachmentUrls(id)).containsExactly("https://github.example/acme/app/pull/" + number);
            List<String> moves = linear.operations().stream().filter(o -> o.name().equals("FlightdeckIssueUpdate"))
                    .map(o -> o.variables().toString()).toList();
            assertThat(moves).as("to In Progress, then to In Review").hasSizeGreaterThanOrEqualTo(2);

            // The agent worked on its own branch in its own worktree, and committed there.
            String log = GitRepo.git(m.repo(), "log", "--format=%s", "mission/" + id.toLowerCase());
            assertThat(log).contains(ScriptedModel.COMMIT_MESSAGE);
            assertThat(GitRepo.git(m.repo(), "log", "--format=%s", "main")).doesNotContain(ScriptedModel.COMMIT_MESSAGE);

            // The tools it used were Flightdeck's, through the flightdeck MCP server.
            assertThat(MODEL.get().offeredTools.stream().flatMap(List::stream))
                    .contains("mcp__flightdeck__mission_get_issue", "mcp__flightdeck__mission_link_pr",
                            "mcp__flightdeck__mission_set_status", "mcp__flightdeck__mission_report_blocked");

            // Subscribers heard the change, after commit, with a revision.
            JsonObject frame = ws.await(f -> "mission_invalidated".equals(f.getString("type", ""))
                    && f.getJsonNumber("revision").longValue() > 1, 10);
            assertThat(frame.getString("mission_id")).isEqualTo(m.id());

            // The run's session ended with it.
            String sessionId = done.getString("session_id");
            Agents.awaitDetail(sessionId, s -> "ended".equals(s.getString("status")), 30);
        }
        JsonObject detail = Api.get("/api/missions/" + m.id()).json();
        assertThat(detail.getJsonObject("summary").getInt("completed_count")).isEqualTo(1);
        assertThat(detail.getJsonObject("summary").getString("tracker_key_source")).isEqualTo("mission");
        assertThat(detail.getBoolean("mission_file_exists")).isTrue();
        assertThat(detail.getJsonObject("settings").getString("tracker")).isEqualTo("linear");
        assertThat(detail.toString()).doesNotContain(KEY);
    }

    @Test
    void anAgentsEnvironmentHoldsNoTrackerKeyAndAStopWithoutEvidenceIsAFailure() throws Exception {
        linear.team("ENV");
        String id = linear.issue("ENV", "Show the environment", "Todo", 1, List.of("agent"), null);
        Mission m = mission("ENV", missionFile("ENV", "", "RUN_BASH env > {{ workspace.path }}/agent-env.txt"));
        start(m);
        JsonObject failed = awaitIssue(m, id, "failed");
        // The agent stopped twice without a PR, a status or a blocker: that is no success.
        assertThat(failed.getString("error")).contains("without linking a PR");
        assertThat(failed.containsKey("pr_url")).isFalse();
        Path dump = Path.of(issueWorktree(m, id)).resolve("agent-env.txt");
        String env = Files.readString(dump);
        assertThat(env).contains("PATH=").doesNotContain(KEY).doesNotContain("lin_api_it_env_key")
                .doesNotContain("FLIGHTDECK_").doesNotContain("LINEAR_API_KEY");
        // The tracker heard nothing of a success.
        assertThat(linear.stateOf(id)).isEqualTo("In Progress");
    }

    static String issueWorktree(Mission m, String identifier) {
        for (JsonValue v : Api.get("/api/missions/" + m.id() + "/worktrees").json().getJsonArray("worktrees")) {
            if (identifier.equals(v.asJsonObject().getString("issue_identifier"))) {
                return v.asJsonObject().getString("worktree_path");
            }
        }
        throw new AssertionError("no worktree for " + identifier);
    }

    @Test
    void aRunOverItsBudgetIsBlockedWithTheReasonShown() {
        linear.team("BUD");
        String id = linear.issue("BUD", "Spend too much", "Todo", 1, List.of("agent"), null);
        Mission m = mission("BUD", missionFile("BUD", "budget:\n  max_tokens: 50\n", "Say hello"));
        start(m);
        JsonObject blocked = awaitIssue(m, id, "blocked");
        assertThat(blocked.getString("hold_reason")).isEqualTo("budget");
        assertThat(blocked.getString("error")).contains("tokens used of 50");
        assertThat(blocked.getJsonNumber("tokens_used").longValue()).isGreaterThanOrEqualTo(50);
        assertThat(blocked.getString("budget_warning")).contains("of 50 tokens used (warning at 80%)");
        // Blocked is never retried on its own: a later poll leaves it blocked, with one run only.
        int before = polls("BUD");
        Api.post("/api/missions/" + m.id() + "/trigger", null);
        Await.until("another poll", () -> polls("BUD"), n -> n > before, RUN);
        assertThat(issue(m, id).getString("orchestration_state")).isEqualTo("blocked");
        assertThat(issue(m, id).getInt("attempts_total")).isEqualTo(1);
    }

    /** This team's candidate polls: the stub is shared by every test's mission, each polling its own team. */
    static int polls(String team) {
        return (int) linear.operations("FlightdeckIssues").stream()
                .filter(o -> o.variables().toString().contains("\"eq\":\"" + team + "\"")).count();
    }

    @Test
    void aWebhookDeliveredTwiceAsksForOneRefresh() throws Exception {
        linear.team("HOOK");
        linear.team("HOOKB");
        Mission m = mission("HOOK", missionFile("HOOK", "", "Say hello").replace("interval: 1", "interval: 3600"));
        // A second mission, ticked after the first (missions are ticked in order of creation): once its poll
        // has happened, any poll the first one had been asked for before has happened too.
        Mission barrier = mission("HOOKB", missionFile("HOOKB", "", "Say hello").replace("interval: 1", "interval: 3600"));
        String secret = "whsec_" + UUID.randomUUID();
        assertThat(Api.call("PUT", "/api/missions/" + m.id() + "/webhook-secret", "{\"secret\":\"" + secret + "\"}",
                Api.token()).status()).isEqualTo(200);
        start(m);
        start(barrier);
        int first = Await.until("the first poll", () -> polls("HOOK"), n -> n >= 1, RUN);
        Await.until("the barrier's first poll", () -> polls("HOOKB"), n -> n >= 1, RUN);
        URI hook = URI.create(Api.BASE + "/api/missions/" + m.id() + "/webhooks/linear");
        String body = "{\"action\":\"update\",\"type\":\"Issue\",\"webhookTimestamp\":" + System.currentTimeMillis() + "}";
        // No token: the signature is what authenticates a webhook; a wrong one is refused.
        assertThat(Webhooks.linear(hook, "not-the-secret-at-all", body).statusCode()).isEqualTo(401);
        String delivery = UUID.randomUUID().toString();
        assertThat(Webhooks.linear(hook, secret, body, delivery).statusCode()).isEqualTo(202);
        Await.until("the refresh", () -> polls("HOOK"), n -> n == first + 1, RUN);

        assertThat(Webhooks.linear(hook, secret, body, delivery).statusCode()).as("the redelivery").isEqualTo(200);
        int barrierPolls = polls("HOOKB");
        Api.post("/api/missions/" + barrier.id() + "/trigger", null);
        Await.until("the barrier's poll", () -> polls("HOOKB"), n -> n > barrierPolls, RUN);
        assertThat(polls("HOOK")).as("polls after the redelivery").isEqualTo(first + 1);
    }

    @Test
    void triggerAndDispatchHonourIdempotencyKeys() {
        linear.team("IDEM");
        String id = linear.issue("IDEM", "Dispatch me", "Backlog", 3, List.of(), null);
        Mission m = mission("IDEM", missionFile("IDEM", "", "MISSION_RUN https://example.test/pr/1 In Review")
                .replace("kind: polling", "kind: manual_only"));
        String uri = Api.BASE + "/api/missions/" + m.id();
        Api.Resp a = Api.send(request(uri + "/trigger", "k-1", ""));
        Api.Resp b = Api.send(request(uri + "/trigger", "k-1", ""));
        assertThat(a.status()).isEqualTo(200);
        assertThat(b.body()).isEqualTo(a.body());
        String body = "{\"issue_identifier\":\"" + id + "\"}";
        Api.Resp first = Api.send(request(uri + "/dispatch", "d-1", body));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Api.Resp replay = Api.send(request(uri + "/dispatch", "d-1", body));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        Api.Resp other = Api.send(request(uri + "/dispatch", "d-1", "{\"issue_identifier\":\"IDEM-999\"}"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().getString("code")).isEqualTo("idempotency_key_reused");
        // The manual dispatch ran even though the issue matches no filter and the trigger is manual.
        awaitIssue(m, id, "completed");
        // Dispatching a completed issue again is refused until a person re-queues it.
        Api.Resp again = Api.post("/api/missions/" + m.id() + "/dispatch", body);
        assertThat(again.status()).isEqualTo(409);
    }

    static java.net.http.HttpRequest request(String uri, String key, String body) {
        return java.net.http.HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + Api.token())
                .header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void peopleMoveIssuesOnlyAlongTheContractsTransitions() {
        linear.team("MAN");
        String id = linear.issue("MAN", "Hand work", "Todo", 1, List.of(), null);
        Mission m = mission("MAN", missionFile("MAN", "", "Say hello").replace("kind: polling", "kind: manual_only"));
        Api.Resp unknown = Api.post("/api/missions/" + m.id() + "/issues/" + id + "/blocked", "{\"reason\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("code")).isEqualTo("issue_not_found");
        Api.Resp badMission = Api.post("/api/missions/mission-none/issues/x/retry", null);
        assertThat(badMission.status()).isEqualTo(404);
        assertThat(badMission.json().getString("code")).isEqualTo("mission_not_found");

        // A run that only says hello hands nothing off: nudged once, then failed.
        assertThat(Api.post("/api/missions/" + m.id() + "/dispatch", "{\"issue_identifier\":\"" + id + "\"}").status())
                .isEqualTo(200);
        awaitIssue(m, id, "failed");
        String base = "/api/missions/" + m.id() + "/issues/" + id;
        Api.Resp wrong = Api.post(base + "/transition", "{\"target_state\":\"running\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().getString("code")).isEqualTo("invalid_transition");
        Api.Resp nowhere = Api.post(base + "/transition", "{\"target_state\":\"nowhere\"}");
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.json().getString("code")).isEqualTo("invalid_state");

        JsonObject requeued = Api.post(base + "/transition", "{\"target_state\":\"queued\"}").json();
        JsonObject row = requeued.getJsonArray("issues").getJsonObject(0);
        assertThat(row.getString("orchestration_state")).isEqualTo("queued");
        assertThat(row.getInt("attempt")).isZero();
        assertThat(row.containsKey("error")).isFalse();
        // manual_only: a queued issue waits for a person; nothing dispatches it.
        assertThat(Api.post(base + "/blocked", "{\"reason\":\"waiting for design\"}").json().getJsonArray("issues")
                .getJsonObject(0).getString("error")).isEqualTo("waiting for design");
        assertThat(issue(m, id).getString("hold_reason")).isEqualTo("operator");
        assertThat(Api.post(base + "/pr", "{\"pr_url\":\"ftp://nope\"}").status()).isEqualTo(400);
        assertThat(Api.post(base + "/pr", "{\"pr_url\":\"https://example.test/pr/7\"}").status()).isEqualTo(200);
        JsonObject completed = Api.post(base + "/complete", "{}").json().getJsonArray("issues").getJsonObject(0);
        assertThat(completed.getString("orchestration_state")).isEqualTo("completed");
        assertThat(completed.getString("pr_url")).isEqualTo("https://example.test/pr/7");
        assertThat(issue(m, id).getInt("attempts_total")).isEqualTo(1);
    }

    /** The first attempt runs {@code first}; every later one does the whole run and hands off. */
    static String retried(String first) {
        return "{% if attempt > 1 %}MISSION_RUN https://example.test/pr/{{ issue.identifier }} In Review"
                + "{% else %}" + first + "{% endif %}";
    }

    @Test
    void aModelFailureIsRetriedAfterItsBackoffOnTheSameBranch() {
        linear.team("ERR");
        String id = linear.issue("ERR", "Fail once", "Todo", 1, List.of("agent"), null);
        Mission m = mission("ERR", missionFile("ERR", "", retried("MODEL_ERROR"))
                .replace("backoff_base: 1", "backoff_base: 4").replace("backoff_max: 2", "backoff_max: 8"));
        start(m);
        JsonObject queued = awaitIssue(m, id, "retry_queued");
        long seen = System.currentTimeMillis();
        assertThat(queued.getString("retry_kind")).isEqualTo("failure");
        assertThat(queued.getString("error")).contains("failed");
        // Equal jitter on the first failure: due between half the base and the base after it happened.
        long due = java.time.Instant.parse(queued.getString("retry_due_at")).toEpochMilli();
        assertThat(due - seen).isBetween(-1_000L, 4_000L);
        String firstBranch = queued.getString("branch");

        JsonObject done = awaitIssue(m, id, "completed");
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(due);
        assertThat(done.getInt("attempt")).isEqualTo(2);
        assertThat(done.getInt("attempts_total")).isEqualTo(2);
        assertThat(done.getString("branch")).isEqualTo(firstBranch).isEqualTo("mission/" + id.toLowerCase());
        assertThat(done.getString("pr_url")).isEqualTo("https://example.test/pr/" + id);
        // The run history: the failed attempt, then the one that handed off.
        JsonObject runs = Api.get("/api/missions/" + m.id() + "/issues/" + id + "/runs").json();
        assertThat(runs.getJsonArray("runs")).extracting(r -> r.asJsonObject().getString("outcome"))
                .containsExactly("succeeded", "failed");
        assertThat(runs.getJsonArray("runs").getJsonObject(1).getString("error")).contains("scripted model failure");
        // One worktree served both attempts.
        assertThat(Api.get("/api/missions/" + m.id() + "/worktrees").json().getJsonArray("worktrees")).hasSize(1);
    }

    @Test
    void aStalledRunIsEndedAndRetried() {
        linear.team("STL");
        String id = linear.issue("STL", "Hang once", "Todo", 1, List.of("agent"), null);
        Mission m = mission("STL", missionFile("STL", "", retried("HANG")).replace("stall_timeout: 0", "stall_timeout: 10"));
        start(m);
        JsonObject running = awaitIssue(m, id, "running");
        String firstSession = running.getString("session_id");
        JsonObject done = awaitIssue(m, id, "completed");
        assertThat(done.getInt("attempt")).isEqualTo(2);
        assertThat(done.getString("session_id")).isNotEqualTo(firstSession);
        // The stalled attempt's session was ended, not left running.
        assertThat(Agents.detail(firstSession).getString("status")).isEqualTo("ended");
    }

    @Test
    void anIssueMovedToDoneMidRunEndsItsSession() {
        linear.team("DON");
        String id = linear.issue("DON", "Finished elsewhere", "Todo", 1, List.of("agent"), null);
        Mission m = mission("DON", missionFile("DON", "", "HANG"));
        start(m);
        JsonObject running = awaitIssue(m, id, "running");
        String session = running.getString("session_id");
        Agents.awaitDetail(session, s -> "working".equals(s.getString("work_status", "")), 60);
        linear.setState(id, "Done");
        JsonObject done = awaitIssue(m, id, "completed");
        assertThat(done.getString("tracker_state")).isEqualTo("Done");
        assertThat(done.containsKey("pr_url")).isFalse();
        Agents.awaitDetail(session, s -> "ended".equals(s.getString("status")), 30);
    }

    @Test
    void aCodexRunHandsOffThroughTheSameToolsAsAClaudeRun() throws Exception {
        Agents.configureCodex(MODEL.get().port());
        linear.team("CDX");
        String id = linear.issue("CDX", "Codex work", "Todo", 1, List.of("agent"), null);
        // Codex's workspace-write sandbox keeps git's metadata read-only, so the agent writes its work and
        // has Flightdeck commit it through mission_commit.
        Mission m = mission("CDX", missionFile("CDX", "budget:\n  max_tokens: 1000000\n",
                "MISSION_WORK {{ workspace.path }}/WORK.md https://example.test/pr/{{ issue.identifier }} In Review")
                .replace("primary: claude", "primary: codex"));
        start(m);
        JsonObject done = awaitIssue(m, id, "completed");
        assertThat(done.getString("provider")).isEqualTo("codex");
        assertThat(done.getString("pr_url")).isEqualTo("https://example.test/pr/" + id);
        assertThat(linear.stateOf(id)).isEqualTo("In Review");
        assertThat(linear.attachmentUrls(id)).containsExactly("https://example.test/pr/" + id);

        // The written file is committed on the issue's branch, and only there.
        String branch = "mission/" + id.toLowerCase();
        List<String> results = MODEL.get().toolResultsStartingWith("MISSION_WORK ");
        assertThat(GitRepo.git(m.repo(), "log", "--format=%s", branch)).as("tool results: %s", results)
                .contains(ScriptedModel.COMMIT_MESSAGE);
        assertThat(GitRepo.git(m.repo(), "show", branch + ":WORK.md").strip()).isEqualTo(ScriptedModel.WRITTEN.strip());
        assertThat(GitRepo.git(m.repo(), "log", "--format=%s", "main")).doesNotContain(ScriptedModel.COMMIT_MESSAGE);
        // mission_get_issue showed the agent its budget, with no warning this far below the cap.
        assertThat(results.get(0)).contains("\"max_tokens\":1000000").doesNotContain("warning");
        assertThat(results.get(2)).contains("\"committed\":true").contains("\"branch\":\"" + branch + "\"");
        assertThat(MODEL.get().offeredTools.stream().flatMap(List::stream))
                .contains("mcp__flightdeck/mission_get_issue", "mcp__flightdeck/mission_commit");
    }

    @Test
    void aGitHubIssueOnAProjectBoardRunsToReviewWithItsPullRequest() throws Exception {
        String token = "ghp_mission_" + UUID.randomUUID().toString().substring(0, 8);
        try (StubGitHub github = StubGitHub.forServer(token)) {
            github.repository("acme", "gh-app", "agent");
            github.project("acme", 5, "Todo", "In Progress", "In Review", "Done");
            String id = github.issue("acme/gh-app", "Add a footer", "agent");
            String unlabelled = github.issue("acme/gh-app", "Not for agents");
            github.onBoard("acme", 5, id, "Todo");
            github.onBoard("acme", 5, unlabelled, "Todo");
            String file = "---\ntracker: github\n"
                    + "provider:\n  strategy: single\n  primary: claude\n  max_concurrent: 1\n"
                    + "trigger:\n  kind: polling\n  interval: 1\n  filters:\n    project: \"5\"\n    team: acme/gh-app\n"
                    + "    labels: [agent]\n    states: [Todo]\n"
                    + "orchestration:\n  max_retries: 0\n  stall_timeout: 0\n  base_branch: main\n"
                    + "---\nMISSION_WORK {{ workspace.path }}/FOOTER.md https://github.com/acme/gh-app/pull/1 In Review\n";
            Path repo = GitRepo.create("mission-gh", "MISSION.md", file, "README.md", "# app\n");
            Api.Resp created = Api.post("/api/missions", Json.createObjectBuilder().add("name", "Mission GH")
                    .add("repo_root", repo.toString()).add("tracker_kind", "github").add("provider", "claude").build().toString());
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            Mission m = new Mission(created.json().getString("id"), repo);
            Api.Resp key = Api.call("PUT", "/api/missions/" + m.id() + "/tracker-key", "{\"key\":\"" + token + "\"}", Api.token());
            assertThat(key.status()).as(key.body()).isEqualTo(200);
            start(m);

            JsonObject done = awaitIssue(m, id, "completed");
            assertThat(done.getString("pr_url")).isEqualTo("https://github.com/acme/gh-app/pull/1");
            assertThat(Api.get("/api/missions/" + m.id() + "/issues").jsonArray()).as("only the labelled issue").hasSize(1);
            // The board's Status moved to In Review, and the PR was linked as a comment on the issue.
            assertThat(github.statusOf(id, 5)).isEqualTo("In Review");
            assertThat(github.commentBodies(id)).anySatisfy(c -> assertThat(c).contains("https://github.com/acme/gh-app/pull/1"));
            assertThat(github.stateOf(unlabelled)).isEqualTo("OPEN");
            assertThat(github.statusOf(unlabelled, 5)).isEqualTo("Todo");
            // Claude's written file was committed through mission_commit on the issue's branch.
            String branch = done.getString("branch");
            assertThat(GitRepo.git(repo, "log", "--format=%s", branch)).contains(ScriptedModel.COMMIT_MESSAGE);
            assertThat(GitRepo.git(repo, "show", branch + ":FOOTER.md").strip()).isEqualTo(ScriptedModel.WRITTEN.strip());
            assertThat(github.invalidDocuments()).as("documents the GitHub schema refused").isEmpty();
            Agents.awaitDetail(done.getString("session_id"), s -> "ended".equals(s.getString("status")), 30);
        }
    }
}
