package it.flightdeck;

import static it.flightdeck.Agents.awaitDetail;
import static it.flightdeck.Agents.awaitRow;
import static it.flightdeck.Agents.detail;
import static it.flightdeck.Agents.end;
import static it.flightdeck.Agents.send;
import static it.flightdeck.Agents.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The usage routes (contract §1.11) against a scripted conversation with both real CLIs: the sums they
 * answer are the sums of the turns the conversation produced, as usage/turns lists them; the CLIs'
 * rate-limit reports reach usage/codex and usage/claude; bad parameters are 400 envelopes.
 */
class UsageIT {
    static ScriptedModel model;

    @BeforeAll
    static void start() throws IOException {
        int port = Integer.getInteger("it.scripted.model.port", 4199);
        model = new ScriptedModel(port);
        Agents.configureCodex(port);
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    /** The sums of a session's turns as usage/turns lists them. */
    record Sums(long turns, long input, long output, long cacheRead, long cacheCreation, double cost) {
        long total() {
            return input + output + cacheRead + cacheCreation;
        }

        Sums plus(Sums o) {
            return new Sums(turns + o.turns, input + o.input, output + o.output, cacheRead + o.cacheRead,
                    cacheCreation + o.cacheCreation, cost + o.cost);
        }
    }

    static Sums turnsOf(String sessionId) {
        JsonObject page = Api.get("/api/sessions/" + sessionId + "/usage/turns").json();
        long in = 0, out = 0, cr = 0, cc = 0;
        double cost = 0;
        for (JsonValue v : page.getJsonArray("rows")) {
            JsonObject r = v.asJsonObject();
            in += r.getJsonNumber("billable_input_tokens").longValue();
            out += r.getJsonNumber("billable_output_tokens").longValue();
            cr += r.getJsonNumber("cache_read_tokens").longValue();
            cc += r.getJsonNumber("cache_creation_tokens").longValue();
            cost += r.getJsonNumber("estimated_cost_usd").doubleValue();
        }
        return new Sums(page.getJsonArray("rows").size(), in, out, cr, cc, cost);
    }

    static void talk(Agents.Session s, Ws ws, String text) throws Exception {
        assertThat(send(s.id(), text).status()).isEqualTo(202);
        awaitRow(ws, r -> "assistant".equals(r.getString("row_type", "")) && r.getString("content", "").contains(text), 60);
        awaitDetail(s.id(), Agents::idle, 30);
    }

    static JsonObject group(JsonObject breakdown, String key) {
        for (JsonValue v : breakdown.getJsonArray("groups")) {
            if (key.equals(v.asJsonObject().getString("group_key"))) {
                return v.asJsonObject();
            }
        }
        return null;
    }

    static void assertGroup(JsonObject g, Sums s) {
        assertThat(g).as("a group for the conversation's turns").isNotNull();
        assertThat(g.getJsonNumber("turn_count").longValue()).isEqualTo(s.turns());
        JsonObject t = g.getJsonObject("tokens");
        assertThat(t.getJsonNumber("input_tokens").longValue()).isEqualTo(s.input());
        assertThat(t.getJsonNumber("output_tokens").longValue()).isEqualTo(s.output());
        assertThat(t.getJsonNumber("cached_tokens").longValue()).isEqualTo(s.cacheRead() + s.cacheCreation());
        assertThat(t.getJsonNumber("total_tokens").longValue()).isEqualTo(s.total());
        assertThat(g.getJsonNumber("total_cost_usd").doubleValue()).isCloseTo(s.cost(), within(1e-6));
    }

    static long num(JsonObject o, String field) {
        return o == null ? 0 : o.getJsonNumber(field).longValue();
    }

    static double cost(JsonObject o, String field) {
        return o == null ? 0 : o.getJsonNumber(field).doubleValue();
    }

    @Test
    void theRoutesSumTheTurnsAScriptedConversationProduced() throws Exception {
        // The first whole second after the test began: turns other tests finished just before it are
        // earlier, so a range from t0 holds this conversation's turns only.
        long t0 = System.currentTimeMillis() / 1000 + 1;
        Await.until("the clock to reach t0", System::currentTimeMillis, ms -> ms >= t0 * 1000,
                java.time.Duration.ofSeconds(5));
        // The caller's day began an hour before the test: its turns fall in "today" whatever the clock says.
        long today = t0 - 3600;
        String q = "?today_start_unix=" + today;
        JsonObject before = Api.get("/api/usage/summary" + q).json();
        JsonObject overviewBefore = Api.get("/api/usage/overview" + q).json();

        Agents.Session claude = Agents.create();
        long split;
        try (Ws ws = subscribe(claude.id())) {
            talk(claude, ws, "first usage turn");
            // The second turn is recorded in a later whole second than the first, so a range can start
            // between them: the Claude session then straddles the range's bound.
            long firstAt = java.time.Instant.parse(Api.get("/api/sessions/" + claude.id() + "/usage/turns").json()
                    .getJsonArray("rows").getJsonObject(0).getString("observed_at")).toEpochMilli();
            split = firstAt / 1000 + 1;
            Await.until("the clock to pass the first turn's second", System::currentTimeMillis,
                    ms -> ms >= split * 1000, java.time.Duration.ofSeconds(5));
            talk(claude, ws, "second usage turn");
        }
        Path dir = Files.createTempDirectory("fd-codex-");
        Api.Resp created = Api.post("/api/sessions", "{\"provider\":\"codex\",\"cwd\":\"" + dir + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Agents.Session codex = new Agents.Session(created.json().getString("session_id"), dir);
        try (Ws ws = subscribe(codex.id())) {
            talk(codex, ws, "a codex usage turn");
        }
        Sums c = turnsOf(claude.id());
        Sums x = turnsOf(codex.id());
        assertThat(c.turns()).isEqualTo(2);
        assertThat(x.turns()).isEqualTo(1);
        // Each turn is its own: the second Claude turn is not the process's running total.
        JsonObject rows = Api.get("/api/sessions/" + claude.id() + "/usage/turns").json();
        for (JsonValue v : rows.getJsonArray("rows")) {
            JsonObject r = v.asJsonObject();
            assertThat(r.getJsonNumber("billable_input_tokens").longValue()).isEqualTo(ScriptedModel.INPUT_TOKENS);
            assertThat(r.getJsonNumber("billable_output_tokens").longValue()).isEqualTo(ScriptedModel.OUTPUT_TOKENS);
            assertThat(r.getString("snapshot_kind")).isIn("context_turn", "lifetime_totals");
            assertThat(r.getJsonObject("pricing").getString("version")).isNotBlank();
        }
        assertThat(detail(claude.id()).getString("token_usage_snapshot_kind")).isEqualTo("lifetime_totals");

        // By session, from the test's start: exactly the two sessions' turns.
        JsonObject bySession = Api.get("/api/usage/breakdown?group_by=session&start_unix=" + t0).json();
        assertThat(bySession.getString("group_by")).isEqualTo("session");
        assertGroup(group(bySession, claude.id()), c);
        assertGroup(group(bySession, codex.id()), x);
        assertThat(group(bySession, claude.id()).getString("provider")).isEqualTo("claude");

        JsonObject byProvider = Api.get("/api/usage/breakdown?group_by=provider&start_unix=" + t0
                + "&end_unix=" + (t0 + 86_400)).json();
        assertGroup(group(byProvider, "claude"), c);
        assertGroup(group(byProvider, "codex"), x);
        JsonObject totals = byProvider.getJsonObject("totals");
        assertThat(totals.getJsonNumber("turn_count").longValue()).isEqualTo(3);
        assertThat(totals.getJsonNumber("distinct_session_count").longValue()).isEqualTo(2);
        assertThat(totals.getJsonNumber("total_cost_usd").doubleValue()).isCloseTo(c.cost() + x.cost(), within(1e-6));

        JsonObject byModel = Api.get("/api/usage/breakdown?group_by=model&start_unix=" + t0).json();
        assertGroup(group(byModel, "GPT"), x);
        JsonObject byDay = Api.get("/api/usage/breakdown?group_by=day&today_start_unix=" + today
                + "&start_unix=" + t0).json();
        assertThat(byDay.getJsonArray("groups")).hasSize(1);
        assertGroup(group(byDay, String.valueOf(today)), c.plus(x));

        // Summary and overview: what they grew by is the conversation.
        JsonObject after = Api.get("/api/usage/summary" + q).json();
        Sums all = c.plus(x);
        for (String bucket : List.of("today", "all_time")) {
            JsonObject b0 = before.getJsonObject(bucket);
            JsonObject b1 = after.getJsonObject(bucket);
            assertThat(num(b1, "total_tokens") - num(b0, "total_tokens")).as(bucket).isEqualTo(all.total());
            assertThat(num(b1, "input_tokens") - num(b0, "input_tokens")).as(bucket).isEqualTo(all.input());
            assertThat(num(b1, "output_tokens") - num(b0, "output_tokens")).as(bucket).isEqualTo(all.output());
            assertThat(num(b1, "turn_count") - num(b0, "turn_count")).as(bucket).isEqualTo(3);
            assertThat(num(b1, "distinct_session_count") - num(b0, "distinct_session_count")).as(bucket).isEqualTo(2);
            assertThat(cost(b1, "total_cost_usd") - cost(b0, "total_cost_usd")).as(bucket)
                    .isCloseTo(all.cost(), within(1e-6));
        }
        JsonObject overview = Api.get("/api/usage/overview" + q).json();
        assertThat(overview.getJsonNumber("today_start_unix").longValue()).isEqualTo(today);
        assertThat(overview.getJsonObject("summary")).isEqualTo(after);
        for (String provider : List.of("claude", "codex")) {
            Sums s = provider.equals("claude") ? c : x;
            JsonObject g0 = find(overviewBefore.getJsonArray("today_provider_breakdown"), provider);
            JsonObject g1 = find(overview.getJsonArray("today_provider_breakdown"), provider);
            assertThat(num(g1, "turn_count") - num(g0, "turn_count")).isEqualTo(s.turns());
            assertThat(cost(g1, "total_cost_usd") - cost(g0, "total_cost_usd")).isCloseTo(s.cost(), within(1e-6));
        }
        JsonObject day0 = find(overviewBefore.getJsonArray("day_breakdown"), String.valueOf(today));
        JsonObject day1 = find(overview.getJsonArray("day_breakdown"), String.valueOf(today));
        assertThat(num(day1, "turn_count") - num(day0, "turn_count")).isEqualTo(3);

        // Sessions, newest use first: the Codex session, then the Claude one.
        JsonObject sessions = Api.get("/api/usage/sessions?start_unix=" + t0 + "&limit=1").json();
        assertThat(sessions.getJsonNumber("total_count").longValue()).isEqualTo(2);
        assertThat(sessions.getInt("next_offset")).isEqualTo(1);
        JsonObject first = sessions.getJsonArray("sessions").getJsonObject(0);
        assertThat(first.getString("session_id")).isEqualTo(codex.id());
        assertThat(first.getString("project_path")).isEqualTo(dir.toString());
        assertThat(first.getJsonNumber("turn_count").longValue()).isEqualTo(1);
        assertThat(first.getJsonNumber("cost").doubleValue()).isCloseTo(x.cost(), within(1e-6));
        assertThat(first.getJsonObject("tokens").getJsonNumber("total_tokens").longValue()).isEqualTo(x.total());
        JsonObject second = Api.get("/api/usage/sessions?start_unix=" + t0 + "&limit=1&offset=1").json();
        assertThat(second.containsKey("next_offset")).isFalse();
        assertThat(second.getJsonArray("sessions").getJsonObject(0).getString("session_id")).isEqualTo(claude.id());

        // Ranges that cut through the Claude session: only its turns inside the range count, and it sorts
        // by its last turn inside the range (the session straddles the bound; the Codex one lies inside).
        Sums secondTurn = turnOf(claude.id(), 1);
        Sums firstTurn = turnOf(claude.id(), 0);
        JsonObject fromSplit = Api.get("/api/usage/sessions?start_unix=" + split).json();
        JsonObject cx = sessionIn(fromSplit, codex.id());
        JsonObject cl = sessionIn(fromSplit, claude.id());
        assertThat(cl.getJsonNumber("turn_count").longValue()).isEqualTo(1);
        assertThat(cl.getJsonNumber("cost").doubleValue()).isCloseTo(secondTurn.cost(), within(1e-9));
        assertThat(cl.getJsonObject("tokens").getJsonNumber("total_tokens").longValue()).isEqualTo(secondTurn.total());
        assertThat(cx.getJsonNumber("turn_count").longValue()).isEqualTo(1);
        List<String> order = fromSplit.getJsonArray("sessions").stream()
                .map(v -> v.asJsonObject().getString("session_id")).toList();
        assertThat(order.indexOf(codex.id())).isLessThan(order.indexOf(claude.id()));
        JsonObject untilSplit = Api.get("/api/usage/sessions?start_unix=" + t0 + "&end_unix=" + split).json();
        assertThat(untilSplit.getJsonNumber("total_count").longValue()).isEqualTo(1);
        JsonObject only = untilSplit.getJsonArray("sessions").getJsonObject(0);
        assertThat(only.getString("session_id")).isEqualTo(claude.id());
        assertThat(only.getJsonNumber("turn_count").longValue()).isEqualTo(1);
        assertThat(only.getJsonNumber("cost").doubleValue()).isCloseTo(firstTurn.cost(), within(1e-9));
        // Paging across the two sources: the straddler and the inside session one per page, nothing twice.
        JsonObject p0 = Api.get("/api/usage/sessions?start_unix=" + split + "&limit=1").json();
        JsonObject p1 = Api.get("/api/usage/sessions?start_unix=" + split + "&limit=1&offset=1").json();
        assertThat(p0.getJsonArray("sessions").getJsonObject(0).getString("session_id")).isEqualTo(order.get(0));
        assertThat(p1.getJsonArray("sessions").getJsonObject(0).getString("session_id")).isEqualTo(order.get(1));
        // An all-time page holds both sessions' whole totals.
        JsonObject allTime = Api.get("/api/usage/sessions?limit=500").json();
        assertThat(sessionIn(allTime, claude.id()).getJsonNumber("turn_count").longValue()).isEqualTo(2);
        assertThat(sessionIn(allTime, claude.id()).getJsonNumber("cost").doubleValue()).isCloseTo(c.cost(), within(1e-9));

        // The scripted model's rate-limit headers, as the Codex app-server passed them on.
        JsonObject codexLimits = Api.get("/api/usage/codex").json();
        JsonObject primary = codexLimits.getJsonObject("usage").getJsonObject("primary");
        assertThat(primary.getJsonNumber("used_percent").doubleValue()).isEqualTo(ScriptedModel.CODEX_PRIMARY_USED);
        assertThat(primary.getJsonNumber("window_duration_mins").longValue()).isEqualTo(ScriptedModel.CODEX_PRIMARY_MINUTES);
        assertThat(primary.getJsonNumber("resets_at_unix").longValue()).isEqualTo(ScriptedModel.RATE_LIMIT_RESETS_AT);
        JsonObject secondary = codexLimits.getJsonObject("usage").getJsonObject("secondary");
        assertThat(secondary.getJsonNumber("used_percent").doubleValue()).isEqualTo(ScriptedModel.CODEX_SECONDARY_USED);
        assertThat(codexLimits.getJsonObject("usage").getJsonNumber("fetched_at_unix").longValue()).isGreaterThanOrEqualTo(t0);
        assertThat(codexLimits.containsKey("error_info")).isFalse();
        // Claude Code sends rate_limit_event only for a subscription login's unified limits, never with an
        // API key such as the tests' (verified with 2.1.x): nothing is known, and the answer says so.
        JsonObject claudeLimits = Api.get("/api/usage/claude").json();
        assertThat(claudeLimits.containsKey("usage")).as(claudeLimits.toString()).isFalse();
        assertThat(claudeLimits.getJsonObject("error_info").getString("code")).isEqualTo("rate_limits_not_reported");
        end(claude);
        end(codex);
    }

    /** The usage of one turn of a session, by its place in usage/turns (oldest first). */
    static Sums turnOf(String sessionId, int index) {
        JsonObject r = Api.get("/api/sessions/" + sessionId + "/usage/turns").json().getJsonArray("rows")
                .getJsonObject(index);
        return new Sums(1, r.getJsonNumber("billable_input_tokens").longValue(),
                r.getJsonNumber("billable_output_tokens").longValue(), r.getJsonNumber("cache_read_tokens").longValue(),
                r.getJsonNumber("cache_creation_tokens").longValue(), r.getJsonNumber("estimated_cost_usd").doubleValue());
    }

    static JsonObject sessionIn(JsonObject page, String sessionId) {
        for (JsonValue v : page.getJsonArray("sessions")) {
            if (sessionId.equals(v.asJsonObject().getString("session_id"))) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("no session " + sessionId + " in " + page);
    }

    static JsonObject find(jakarta.json.JsonArray groups, String key) {
        for (JsonValue v : groups) {
            if (key.equals(v.asJsonObject().getString("group_key"))) {
                return v.asJsonObject();
            }
        }
        return null;
    }

    @Test
    void badParametersAreFourHundredEnvelopes() {
        for (String path : List.of("/api/usage/summary?today_start_unix=yesterday",
                "/api/usage/summary?today_start_unix=-1",
                "/api/usage/summary?today_start_unix=99999999999999",
                "/api/usage/breakdown?group_by=week",
                "/api/usage/breakdown?group_by=day&start_unix=200&end_unix=100",
                "/api/usage/breakdown?group_by=day&start_unix=100&end_unix=100",
                "/api/usage/breakdown?end_unix=1.5",
                "/api/usage/overview?range_start_unix=0&range_end_unix=86400000",
                "/api/usage/overview?range_start_unix=500&range_end_unix=400",
                "/api/usage/sessions?limit=0",
                "/api/usage/sessions?limit=501",
                "/api/usage/sessions?offset=-1",
                "/api/usage/sessions?start_unix=abc")) {
            Api.Resp r = Api.get(path);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.json().getString("code")).as(path).isEqualTo("invalid_request");
            assertThat(r.json().getString("error")).as(path).isNotBlank();
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheUsageRoutes() {
        Api.Resp doc = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/openapi?format=JSON"))
                .GET().build());
        assertThat(doc.status()).isEqualTo(200);
        JsonObject paths = doc.json().getJsonObject("paths");
        for (String route : List.of("summary", "breakdown", "overview", "sessions", "codex", "claude")) {
            JsonObject get = paths.getJsonObject("/api/usage/" + route).getJsonObject("get");
            assertThat(get.getJsonObject("responses").keySet()).as(route).contains("200", "400", "401");
        }
        assertThat(paths.getJsonObject("/api/usage/overview").toString()).contains("#/components/schemas/UsageOverview");
        JsonObject schemas = doc.json().getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("UsageGroup").getJsonObject("properties").keySet())
                .contains("group_key", "day_start_unix", "distinct_session_count", "tokens", "total_cost_usd");
        assertThat(schemas.getJsonObject("UsageBucket").getJsonObject("properties").keySet())
                .contains("session_count", "cached_tokens", "cost_by_model");
        assertThat(schemas.getJsonObject("RateLimitUsage").getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("usage", "error_info");
    }
}
