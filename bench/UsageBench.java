import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The usage benchmark against a running server whose ledger bench/usage.sh has filled: sequential
 * GETs of the overview (today, the default 30 days, and a whole year of days), the all-time summary, a
 * year's breakdown by model, and the bare authenticated ping of the same server as the ceiling.
 */
public class UsageBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String base;
    static String token;

    public static void main(String[] args) throws Exception {
        base = args[0];
        token = Files.readString(Path.of(args[1])).strip();
        int samples = Integer.parseInt(args[2]);
        long today = Math.floorDiv(System.currentTimeMillis() / 1000, 86_400) * 86_400;
        long now = System.currentTimeMillis() / 1000;
        long yearAgo = today - 364 * 86_400L;
        String[][] cases = {
                {"ping (ceiling)", "/api/server/ping"},
                {"overview (30 days)", "/api/usage/overview?today_start_unix=" + today},
                {"overview (365 days)", "/api/usage/overview?today_start_unix=" + today + "&range_start_unix=" + yearAgo},
                {"summary", "/api/usage/summary?today_start_unix=" + today},
                {"breakdown by model, a year", "/api/usage/breakdown?group_by=model&start_unix=" + yearAgo},
                {"sessions, first page", "/api/usage/sessions?start_unix=" + yearAgo},
                // Bounds off the quarter hour: the edges are read turn by turn, the rest from the rollup.
                {"breakdown by day, 7d to now", "/api/usage/breakdown?group_by=day&today_start_unix=" + today
                        + "&start_unix=" + (now - 7 * 86_400L) + "&end_unix=" + now}};
        String check = get("/api/usage/summary?today_start_unix=" + today);
        java.util.regex.Matcher turns = java.util.regex.Pattern.compile("\"all_time\":\\{.*?\"turn_count\":(\\d+)")
                .matcher(check);
        System.out.println("ledger rows seeded: " + args[3] + "; direct turns counted all time: "
                + (turns.find() ? turns.group(1) : "?"));
        double ping = 0;
        for (String[] c : cases) {
            for (int i = 0; i < Math.max(5, samples / 5); i++) {
                get(c[1]);
            }
            double[] ms = new double[samples];
            for (int i = 0; i < samples; i++) {
                long t = System.nanoTime();
                get(c[1]);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            double p50 = ms[samples / 2];
            double p99 = ms[Math.min(samples - 1, (int) Math.ceil(samples * 0.99) - 1)];
            if (ping == 0) {
                ping = p50;
            }
            System.out.printf("%-28s p50 %8.2f ms  p99 %8.2f ms  (p50 / ping p50: %.1f)%n", c[0], p50, p99, p50 / ping);
        }
        System.exit(0);
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
