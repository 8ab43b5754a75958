package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Worktrees on real git repositories: create, list, discover, reconcile, and the snapshot safety net. */
class WorktreeIT {
    static JsonObject create(Path repo, String branch) {
        Api.Resp r = Api.post("/api/worktrees", "{\"repo_path\":\"" + repo + "\",\"branch_name\":\"" + branch + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonObject listing(Path repo) {
        Api.Resp r = Api.get("/api/worktrees?repo_root=" + URLEncoder.encode(repo.toString(), StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonObject find(JsonObject listing, String id) {
        for (JsonValue v : listing.getJsonArray("worktrees")) {
            if (id.equals(Api.str(v.asJsonObject(), "id"))) {
                return v.asJsonObject();
            }
        }
        return null;
    }

    @Test
    void createMakesABranchAndWorktreeCopiesIncludedFilesAndIsAnnounced() throws Exception {
        Path repo = GitRepo.create("fd-wt-", "README.md", "hello\n", ".gitignore", ".env\nbuild/\n",
                ".worktreeinclude", ".env\n");
        Files.writeString(repo.resolve(".env"), "SECRET=1\n");
        Files.createDirectories(repo.resolve("build"));
        Files.writeString(repo.resolve("build/out.o"), "not copied");
        try (Ws ws = Ws.connect(Api.token())) {
            long before = listing(repo).getJsonNumber("worktree_revision").longValue();
            JsonObject created = create(repo, "feat/one");
            JsonObject wt = created.getJsonObject("worktree");
            Path path = Path.of(wt.getString("worktree_path"));
            assertThat(created.getString("repo_root")).isEqualTo(repo.toString());
            assertThat(path).isEqualTo(repo.resolve(".flightdeck-worktrees/feat-one"));
            assertThat(wt.getString("branch")).isEqualTo("feat/one");
            assertThat(wt.getString("base_branch")).isEqualTo("main");
            assertThat(wt.getString("status")).isEqualTo("active");
            assertThat(wt.getBoolean("disk_present")).isTrue();
            assertThat(wt.getString("base_sha")).isEqualTo(GitRepo.git(repo, "rev-parse", "main").trim());
            assertThat(GitRepo.git(path, "symbolic-ref", "--short", "HEAD").trim()).isEqualTo("feat/one");
            assertThat(Files.readString(path.resolve("README.md"))).isEqualTo("hello\n");
            assertThat(Files.readString(path.resolve(".env"))).as(".worktreeinclude files are copied").isEqualTo("SECRET=1\n");
            assertThat(path.resolve("build/out.o")).as("only what .worktreeinclude names is copied").doesNotExist();
            assertThat(GitRepo.git(repo, "status", "--porcelain")).as("the worktrees directory is excluded").isEqualTo("");

            JsonObject event = ws.await(f -> "worktree_created".equals(f.getString("type", null))
                    && wt.getString("id").equals(f.getJsonObject("worktree").getString("id")), 10);
            long revision = event.getJsonNumber("worktree_revision").longValue();
            assertThat(revision).isGreaterThan(before);
            assertThat(created.getJsonNumber("worktree_revision").longValue()).isEqualTo(revision);
            assertThat(find(listing(repo), wt.getString("id"))).isNotNull();
        }

        Api.Resp taken = Api.post("/api/worktrees", "{\"repo_path\":\"" + repo + "\",\"branch_name\":\"feat/one\"}");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().getString("code")).isEqualTo("create_failed");
        for (String body : new String[] {"{\"repo_path\":\"" + repo + "\",\"branch_name\":\"bad..name\"}",
                "{\"repo_path\":\"" + repo + "\",\"branch_name\":\"x\",\"base_branch\":\"no-such\"}",
                "{\"repo_path\":\"" + Files.createTempDirectory("fd-not-git-") + "\",\"branch_name\":\"x\"}",
                "{\"branch_name\":\"x\"}"}) {
            Api.Resp r = Api.post("/api/worktrees", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().getString("code")).as(body).isEqualTo("create_failed");
        }
    }

    @Test
    void removingSnapshotsUncommittedAndUntrackedWorkWhichRestoresByteForByte() throws Exception {
        Path repo = GitRepo.create("fd-wt-snap-", "a.txt", "one\n", "b.txt", "two\n", "keep/c.txt", "three\n");
        JsonObject wt = create(repo, "work").getJsonObject("worktree");
        String id = wt.getString("id");
        Path path = Path.of(wt.getString("worktree_path"));
        GitRepo.git(path, "commit", "-q", "--allow-empty", "-m", "a commit only this branch has");
        String tip = GitRepo.git(path, "rev-parse", "HEAD").trim();
        Files.writeString(path.resolve("a.txt"), "one, edited\n");
        Files.delete(path.resolve("b.txt"));
        Files.writeString(path.resolve("new.txt"), "untracked\n");
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        Files.write(path.resolve("keep/blob.bin"), binary);
        GitRepo.git(path, "add", "a.txt");
        Files.writeString(path.resolve("keep/c.txt"), "three, staged\n");
        GitRepo.git(path, "add", "keep/c.txt");
        Files.writeString(path.resolve("keep/c.txt"), "three, staged then edited\n");
        String status = GitRepo.git(path, "status", "--porcelain");
        String staged = GitRepo.git(path, "diff", "--cached");

        Api.Resp refused = Api.delete("/api/worktrees/" + id);
        assertThat(refused.status()).as("uncommitted work needs force: " + refused.body()).isEqualTo(400);
        assertThat(refused.json().getString("code")).isEqualTo("remove_failed");
        assertThat(path.resolve("new.txt")).as("a refused removal changes nothing").exists();

        Api.Resp removed = Api.delete("/api/worktrees/" + id + "?force=true&delete_branch=true");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().getBoolean("deleted")).isTrue();
        String snapshotId = removed.json().getString("snapshot_id");
        assertThat(path).as("the directory is gone").doesNotExist();
        assertThat(GitRepo.run(repo, "rev-parse", "--verify", "refs/heads/work").exit()).as("the branch is deleted").isNotEqualTo(0);
        assertThat(find(listing(repo), id)).as("a removed worktree is not listed").isNull();

        JsonObject snap = Api.get("/api/worktrees/" + id + "/snapshots").json().getJsonArray("snapshots").getJsonObject(0);
        assertThat(snap.getString("id")).isEqualTo(snapshotId);
        assertThat(snap.getBoolean("dirty")).isTrue();
        assertThat(snap.getString("head_sha")).isEqualTo(tip);
        String ref = snap.getString("ref_name");
        assertThat(ref).as(ref).startsWith("refs/flightdeck/snapshots/" + id + "/");
        assertThat(GitRepo.git(repo, "rev-parse", ref).trim()).isEqualTo(snap.getString("commit_sha"));
        assertThat(GitRepo.git(repo, "rev-parse", ref + "^").trim()).as("the snapshot keeps the deleted branch's commits").isEqualTo(tip);
        assertThat(GitRepo.git(repo, "symbolic-ref", "--short", "HEAD").trim()).as("no branch moved").isEqualTo("main");

        Api.Resp restored = Api.post("/api/worktrees/" + id + "/snapshots/" + snapshotId + "/restore", "{}");
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().getBoolean("in_place")).isFalse();
        Path back = Path.of(restored.json().getJsonObject("worktree").getString("worktree_path"));
        assertThat(Files.readString(back.resolve("a.txt"))).isEqualTo("one, edited\n");
        assertThat(back.resolve("b.txt")).as("a deleted file stays deleted").doesNotExist();
        assertThat(Files.readString(back.resolve("new.txt"))).isEqualTo("untracked\n");
        assertThat(Files.readAllBytes(back.resolve("keep/blob.bin"))).isEqualTo(binary);
        assertThat(Files.readString(back.resolve("keep/c.txt"))).isEqualTo("three, staged then edited\n");
        assertThat(GitRepo.git(back, "rev-parse", "HEAD").trim()).as("restored on top of the snapshot's HEAD").isEqualTo(tip);
        assertThat(GitRepo.git(back, "status", "--porcelain")).as("staged, unstaged and untracked as they were").isEqualTo(status);
        assertThat(GitRepo.git(back, "diff", "--cached")).isEqualTo(staged);
        assertThat(find(listing(repo), id).getString("status")).isEqualTo("active");

        // In place: a later edit is undone by restoring the same snapshot into the live worktree.
        Files.writeString(back.resolve("a.txt"), "changed again\n");
        Files.delete(back.resolve("new.txt"));
        Api.Resp again = Api.post("/api/worktrees/" + id + "/snapshots/" + snapshotId + "/restore", "{}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().getBoolean("in_place")).isTrue();
        assertThat(Files.readString(back.resolve("a.txt"))).isEqualTo("one, edited\n");
        assertThat(Files.readString(back.resolve("new.txt"))).isEqualTo("untracked\n");

        assertThat(Api.post("/api/worktrees/" + id + "/snapshots/snap-nope/restore", "{}").status()).isEqualTo(404);
        assertThat(Api.delete("/api/worktrees/wt-nope").status()).isEqualTo(404);
    }

    @Test
    void aWorktreeWithAnActiveSessionIsRemovedOnlyWithForce() throws Exception {
        Path repo = GitRepo.create("fd-wt-busy-", "f.txt", "x\n");
        JsonObject wt = create(repo, "busy").getJsonObject("worktree");
        String id = wt.getString("id");
        Api.Resp session = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + wt.getString("worktree_path") + "\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        assertThat(find(listing(repo), id).getInt("active_session_count")).isEqualTo(1);
        Api.Resp refused = Api.delete("/api/worktrees/" + id);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().getString("code")).isEqualTo("worktree_in_use");
        assertThat(Path.of(wt.getString("worktree_path"))).isDirectory();
        Api.Resp forced = Api.delete("/api/worktrees/" + id + "?force=true");
        assertThat(forced.status()).as(forced.body()).isEqualTo(200);
        assertThat(Api.str(forced.json(), "snapshot_id")).as("never without its snapshot").isNotNull();
        assertThat(GitRepo.git(repo, "branch", "--list", "busy").replace("*", "").trim()).as("the branch is kept").isEqualTo("busy");
        Api.post("/api/sessions/" + session.json().getString("session_id") + "/lifecycle/end", "{}");
        JsonObject snapshots = Api.get("/api/worktrees/" + id + "/snapshots").json();
        assertThat(snapshots.getJsonArray("snapshots").getJsonObject(0).getString("reason")).isEqualTo("remove");
    }

    @Test
    void deletingWithDeleteRemoteBranchRemovesTheBranchFromItsRemote() throws Exception {
        Path repo = GitRepo.create("fd-wt-remote-", "f.txt", "x\n");
        Path origin = Files.createTempDirectory("fd-wt-origin-").resolve("origin.git");
        GitRepo.git(repo, "clone", "-q", "--bare", repo.toString(), origin.toString());
        GitRepo.git(repo, "remote", "add", "origin", origin.toString());
        JsonObject wt = create(repo, "pushed").getJsonObject("worktree");
        GitRepo.git(Path.of(wt.getString("worktree_path")), "push", "-q", "-u", "origin", "pushed");
        assertThat(GitRepo.git(origin, "branch", "--list", "pushed")).isNotBlank();
        Api.Resp removed = Api.delete("/api/worktrees/" + wt.getString("id") + "?delete_branch=true&delete_remote_branch=true");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().getJsonArray("warnings")).as(removed.body()).isEmpty();
        assertThat(GitRepo.git(origin, "branch", "--list", "pushed")).as("the remote branch is gone").isBlank();
        assertThat(GitRepo.git(repo, "branch", "--list", "pushed")).as("the local branch is gone").isBlank();
    }

    @Test
    void discoverFindsWorktreesMadeOutsideAndReconcileMarksOnesRemovedByHand() throws Exception {
        Path repo = GitRepo.create("fd-wt-disc-", "f.txt", "x\n");
        Path outside = Files.createTempDirectory("fd-wt-outside-").resolve("manual");
        GitRepo.git(repo, "worktree", "add", "-q", "-b", "manual", outside.toString());
        JsonObject fallback = listing(repo);
        assertThat(fallback.getJsonArray("worktrees")).as("with nothing tracked, git's own list is shown").hasSize(1);

        JsonObject tracked = create(repo, "tracked").getJsonObject("worktree");
        JsonObject found = Api.post("/api/worktrees/discover", "{\"repo_path\":\"" + repo + "\"}").json();
        JsonObject manual = null;
        for (JsonValue v : found.getJsonArray("worktrees")) {
            if (v.asJsonObject().getString("worktree_path").equals(outside.toRealPath().toString())) {
                manual = v.asJsonObject();
            }
        }
        assertThat(manual).as(found.toString()).isNotNull();
        assertThat(manual.getString("created_by")).isEqualTo("discovered");
        assertThat(manual.getString("branch")).isEqualTo("manual");
        assertThat(found.getJsonArray("worktrees")).as("the main worktree is not listed").hasSize(2);

        try (Ws ws = Ws.connect(Api.token())) {
            Path gone = Path.of(tracked.getString("worktree_path"));
            try (Stream<Path> walk = Files.walk(gone)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            JsonObject after = Api.post("/api/worktrees/discover", "{\"repo_path\":\"" + repo + "\"}").json();
            JsonObject orphan = find(after, tracked.getString("id"));
            assertThat(orphan.getString("status")).isEqualTo("orphaned");
            assertThat(orphan.getBoolean("disk_present")).isFalse();
            JsonObject changed = ws.await(f -> "worktree_status_changed".equals(f.getString("type", null))
                    && tracked.getString("id").equals(f.getString("worktree_id")), 10);
            assertThat(changed.getString("status")).isEqualTo("orphaned");
        }
        // An orphan is removed without complaint: there is nothing left to snapshot.
        Api.Resp removed = Api.delete("/api/worktrees/" + tracked.getString("id"));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(GitRepo.git(repo, "worktree", "list", "--porcelain")).doesNotContain(tracked.getString("worktree_path"));

        Api.Resp bad = Api.post("/api/worktrees/discover", "{\"repo_path\":\"relative\"}");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void twoCreatesOfTheSameBranchAtOnceMakeOneWorktreeAndACreateFailed() throws Exception {
        Path repo = GitRepo.create("fd-wt-race-", "f.txt", "x\n");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String body = "{\"repo_path\":\"" + repo + "\",\"branch_name\":\"race-" + round + "\"}";
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Api.Resp>> calls = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    calls.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return Api.post("/api/worktrees", body);
                    }));
                }
                List<Api.Resp> answers = new ArrayList<>();
                for (Future<Api.Resp> c : calls) {
                    answers.add(c.get(60, TimeUnit.SECONDS));
                }
                assertThat(answers).extracting(Api.Resp::status).as(answers.toString()).containsExactlyInAnyOrder(200, 400);
                Api.Resp lost = answers.stream().filter(r -> r.status() == 400).findFirst().orElseThrow();
                assertThat(lost.json().getString("code")).isEqualTo("create_failed");
                String branch = "race-" + round;
                assertThat(listing(repo).getJsonArray("worktrees").stream()
                        .filter(v -> branch.equals(v.asJsonObject().getString("branch")))).as("one record").hasSize(1);
                Api.Resp won = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
                assertThat(Path.of(won.json().getJsonObject("worktree").getString("worktree_path")))
                        .as("the loser took nothing of the winner's off disk").isDirectory();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBranchRemovedWithItsWorktreeCanBeCreatedAgainAtTheSamePath() throws Exception {
        Path repo = GitRepo.create("fd-wt-again-", "f.txt", "x\n");
        JsonObject first = create(repo, "again").getJsonObject("worktree");
        Api.Resp removed = Api.delete("/api/worktrees/" + first.getString("id") + "?delete_branch=true");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);

        JsonObject second = create(repo, "again").getJsonObject("worktree");
        assertThat(second.getString("worktree_path")).isEqualTo(first.getString("worktree_path"));
        assertThat(second.getString("status")).isEqualTo("active");
        assertThat(second.getString("id")).as("the removed record is taken over, snapshots and all")
                .isEqualTo(first.getString("id"));
        assertThat(Api.get("/api/worktrees/" + second.getString("id") + "/snapshots").json().getJsonArray("snapshots"))
                .hasSize(1);
        assertThat(GitRepo.git(Path.of(second.getString("worktree_path")), "symbolic-ref", "--short", "HEAD").trim())
                .isEqualTo("again");
    }
}
