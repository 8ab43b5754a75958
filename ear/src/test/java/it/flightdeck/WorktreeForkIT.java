package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Forking a session into a worktree: the real CLI continues the conversation there. */
class WorktreeForkIT {
    @RegisterExtension
    static final ScriptedModel.PerClass MODEL = new ScriptedModel.PerClass();

    static Api.Resp fork(String sessionId, String kind, String body) {
        return Api.post("/api/sessions/" + sessionId + "/lifecycle/fork/" + kind, body);
    }

    @Test
    void aForkIntoANewWorktreeRemembersTheConversationAndWorksOnItsOwnBranch() throws Exception {
        Path repo = GitRepo.create("fd-fork-wt-", "app.txt", "v1\n");
        Api.Resp created = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + repo + "\"}");
        String source = created.json().getString("session_id");
        assertEquals(202, send(source, "remember FORK-MARK-1").status());
        awaitDetail(source, Agents::idle, 60);

        Api.Resp forked = fork(source, "worktree", "{\"branch_name\":\"fork/one\"}");
        assertEquals(200, forked.status(), forked.body());
        JsonObject wt = forked.json().getJsonObject("worktree");
        Path path = Path.of(wt.getString("worktree_path"));
        assertTrue(Files.isDirectory(path));
        assertEquals("fork/one", GitRepo.git(path, "symbolic-ref", "--short", "HEAD").trim());
        assertEquals(source, forked.json().getString("source_session_id"));
        String fork = forked.json().getString("new_session_id");
        assertEquals(path.toString(), forked.json().getJsonObject("session").getString("current_cwd"));
        assertEquals(1, wt.getInt("active_session_count"), "the fork works in the worktree");
        JsonObject detail = Agents.detail(fork);
        assertTrue(detail.getBoolean("is_worktree"));
        assertEquals(wt.getString("id"), detail.getString("worktree_id"));
        assertEquals(repo.toString(), detail.getString("repository_root"));

        assertEquals(202, send(fork, "continue FORK-MARK-2").status());
        awaitDetail(fork, Agents::idle, 60);
        String history = MODEL.get().historyOf("FORK-MARK-2");
        assertTrue(history.contains("FORK-MARK-1"), "the fork carries the conversation: " + history);

        // Into the same worktree again, by id.
        Api.Resp again = fork(source, "existing-worktree", "{\"worktree_id\":\"" + wt.getString("id") + "\"}");
        assertEquals(200, again.status(), again.body());
        assertEquals(path.toString(), again.json().getJsonObject("session").getString("current_cwd"));
        assertEquals(2, again.json().getJsonObject("worktree").getInt("active_session_count"));

        Api.Resp invalid = fork(source, "worktree", "{\"branch_name\":\"no..pe\"}");
        assertEquals(400, invalid.status());
        assertEquals("worktree_create_invalid_input", invalid.json().getString("code"));
        Api.Resp taken = fork(source, "worktree", "{\"branch_name\":\"fork/one\"}");
        assertEquals(400, taken.status(), taken.body());
        Api.Resp notFound = fork(source, "existing-worktree", "{\"worktree_id\":\"wt-nope\"}");
        assertEquals(404, notFound.status());
        assertEquals("worktree_not_found", notFound.json().getString("code"));

        Path other = GitRepo.create("fd-fork-other-", "x.txt", "x\n");
        String foreign = WorktreeIT.create(other, "elsewhere").getJsonObject("worktree").getString("id");
        Api.Resp mismatch = fork(source, "existing-worktree", "{\"worktree_id\":\"" + foreign + "\"}");
        assertEquals(400, mismatch.status());
        assertEquals("worktree_repo_mismatch", mismatch.json().getString("code"));

        JsonObject gone = WorktreeIT.create(repo, "gone").getJsonObject("worktree");
        GitRepo.git(repo, "worktree", "remove", "--force", gone.getString("worktree_path"));
        Api.Resp missing = fork(source, "existing-worktree", "{\"worktree_id\":\"" + gone.getString("id") + "\"}");
        assertEquals(410, missing.status(), missing.body());
        assertEquals("worktree_missing", missing.json().getString("code"));
        assertFalse(GitRepo.git(repo, "branch", "--list").contains("no..pe"));
        for (String id : new String[] {source, fork, again.json().getString("new_session_id")}) {
            Api.post("/api/sessions/" + id + "/lifecycle/end", "{}");
        }
    }
}
