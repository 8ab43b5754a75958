package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A repository whose config would have git run code of its own (an fsmonitor, hooks, clean and
 * smudge filters): the server's git runs none of it, on a session create, a review read and a
 * worktree create, while the same repository trips every trap under a plain git.
 */
class GitHardeningIT {
    static void script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Each trap leaves a file named for it in {@code markers}. */
    static Path trappedRepo(Path markers) throws IOException {
        // The attributes are committed, so a checkout asks for the filter too; its driver is defined after.
        Path repo = GitRepo.create("fd-trapped-", "a.txt", "one\n", ".gitattributes", "*.txt filter=trap\n");
        script(repo.resolve(".git/fsmonitor.sh"), "touch " + markers.resolve("fsmonitor") + "; exit 1");
        for (String hook : List.of("post-checkout", "reference-transaction", "pre-commit")) {
            script(repo.resolve(".git/hooks/" + hook), "touch " + markers.resolve(hook));
        }
        script(repo.resolve(".git/filter.sh"), "touch " + markers.resolve("filter-") + "$1; cat");
        Files.writeString(repo.resolve(".git/config"), String.join("\n",
                "[core]", "\tfsmonitor = " + repo.resolve(".git/fsmonitor.sh"),
                "[filter \"trap\"]",
                "\tclean = " + repo.resolve(".git/filter.sh") + " clean",
                "\tsmudge = " + repo.resolve(".git/filter.sh") + " smudge",
                "\trequired = true", ""), StandardOpenOption.APPEND);
        // Work in progress, tracked and untracked: the review must hash both.
        Files.writeString(repo.resolve("a.txt"), "two\n");
        Files.writeString(repo.resolve("b.txt"), "new\n");
        return repo;
    }

    @Test
    void sessionCreateReviewReadAndWorktreeCreateRunNothingTheRepositoryConfigures() throws Exception {
        Path markers = Files.createTempDirectory("fd-markers-");
        Path repo = trappedRepo(markers);

        Api.Resp created = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + repo + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().getString("session_id");
        Api.Resp review = Api.get("/api/sessions/" + id + "/review");
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        // git did its work: the current diff has both changes, as the files are (no filter in between).
        String current = review.json().getString("current_diff", "");
        assertThat(current).contains("+two", "+new");

        Api.Resp worktree = Api.post("/api/worktrees", "{\"repo_path\":\"" + repo + "\",\"branch_name\":\"trap/one\"}");
        assertThat(worktree.status()).as(worktree.body()).isEqualTo(200);
        Path checkout = Path.of(worktree.json().getJsonObject("worktree").getString("worktree_path"));
        assertThat(checkout.resolve("a.txt")).hasContent("one");

        assertThat(markers).isEmptyDirectory();

        // The control: a plain git in the same repository runs every one of them.
        GitRepo.git(repo, "status");
        GitRepo.git(repo, "worktree", "add", "-b", "plain", repo.resolve("../" + repo.getFileName() + "-plain").toString());
        assertThat(markers.resolve("fsmonitor")).exists();
        assertThat(markers.resolve("post-checkout")).exists();
        assertThat(markers.resolve("filter-clean")).exists();
        assertThat(markers.resolve("filter-smudge")).exists();
        Api.post("/api/sessions/" + id + "/lifecycle/end", "{}");
    }
}
