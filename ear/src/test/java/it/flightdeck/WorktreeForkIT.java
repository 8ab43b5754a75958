package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.send;
import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(send(source, "remember FORK-MARK-1").status()).isEqualTo(202);
        awaitDetail(source, Agents::idle, 60);

        Api.Resp forked = fork(source, "worktree", "{\"branch_name\":\"fork/one\"}");
        assertThat(forked.status()).as(forked.body()).isEqualTo(200);
        JsonObject wt = forked.json().getJsonObject("worktree");
        Path path = Path.of(wt.getString("worktree_path"));
        assertThat(path).isDirectory();
        assertThat(GitRepo.git(path, "symbolic-ref", "--short", "HEAD").trim()).isEqualTo("fork/one");
        assertThat(forked.json().getString("source_session_id")).isEqualTo(source);
        String fork = forked.json().getString("new_session_id");
        assertThat(forked.json().getJsonObject("session").getString("current_cwd")).isEqualTo(path.toString());
        assertThat(wt.getInt("active_session_count")).as("the fork works in the worktree").isEqualTo(1);
        JsonObject detail = Agents.detail(fork);
        assertThat(detail.getBoolean("is_worktree")).isTrue();
        assertThat(detail.getString("worktree_id")).isEqualTo(wt.getString("id"));
        assertThat(detail.getString("repository_root")).isEqualTo(repo.toString());

        assertThat(send(fork, "continue FORK-MARK-2").status()).isEqualTo(202);
        awaitDetail(fork, Agents::idle, 60);
        String history = MODEL.get().historyOf("FORK-MARK-2");
        assertThat(history).as("the fork carries the conversation: " + history).contains("FORK-MARK-1");

        // Into the same worktree again, by id.
        Api.Resp again = fork(source, "existing-worktree", "{\"worktree_id\":\"" + wt.getString("id") + "\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().getJsonObject("session").getString("current_cwd")).isEqualTo(path.toString());
        assertThat(again.json().getJsonObject("worktree").getInt("active_session_count")).isEqualTo(2);

        Api.Resp invalid = fork(source, "worktree", "{\"branch_name\":\"no..pe\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().getString("code")).isEqualTo("worktree_create_invalid_input");
        Api.Resp taken = fork(source, "worktree", "{\"branch_name\":\"fork/one\"}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(400);
        Api.Resp notFound = fork(source, "existing-worktree", "{\"worktree_id\":\"wt-nope\"}");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().getString("code")).isEqualTo("worktree_not_found");

        Path other = GitRepo.create("fd-fork-other-", "x.txt", "x\n");
        String foreign = WorktreeIT.create(other, "elsewhere").getJsonObject("worktree").getString("id");
        Api.Resp mismatch = fork(source, "existing-worktree", "{\"worktree_id\":\"" + foreign + "\"}");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().getString("code")).isEqualTo("worktree_repo_mismatch");

        JsonObject gone = WorktreeIT.create(repo, "gone").getJsonObject("worktree");
        GitRepo.git(repo, "worktree", "remove", "--force", gone.getString("worktree_path"));
        Api.Resp missing = fork(source, "existing-worktree", "{\"worktree_id\":\"" + gone.getString("id") + "\"}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(410);
        assertThat(missing.json().getString("code")).isEqualTo("worktree_missing");
        assertThat(GitRepo.git(repo, "branch", "--list")).doesNotContain("no..pe");
        for (String id : new String[] {source, fork, again.json().getString("new_session_id")}) {
            Api.post("/api/sessions/" + id + "/lifecycle/end", "{}");
        }
    }
}
