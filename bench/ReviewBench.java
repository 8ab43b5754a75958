import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Worktree and review benchmarks (issue 5, §8) against a running server; bench/review.sh drives it.
 * <ul>
 * <li>Review surface latency: GET …/review on a repository whose working tree differs from HEAD by
 * 5,000 lines across 200 files (150 tracked files with 25 lines appended, 50 untracked files of 25
 * lines), against the same git steps run bare from here (copy the index, add -A into it, write-tree,
 * two diffs), which is the floor for a review that counts untracked files.</li>
 * <li>Worktree create: POST /api/worktrees against a bare {@code git worktree add -b} of the same
 * repository, p50 of each and the ratio.</li>
 * </ul>
 */
public class ReviewBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String base;
    static String token;

    public static void main(String[] args) throws Exception {
        base = args[0];
        token = Files.readString(Path.of(args[1])).strip();
        Path repos = Files.createDirectories(Path.of(args[2]));
        int samples = Integer.parseInt(args[3]);

        Path repo = repos.resolve("review");
        Files.createDirectories(repo);
        git(repo, "init", "-q", "-b", "main");
        git(repo, "config", "user.email", "bench@flightdeck.test");
        git(repo, "config", "user.name", "bench");
        for (int f = 0; f < 150; f++) {
            Files.writeString(repo.resolve("src/mod" + f + "/file" + f + ".txt"), lines("base " + f, 40), createDirs(repo, f));
        }
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "base");
        String session = field(post("/api/sessions", "{\"provider\":\"claude\",\"cwd\":\"" + repo + "\"}").body(), "session_id");
        for (int f = 0; f < 150; f++) {
            Path p = repo.resolve("src/mod" + f + "/file" + f + ".txt");
            Files.writeString(p, Files.readString(p) + lines("changed " + f, 25));
        }
        for (int f = 0; f < 50; f++) {
            Files.writeString(repo.resolve("new/untracked" + f + ".txt"), lines("new " + f, 25), createDir(repo.resolve("new")));
        }
        String body = get("/api/sessions/" + session + "/review").body();
        long changed = Arrays.stream(unescape(field(body, "current_diff")).split("\n"))
                .filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---")).count();
        System.out.printf("== Review surface: current diff of %d changed lines, %d KiB response%n", changed, body.length() / 1024);

        double[] review = new double[samples];
        double[] bare = new double[samples];
        for (int i = -3; i < samples; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get("/api/sessions/" + session + "/review");
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.body());
            }
            long t1 = System.nanoTime();
            bareReview(repo, repos.resolve("index.tmp"));
            long t2 = System.nanoTime();
            if (i >= 0) {
                review[i] = (t1 - t0) / 1e6;
                bare[i] = (t2 - t1) / 1e6;
            }
        }
        report("GET …/review", review);
        report("bare git (cp index, add -A, write-tree, 2 diffs)", bare);
        System.out.printf("ratio review / bare git (p50): %.2f%n", p(review, 50) / p(bare, 50));

        System.out.println("== Worktree create, " + samples + " each");
        double[] api = new double[samples];
        double[] raw = new double[samples];
        for (int i = -2; i < samples; i++) {
            String branch = "bench-" + (i + 2);
            long t0 = System.nanoTime();
            HttpResponse<String> r = post("/api/worktrees", "{\"repo_path\":\"" + repo + "\",\"branch_name\":\"api/" + branch + "\"}");
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.body());
            }
            long t1 = System.nanoTime();
            git(repo, "worktree", "add", "-q", "-b", "raw/" + branch, repos.resolve("raw-" + branch).toString(), "HEAD");
            long t2 = System.nanoTime();
            if (i >= 0) {
                api[i] = (t1 - t0) / 1e6;
                raw[i] = (t2 - t1) / 1e6;
            }
        }
        report("POST /api/worktrees", api);
        report("git worktree add -b", raw);
        System.out.printf("ratio create / bare git worktree add (p50): %.2f%n", p(api, 50) / p(raw, 50));
        System.exit(0);
    }

    static java.nio.file.OpenOption createDirs(Path repo, int f) throws Exception {
        Files.createDirectories(repo.resolve("src/mod" + f));
        return java.nio.file.StandardOpenOption.CREATE;
    }

    static java.nio.file.OpenOption createDir(Path dir) throws Exception {
        Files.createDirectories(dir);
        return java.nio.file.StandardOpenOption.CREATE;
    }

    static void bareReview(Path repo, Path index) throws Exception {
        Files.copy(repo.resolve(".git/index"), index, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String env = "GIT_INDEX_FILE=" + index;
        run(repo, env, "git", "add", "-A");
        String tree = run(repo, env, "git", "write-tree").strip();
        run(repo, null, "git", "diff", "HEAD", tree);
        run(repo, null, "git", "diff", "HEAD", tree);
    }

    static String lines(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(prefix).append(" line ").append(i).append('\n');
        }
        return b.toString();
    }

    static void report(String what, double[] ms) {
        System.out.printf("%-52s p50 %8.1f ms   p99 %8.1f ms%n", what, p(ms, 50), p(ms, 99));
    }

    static double p(double[] values, int pct) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(pct / 100.0 * s.length) - 1)];
    }

    static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        run(dir, null, cmd.toArray(String[]::new));
    }

    static String run(Path dir, String env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        if (env != null) {
            String[] kv = env.split("=", 2);
            pb.environment().put(kv[0], kv[1]);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
        return out;
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A string field's raw (still escaped) value; scanned by hand, as a regex overflows on a 1 MiB value. */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            throw new IllegalStateException(json.length() > 500 ? json.substring(0, 500) : json);
        }
        start += key.length();
        int i = start;
        while (json.charAt(i) != '"') {
            i += json.charAt(i) == '\\' ? 2 : 1;
        }
        return json.substring(start, i);
    }

    static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
