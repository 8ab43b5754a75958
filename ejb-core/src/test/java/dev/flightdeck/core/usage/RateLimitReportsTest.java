package dev.flightdeck.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RateLimitReportsTest {
    static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return r.readObject();
        }
    }

    @Test
    void codexWindowsAreMergedSoARollingUpdateKeepsWhatItLeavesOut() {
        JsonObject first = RateLimitReports.mergeCodex(null, json("{'primary':{'usedPercent':42,'windowDurationMins':300,"
                + "'resetsAt':1893456000},'secondary':{'usedPercent':7,'windowDurationMins':10080,'resetsAt':1893456000},"
                + "'rateLimitReachedType':null,'planType':'plus'}"), 1_000_000L);
        assertThat(first.getJsonObject("primary")).isEqualTo(json("{'used_percent':42.0,'window_duration_mins':300,"
                + "'resets_at_unix':1893456000}"));
        assertThat(first.getJsonObject("secondary").getJsonNumber("used_percent").doubleValue()).isEqualTo(7.0);
        assertThat(first.containsKey("rate_limit_reached_type")).isFalse();
        assertThat(first.getJsonNumber("fetched_at_unix").longValue()).isEqualTo(1000);

        JsonObject second = RateLimitReports.mergeCodex(first, json("{'primary':{'usedPercent':100},'secondary':null,"
                + "'rateLimitReachedType':'rate_limit_reached'}"), 2_000_000L);
        assertThat(second.getJsonObject("primary")).isEqualTo(json("{'used_percent':100.0}"));
        assertThat(second.getJsonObject("secondary")).isEqualTo(first.getJsonObject("secondary"));
        assertThat(second.getString("rate_limit_reached_type")).isEqualTo("rate_limit_reached");
        assertThat(second.getString("plan_type")).isEqualTo("plus");

        JsonObject third = RateLimitReports.mergeCodex(second, json("{'rateLimitReachedType':null}"), 3_000_000L);
        assertThat(third.containsKey("rate_limit_reached_type")).as("present and null: no longer reached").isFalse();
        assertThat(RateLimitReports.mergeCodex(second, json("{}"), 3_000_000L).getString("rate_limit_reached_type"))
                .as("absent: unchanged").isEqualTo("rate_limit_reached");
    }

    @Test
    void claudeEventsFillOneWindowEachAsPercentagesWithAnRfc3339Reset() {
        JsonObject five = RateLimitReports.mergeClaude(null, json("{'status':'allowed','rateLimitType':'five_hour',"
                + "'utilization':0.25,'resetsAt':1893456000}"), 5_000L);
        assertThat(five.getJsonObject("five_hour")).isEqualTo(json("{'utilization':25.0,"
                + "'resets_at':'2030-01-01T00:00:00Z','status':'allowed'}"));
        assertThat(five.getJsonNumber("fetched_at_unix").longValue()).isEqualTo(5);

        JsonObject both = RateLimitReports.mergeClaude(five, json("{'status':'rejected','rateLimitType':'seven_day_opus'}"),
                9_000L);
        assertThat(both.getJsonObject("five_hour")).isEqualTo(five.getJsonObject("five_hour"));
        assertThat(both.getJsonObject("seven_day_opus").getJsonNumber("utilization").doubleValue()).isEqualTo(100.0);
        assertThat(both.getString("status")).isEqualTo("rejected");

        JsonObject later = RateLimitReports.mergeClaude(both, json("{'status':'allowed','rateLimitType':'five_hour'}"), 10_000L);
        assertThat(later.getJsonObject("five_hour").getJsonNumber("utilization").doubleValue())
                .as("an event without utilization keeps the last one").isEqualTo(25.0);
        assertThat(RateLimitReports.mergeClaude(null, json("{'status':'allowed','rateLimitType':'overage'}"), 1L)
                .containsKey("overage")).isFalse();
    }
}
