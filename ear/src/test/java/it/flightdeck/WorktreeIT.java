package it.flightdeck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Worktrees on real git repositories: create, list, discover, reconcile, and the snapshot safety net. */
class WorktreeIT {
    static JsonObject create(Path repo, String branch) {
        Api.Resp r = Api.post("/api/worktrees", "{\"repo_path\":\"" + repo + "\",\"branch_name\":\"" + branch + "\"}");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static JsonObject listing(Path repo) {
        Api.Resp r = Api.get("/api/worktrees?repo_root=" + URLEncoder.encode(repo.toString(), StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.body());
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
            assertEquals(repo.toString(), created.getString("repo_root"));
            assertEquals(repo.resolve(".flightdeck-worktrees/feat-one"), path);
            assertEquals("feat/one", wt.getString("branch"));
            assertEquals("main", wt.getString("base_branch"));
            assertEquals("active", wt.getString("status"));
            assertTrue(wt.getBoolean("disk_present"));
            assertEquals(GitRepo.git(repo, "rev-parse", "main").trim(), wt.getString("base_sha"));
            assertEquals("feat/one", GitRepo.git(path, "symbolic-ref", "--short", "HEAD").trim());
            assertEquals("hello\n", Files.readString(path.resolve("README.md")));
            assertEquals("SECRET=1\n", Files.readString(path.resolve(".env")), ".worktreeinclude files are copied");
            assertFalse(Files.exists(path.resolve("build/out.o")), "only what .worktreeinclude names is copied");
            assertEquals("", GitRepo.git(repo, "status", "--porcelain"), "the worktrees directory is excluded");

            JsonObject event = ws.await(f -> "worktree_created".equals(f.getString("type", null))
                    && wt.getString("id").equals(f.getJsonObject("worktree").getString("id")), 10);
            long revision = event.getJsonNumber("worktree_revision").longValue();
            assertTrue(revision > before);
            assertEquals(revision, created.getJsonNumber("worktree_revision").longValue());
            assertNotNull(find(listing(repo), wt.getString("id")));
        }

        Api.Resp taken = Api.post("/api/worktrees", "{\"repo_path\":\"" + repo + "\",\"branch_name\":\"feat/one\"}");
        assertEquals(400, taken.status());
        assertEquals("create_failed", taken.json().getString("code"));
        for (String body : new String[] {"{\"repo_path\":\"" + repo + "\",\"branch_name\":\"bad..name\"}",
                "{\"repo_path\":\"" + repo + "\",\"branch_name\":\"x\",\"base_branch\":\"no-such\"}",
                "{\"repo_path\":\"" + Files.createTempDirectory("fd-not-git-") + "\",\"branch_name\":\"x\"}",
                "{\"branch_name\":\"x\"}"}) {
            Api.Resp r = Api.post("/api/worktrees", body);
            assertEquals(400, r.status(), body);
            assertEquals("create_failed", r.json().getString("code"), body);
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
        assertEquals(400, refused.status(), "uncommitted work needs force: " + refused.body());
        assertEquals("remove_failed", refused.json().getString("code"));
        assertTrue(Files.exists(path.resolve("new.txt")), "a refused removal changes nothing");

        Api.Resp removed = Api.delete("/api/worktrees/" + id + "?force=true&delete_branch=true");
        assertEquals(200, removed.status(), removed.body());
        assertTrue(removed.json().getBoolean("deleted"));
        String snapshotId = removed.json().getString("snapshot_id");
        assertFalse(Files.exists(path), "the directory is gone");
        assertFalse(GitRepo.run(repo, "rev-parse", "--verify", "refs/heads/work").exit() == 0, "the branch is deleted");
        assertEquals(null, find(listing(repo), id), "a removed worktree is not listed");

        JsonObject snap = Api.get("/api/worktrees/" + id + "/snapshots").json().getJsonArray("snapshots").getJsonObject(0);
        assertEquals(snapshotId, snap.getString("id"));
        assertTrue(snap.getBoolean("dirty"));
        assertEquals(tip, snap.getString("head_sha"));
        String ref = snap.getString("ref_name");
        assertTrue(ref.startsWith("refs/flightdeck/snapshots/" + id + "/"), ref);
        assertEquals(snap.getString("commit_sha"), GitRepo.git(repo, "rev-parse", ref).trim());
        assertEquals(tip, GitRepo.git(repo, "rev-parse", ref + "^").trim(), "the snapshot keeps the deleted branch's commits");
        assertEquals("main", GitRepo.git(repo, "symbolic-ref", "--short", "HEAD").trim(), "no branch moved");

        Api.Resp restored = Api.post("/api/worktrees/" + id + "/snapshots/" + snapshotId + "/restore", "{}");
        assertEquals(200, restored.status(), restored.body());
        assertFalse(restored.json().getBoolean("in_place"));
        Path back = Path.of(restored.json().getJsonObject("worktree").getString("worktree_path"));
        assertEquals("one, edited\n", Files.readString(back.resolve("a.txt")));
        assertFalse(Files.exists(back.resolve("b.txt")), "a deleted file stays deleted");
        assertEquals("untracked\n", Files.readString(back.resolve("new.txt")));
        assertArrayEquals(binary, Files.readAllBytes(back.resolve("keep/blob.bin")));
        assertEquals("three, staged then edited\n", Files.readString(back.resolve("keep/c.txt")));
        assertEquals(tip, GitRepo.git(back, "rev-parse", "HEAD").trim(), "restored on top of the snapshot's HEAD");
        assertEquals(status, GitRepo.git(back, "status", "--porcelain"), "staged, unstaged and untracked as they were");
        assertEquals(staged, GitRepo.git(back, "diff", "--cached"));
        assertEquals("active", find(listing(repo), id).getString("status"));

        // In place: a later edit is undone by restoring the same snapshot into the live worktree.
        Files.writeString(back.resolve("a.txt"), "changed again\n");
        Files.delete(back.resolve("new.txt"));
        Api.Resp again = Api.post("/api/worktrees/" + id + "/snapshots/" + snapshotId + "/restore", "{}");
        assertEquals(200, again.status(), again.body());
        assertTrue(again.json().getBoolean("in_place"));
        assertEquals("one, edited\n", Files.readString(back.resolve("a.txt")));
        assertEquals("untracked\n", Files.readString(back.resolve("new.txt")));

        assertEquals(404, Api.post("/api/worktrees/" + id + "/snapshots/snap-nope/restore", "{}").status());
        assertEquals(404, Api.delete("/api/worktrees/wt-nope").status());
    }

    @Test
    void aWorktreeWithAnActiveSessionIsRemovedOnlyWithForce() throws Exception {
        Path repo = GitRepo.create("fd-wt-busy-", "f.txt", "x\n");
        JsonObject wt = create(repo, "busy").getJsonObject("worktree");
        String id = wt.getString("id");
        Api.Resp session = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + wt.getString("worktree_path") + "\"}");
        assertEquals(200, session.status(), session.body());
        assertEquals(1, find(listing(repo), id).getInt("active_session_count"));
        Api.Resp refused = Api.delete("/api/worktrees/" + id);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("worktree_in_use", refused.json().getString("code"));
        assertTrue(Files.isDirectory(Path.of(wt.getString("worktree_path"))));
        Api.Resp forced = Api.delete("/api/worktrees/" + id + "?force=true");
        assertEquals(200, forced.status(), forced.body());
        assertNotNull(Api.str(forced.json(), "snapshot_id"), "never without its snapshot");
        assertEquals("busy", GitRepo.git(repo, "branch", "--list", "busy").replace("*", "").trim(), "the branch is kept");
        Api.post("/api/sessions/" + session.json().getString("session_id") + "/lifecycle/end", "{}");
        JsonObject snapshots = Api.get("/api/worktrees/" + id + "/snapshots").json();
        assertEquals("remove", snapshots.getJsonArray("snapshots").getJsonObject(0).getString("reason"));
    }

    @Test
    void deletingWithDeleteRemoteBranchRemovesTheBranchFromItsRemote() throws Exception {
        Path repo = GitRepo.create("fd-wt-remote-", "f.txt", "x\n");
        Path origin = Files.createTempDirectory("fd-wt-origin-").resolve("origin.git");
        GitRepo.git(repo, "clone", "-q", "--bare", repo.toString(), origin.toString());
        GitRepo.git(repo, "remote", "add", "origin", origin.toString());
        JsonObject wt = create(repo, "pushed").getJsonObject("worktree");
        GitRepo.git(Path.of(wt.getString("worktree_path")), "push", "-q", "-u", "origin", "pushed");
        assertFalse(GitRepo.git(origin, "branch", "--list", "pushed").isBlank());
        Api.Resp removed = Api.delete("/api/worktrees/" + wt.getString("id") + "?delete_branch=true&delete_remote_branch=true");
        assertEquals(200, removed.status(), removed.body());
        assertEquals(0, removed.json().getJsonArray("warnings").size(), removed.body());
        assertTrue(GitRepo.git(origin, "branch", "--list", "pushed").isBlank(), "the remote branch is gone");
        assertTrue(GitRepo.git(repo, "branch", "--list", "pushed").isBlank(), "the local branch is gone");
    }

    @Test
    void discoverFindsWorktreesMadeOutsideAndReconcileMarksOnesRemovedByHand() throws Exception {
        Path repo = GitRepo.create("fd-wt-disc-", "f.txt", "x\n");
        Path outside = Files.createTempDirectory("fd-wt-outside-").resolve("manual");
        GitRepo.git(repo, "worktree", "add", "-q", "-b", "manual", outside.toString());
        JsonObject fallback = listing(repo);
        assertEquals(1, fallback.getJsonArray("worktrees").size(), "with nothing tracked, git's own list is shown");

        JsonObject tracked = create(repo, "tracked").getJsonObject("worktree");
        JsonObject found = Api.post("/api/worktrees/discover", "{\"repo_path\":\"" + repo + "\"}").json();
        JsonObject manual = null;
        for (JsonValue v : found.getJsonArray("worktrees")) {
            if (v.asJsonObject().getString("worktree_path").equals(outside.toRealPath().toString())) {
                manual = v.asJsonObject();
            }
        }
        assertNotNull(manual, found.toString());
        assertEquals("discovered", manual.getString("created_by"));
        assertEquals("manual", manual.getString("branch"));
        assertEquals(2, found.getJsonArray("worktrees").size(), "the main worktree is not listed");

        try (Ws ws = Ws.connect(Api.token())) {
            Path gone = Path.of(tracked.getString("worktree_path"));
            try (Stream<Path> walk = Files.walk(gone)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            JsonObject after = Api.post("/api/worktrees/discover", "{\"repo_path\":\"" + repo + "\"}").json();
            JsonObject orphan = find(after, tracked.getString("id"));
            assertEquals("orphaned", orphan.getString("status"));
            assertFalse(orphan.getBoolean("disk_present"));
            JsonObject changed = ws.await(f -> "worktree_status_changed".equals(f.getString("type", null))
                    && tracked.getString("id").equals(f.getString("worktree_id")), 10);
            assertEquals("orphaned", changed.getString("status"));
        }
        // An orphan is removed without complaint: there is nothing left to snapshot.
        Api.Resp removed = Api.delete("/api/worktrees/" + tracked.getString("id"));
        assertEquals(200, removed.status(), removed.body());
        assertFalse(GitRepo.git(repo, "worktree", "list", "--porcelain").contains(tracked.getString("worktree_path")));

        Api.Resp bad = Api.post("/api/worktrees/discover", "{\"repo_path\":\"relative\"}");
        assertEquals(400, bad.status());
    }
}
