package dev.flightdeck.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewRulesTest {
    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void aDraftNamesItsFileLinesTextAndTag() {
        ReviewRules.Draft d = ReviewRules.draft(json("{\"turn_id\":\"turn-2\",\"file_path\":\"src/a.js\",\"line_start\":3,"
                + "\"line_end\":5,\"body\":\"rename\",\"tag\":\"nit\"}"));
        assertThat(d).isEqualTo(new ReviewRules.Draft("turn-2", "src/a.js", 3, 5, "rename", "nit"));
    }

    @Test
    void aDraftIsRefusedFieldByField() {
        assertThatThrownBy(() -> ReviewRules.draft(json("{\"line_start\":1,\"body\":\"x\"}")))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("file_path");
        assertThatThrownBy(() -> ReviewRules.draft(json("{\"file_path\":\"a\",\"line_start\":0,\"body\":\"x\"}")))
                .hasMessageStartingWith("line_start");
        assertThatThrownBy(() -> ReviewRules.draft(json("{\"file_path\":\"a\",\"line_start\":4,\"line_end\":2,\"body\":\"x\"}")))
                .hasMessageStartingWith("line_end");
        assertThatThrownBy(() -> ReviewRules.draft(json("{\"file_path\":\"a\",\"line_start\":1,\"body\":\" \"}")))
                .hasMessageStartingWith("body");
        assertThatThrownBy(() -> ReviewRules.draft(json("{\"file_path\":\"a\",\"line_start\":1,\"body\":\"x\",\"tag\":\"wow\"}")))
                .hasMessageStartingWith("tag");
    }

    @Test
    void anEditChangesOnlyWhatItNames() {
        assertThat(ReviewRules.edit(json("{\"status\":\"resolved\"}")))
                .isEqualTo(new ReviewRules.Edit(null, false, null, "resolved"));
        assertThat(ReviewRules.edit(json("{\"tag\":null}"))).isEqualTo(new ReviewRules.Edit(null, true, null, null));
        assertThatThrownBy(() -> ReviewRules.edit(json("{\"status\":\"done\"}"))).hasMessageStartingWith("status");
    }

    @Test
    void theMessageQuotesEachCommentWithItsLines() {
        ReviewWire.Comment one = new ReviewWire.Comment("c1", "s", null, "src/a.js", 3, null, "rename this", "clarity",
                "open", null, null, null);
        ReviewWire.Comment two = new ReviewWire.Comment("c2", "s", null, "b.py", 7, 9, "first\nsecond", null, "open",
                null, null, null);
        assertThat(ReviewRules.message(List.of(one, two))).isEqualTo("""
                Review comments on your changes; please address each:

                1. src/a.js, line 3 [clarity]:
                   rename this

                2. b.py, lines 7-9:
                   first
                   second
                """);
    }
}
