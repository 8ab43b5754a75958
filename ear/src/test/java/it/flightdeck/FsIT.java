package it.flightdeck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Browsing for a project, confined to FLIGHTDECK_FS_ROOTS (the test server's: it-data/fs-root). */
class FsIT {
    static final Path ROOT = Api.DATA_DIR.resolve("fs-root").toAbsolutePath().normalize();

    static Api.Resp browse(String path) {
        return Api.get("/api/fs/browse?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }

    @Test
    void aDirectoryListsVisibleEntriesDirectoriesFirst() throws Exception {
        Path dir = Files.createDirectories(ROOT.resolve("listing"));
        Files.createDirectories(dir.resolve("projB"));
        Files.createDirectories(dir.resolve("projA/.git"));
        Files.createDirectories(dir.resolve("alpha"));
        Files.createDirectories(dir.resolve(".hidden"));
        Files.writeString(dir.resolve("Zeta.txt"), "z");
        Files.writeString(dir.resolve("beta.txt"), "b");
        JsonObject listing = browse(dir.toString()).json();
        assertThat(listing.getString("path")).isEqualTo(dir.toRealPath().toString());
        List<String> names = new ArrayList<>();
        for (JsonValue v : listing.getJsonArray("entries")) {
            JsonObject e = v.asJsonObject();
            names.add(e.getString("name") + (e.getBoolean("is_dir") ? "/" : "") + (e.getBoolean("is_git") ? "*" : ""));
        }
        assertThat(names).isEqualTo(List.of("alpha/", "projA/*", "projB/", "beta.txt", "Zeta.txt"));
        assertThat(browse(dir.resolve("missing").toString()).json().getJsonArray("entries")).as("what cannot be read lists as empty").isEmpty();
    }

    @Test
    void nothingOutsideTheRootsCanBeReached() throws Exception {
        Path outside = Files.createTempDirectory("fd-outside-");
        Files.createDirectories(ROOT);
        Path link = ROOT.resolve("escape-" + System.nanoTime());
        Files.createSymbolicLink(link, outside);
        for (String path : new String[] {ROOT + "/..", ROOT + "/../..", ROOT + "/sub/../../", outside.toString(),
                link.toString(), link + "/", "/", "~", "/etc"}) {
            Api.Resp r = browse(path);
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(403);
            assertThat(r.json().getString("code")).isEqualTo("path_not_allowed");
        }
        // Percent-encoded dots reach the server decoded, as ".." again.
        Api.Resp encoded = Api.get("/api/fs/browse?path=" + ROOT + "/%2e%2e/%2e%2e");
        assertThat(encoded.status()).as(encoded.body()).isEqualTo(403);
        assertThat(browse("relative/path").status()).isEqualTo(400);
    }

    @Test
    void gitInitMakesARepositoryInsideTheRoots() throws Exception {
        Path dir = Files.createDirectories(ROOT.resolve("fresh-" + System.nanoTime()));
        Api.Resp ok = Api.post("/api/git/init", "{\"path\":\"" + dir + "\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().getBoolean("ok")).isTrue();
        assertThat(dir.resolve(".git")).isDirectory();
        assertThat(Api.post("/api/git/init", "{\"path\":\"" + dir.resolve("nope") + "\"}").json().getString("code")).isEqualTo("path_not_found");
        assertThat(Api.post("/api/git/init", "{\"path\":\"" + Files.createTempDirectory("fd-out-") + "\"}").status()).isEqualTo(403);

        String session = Api.post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + dir + "\"}").json().getString("session_id");
        JsonObject recent = Api.get("/api/fs/recent-projects").json();
        assertThat(recent.getJsonArray("projects").stream().map(JsonValue::asJsonObject)
                .anyMatch(p -> p.getString("path").equals(dir.toString()) && p.getInt("session_count") == 1)).as(recent.toString()).isTrue();
        Api.post("/api/sessions/" + session + "/lifecycle/end", "{}");
    }
}
