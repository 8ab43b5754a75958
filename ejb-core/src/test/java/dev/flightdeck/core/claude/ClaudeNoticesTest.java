package dev.flightdeck.core.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.connector.AgentEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Claude Code messages subscribers hear as they are. The lines have the shapes of the CLI's own
 * stream-json schema (2.1.330): rate_limit_event and files_persisted cannot be produced against the
 * tests' scripted model (a subscription login's limits; a remote session's uploads), so they are
 * checked here.
 */
class ClaudeNoticesTest {
    static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return r.readObject();
        }
    }

    static List<AgentEvent.Notice> notices(List<AgentEvent> events) {
        return events.stream().filter(e -> e instanceof AgentEvent.Notice).map(e -> (AgentEvent.Notice) e).toList();
    }

    @Test
    void aCompactBoundaryIsARowAndThenContextCompacted() {
        List<AgentEvent> out = new ClaudeMapper().map(json("{'type':'system','subtype':'compact_boundary','uuid':'c1',"
                + "'compact_metadata':{'trigger':'manual','pre_tokens':1200}}"), 0);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isInstanceOf(AgentEvent.Row.class);
        assertThat(((AgentEvent.Notice) out.get(1)).type()).isEqualTo("context_compacted");
    }

    @Test
    void aRateLimitEventIsStoredAndForwardedWithSnakeCaseKeys() {
        List<AgentEvent> out = new ClaudeMapper().map(json("{'type':'rate_limit_event','rate_limit_info':{"
                + "'status':'allowed_warning','resetsAt':1893456000,'rateLimitType':'five_hour','utilization':0.91,"
                + "'isUsingOverage':false,'surpassedThreshold':0.9},'uuid':'u','session_id':'s'}"), 0);
        assertThat(out.get(0)).isInstanceOf(AgentEvent.RateLimits.class);
        AgentEvent.Notice n = notices(out).get(0);
        assertThat(n.type()).isEqualTo("rate_limit_event");
        JsonObject info = n.payload().getJsonObject("info");
        assertThat(info.getString("status")).isEqualTo("allowed_warning");
        assertThat(info.getJsonNumber("resets_at").longValue()).isEqualTo(1_893_456_000L);
        assertThat(info.getString("rate_limit_type")).isEqualTo("five_hour");
        assertThat(info.getJsonNumber("utilization").doubleValue()).isEqualTo(0.91);
        assertThat(info.getBoolean("is_using_overage")).isFalse();
        assertThat(info.getJsonNumber("surpassed_threshold").doubleValue()).isEqualTo(0.9);
        assertThat(info.containsKey("resetsAt")).isFalse();
    }

    @Test
    void aPromptSuggestionCarriesItsText() {
        assertThat(notices(new ClaudeMapper().map(json("{'type':'prompt_suggestion','suggestion':'run the tests',"
                + "'uuid':'u','session_id':'s'}"), 0)))
                .singleElement().satisfies(n -> {
                    assertThat(n.type()).isEqualTo("prompt_suggestion");
                    assertThat(n.payload().getString("suggestion")).isEqualTo("run the tests");
                });
        assertThat(new ClaudeMapper().map(json("{'type':'prompt_suggestion','suggestion':'  '}"), 0)).isEmpty();
    }

    @Test
    void filesPersistedListsTheSavedFilesByName() {
        List<AgentEvent.Notice> n = notices(new ClaudeMapper().map(json("{'type':'system','subtype':'files_persisted',"
                + "'files':[{'filename':'out/report.md','file_id':'file_1'},{'filename':'a.png','file_id':'file_2'}],"
                + "'failed':[{'filename':'big.bin','error':'too large'}],'processed_at':'2026-01-01T00:00:00Z',"
                + "'uuid':'u','session_id':'s'}"), 0));
        assertThat(n).singleElement().satisfies(x -> {
            assertThat(x.type()).isEqualTo("files_persisted");
            assertThat(x.payload().getJsonArray("files").getValuesAs(jakarta.json.JsonString.class))
                    .extracting(jakarta.json.JsonString::getString).containsExactly("out/report.md", "a.png");
        });
        assertThat(new ClaudeMapper().map(json("{'type':'system','subtype':'files_persisted','files':[],'failed':[]}"), 0))
                .isEmpty();
    }

    @Test
    void camelCaseKeysBecomeSnakeCase() {
        assertThat(ClaudeNotices.snake("resetsAt")).isEqualTo("resets_at");
        assertThat(ClaudeNotices.snake("status")).isEqualTo("status");
        assertThat(ClaudeNotices.snake("overageDisabledReason")).isEqualTo("overage_disabled_reason");
    }
}
