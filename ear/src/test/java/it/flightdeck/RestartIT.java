package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs in its own failsafe execution after the others: stops the server, starts it again, and checks nothing was lost. */
class RestartIT {
    static final String STATIC_TOKEN = "it-static-token-" + System.nanoTime();

    @Test
    void revisionsContinueAndReplayWorksAcrossARestart() throws Exception {
        int port = Integer.getInteger("it.scripted.model.port", 4199);
        ScriptedModel model = new ScriptedModel(port);
        Agents.configureCodex(port);
        Agents.Session codex = CodexAgentIT.create();
        assertThat(Agents.send(codex.id(), "remember the fruit GUAVA").status()).isEqualTo(202);
        Agents.awaitDetail(codex.id(), d -> Agents.idle(d) && d.getInt("turn_count") == 1, 60);
        Agents.Session agent = Agents.create();
        assertThat(Agents.send(agent.id(), "remember the word PAPAYA").status()).isEqualTo(202);
        Agents.awaitDetail(agent.id(), d -> Agents.idle(d) && d.getInt("turn_count") == 1, 60);
        assertThat(Agents.agentProcesses(agent.dir())).isNotEmpty();

        String id = Api.createSession();
        Api.patch("/api/sessions/" + id + "/detail/name", "{\"name\":\"before restart\"}");
        long since = Api.detailRevision(id);
        Api.patch("/api/sessions/" + id + "/detail/summary", "{\"summary\":\"missed 1\"}");
        Api.patch("/api/sessions/" + id + "/detail/summary", "{\"summary\":\"missed 2\"}");
        long sessionRev = Api.detailRevision(id);
        long listRev = Api.get("/api/sessions/summary").json().getJsonNumber("revision").longValue();
        java.nio.file.Path repo = GitRepo.create("fd-restart-wt-", "f.txt", "x\n");
        JsonObject worktree = WorktreeIT.create(repo, "left-behind").getJsonObject("worktree");
        long worktreeRev = WorktreeIT.listing(repo).getJsonNumber("worktree_revision").longValue();

        // While the server is down, the worktree's directory is removed by hand.
        restart(() -> GitRepo.git(repo, "worktree", "remove", "--force", worktree.getString("worktree_path")));

        // The boot reconciles it, and worktree revisions go on from where they were.
        long deadline = System.currentTimeMillis() + 30_000;
        JsonObject seen = null;
        while (System.currentTimeMillis() < deadline) {
            seen = WorktreeIT.find(WorktreeIT.listing(repo), worktree.getString("id"));
            if ("orphaned".equals(seen.getString("status"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(seen.getString("status")).isEqualTo("orphaned");
        assertThat(seen.getBoolean("disk_present")).isFalse();
        assertThat(WorktreeIT.listing(repo).getJsonNumber("worktree_revision").longValue()).isGreaterThan(worktreeRev);

        // The agent did not outlive the server, and its conversation resumes where it was.
        assertThat(Agents.agentProcesses(agent.dir())).isEmpty();
        JsonObject before = Agents.detail(agent.id());
        assertThat(before.getBoolean("can_interrupt")).isFalse();
        int requests = model.histories.size();
        assertThat(Agents.send(agent.id(), "which word?").status()).isEqualTo(202);
        Agents.awaitDetail(agent.id(), d -> Agents.idle(d) && d.getInt("turn_count") == 2, 60);
        assertThat(model.histories.subList(requests, model.histories.size()))
                .anySatisfy(h -> assertThat(h).contains("remember the word PAPAYA").contains("which word?"));
        Agents.end(agent);
        // Codex too: its thread is resumed (thread/resume), so the model sees the earlier turn.
        assertThat(Agents.agentProcesses(codex.dir())).isEmpty();
        requests = model.histories.size();
        assertThat(Agents.send(codex.id(), "which fruit?").status()).isEqualTo(202);
        Agents.awaitDetail(codex.id(), d -> Agents.idle(d) && d.getInt("turn_count") == 2, 60);
        assertThat(model.histories.subList(requests, model.histories.size()))
                .anySatisfy(h -> assertThat(h).contains("remember the fruit GUAVA").contains("which fruit?"));
        Agents.end(codex);
        model.close();

        assertThat(Api.detailRevision(id)).isEqualTo(sessionRev);
        JsonObject s = Api.get("/api/sessions/" + id + "/detail").json().getJsonObject("session");
        assertThat(s.getString("display_title")).isEqualTo("before restart");
        assertThat(s.getString("summary")).isEqualTo("missed 2");
        // The list revision goes on from where it was; the reaped agent and its resumed turn added their own changes.
        assertThat(Api.get("/api/sessions/summary").json().getJsonNumber("revision").longValue()).isGreaterThan(listRev);

        try (Ws ws = Ws.connect(Api.token())) {
            ws.awaitType("server_info");
            ws.send(WebSocketIT.surface(id, "conversation", since));
            List<JsonObject> replay = ws.drain(1500);
            assertThat(replay).extracting(f -> f.getJsonNumber("revision").longValue())
                    .containsExactly(since + 1, since + 2);
            assertThat(replay).extracting(f -> f.getJsonObject("changes").getString("summary"))
                    .containsExactly("missed 1", "missed 2");
            Api.patch("/api/sessions/" + id + "/detail/summary", "{\"summary\":\"after\"}");
            assertThat(ws.awaitType("session_delta").getJsonNumber("revision").longValue()).isEqualTo(sessionRev + 1);
        }
        // The static token from the environment works beside the database tokens.
        assertThat(Api.call("GET", "/api/sessions/summary", null, STATIC_TOKEN).status()).isEqualTo(200);
        assertThat(Api.call("GET", "/api/sessions/summary", null, STATIC_TOKEN + "x").status()).isEqualTo(401);
    }

    @Test
    void aMissionRunInFlightIsCarriedOnAfterARestart() throws Exception {
        int port = Integer.getInteger("it.scripted.model.port", 4199);
        try (ScriptedModel model = new ScriptedModel(port);
             it.flightdeck.stub.StubLinear linear = it.flightdeck.stub.StubLinear.forServer(MissionsIT.KEY)) {
            linear.team("RST");
            linear.label("agent", null);
            String issue = linear.issue("RST", "Survive a restart", "Todo", 1, List.of("agent"), null);
            MissionsIT.Mission m = MissionsIT.mission("RST", MissionsIT.missionFile("RST", "", MissionsIT.retried("HANG")));
            MissionsIT.start(m);
            JsonObject running = MissionsIT.awaitIssue(m, issue, "running");
            assertThat(running.getInt("attempt")).isEqualTo(1);
            long revision = Api.get("/api/missions/" + m.id()).json().getJsonObject("summary")
                    .getJsonNumber("revision").longValue();

            restart(() -> { });

            // Nothing was lost: the mission still runs, the issue remembers its attempt and branch; its
            // agent died with the server, so that attempt failed and the next one finishes on the same branch.
            JsonObject done = MissionsIT.awaitIssue(m, issue, "completed");
            assertThat(done.getInt("attempt")).isEqualTo(2);
            assertThat(done.getInt("attempts_total")).isEqualTo(2);
            assertThat(done.getString("branch")).isEqualTo(running.getString("branch"));
            assertThat(done.getString("session_id")).isNotEqualTo(running.getString("session_id"));
            assertThat(Api.get("/api/missions/" + m.id()).json().getJsonObject("summary").getJsonNumber("revision")
                    .longValue()).isGreaterThan(revision);
        }
    }

    private static void restart(Runnable whileDown) throws Exception {
        TestServer.stop();
        whileDown.run();
        TestServer.start(Map.of("FLIGHTDECK_AUTH_TOKEN", STATIC_TOKEN));
    }
}
