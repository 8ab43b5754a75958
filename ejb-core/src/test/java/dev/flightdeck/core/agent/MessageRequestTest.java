package dev.flightdeck.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import dev.flightdeck.core.connector.AgentHandle;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRequestTest {
    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    /** A body whose session has no attachments. */
    static MessageInput parse(JsonObject body, boolean steer) {
        return MessageRequest.parse(body, steer).resolve(id -> null);
    }

    static String image(String mime, byte[] bytes) {
        return "{\"input_type\":\"url\",\"value\":\"data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes) + "\"}";
    }

    @Test
    void aMessageCarriesTextImagesModelAndEffort() {
        MessageInput in = parse(json("{\"content\":\"hi\",\"model\":\"claude-haiku-4-5\",\"effort\":\"minimal\","
                + "\"images\":[" + image("image/png", new byte[] {1, 2, 3}) + "]}"), false);
        assertThat(in.content()).isEqualTo("hi");
        assertThat(in.images().get(0).mediaType()).isEqualTo("image/png");
        assertThat(in.images().get(0).base64()).isEqualTo("AQID");
        assertThat(in.imageRows()).hasSize(1);
        assertThat(in.model()).isEqualTo("claude-haiku-4-5");
        assertThat(in.claudeEffort()).as("Claude's lowest effort is low").isEqualTo("low");
    }

    @Test
    void anImageAloneIsAMessageButNothingAtAllIsNot() {
        assertThat(parse(json("{\"images\":[" + image("image/gif", new byte[] {7}) + "]}"), false).content()).isEqualTo("");
        for (String bad : new String[] {"{}", "{\"content\":\"  \"}", "{\"content\":5}", "{\"content\":\"x\",\"effort\":\"huge\"}",
                "{\"content\":\"x\",\"images\":{}}", "{\"content\":\"x\",\"images\":[{\"input_type\":\"url\",\"value\":\"https://e/x.png\"}]}",
                "{\"content\":\"x\",\"images\":[" + image("image/tiff", new byte[] {1}) + "]}",
                "{\"content\":\"x\",\"images\":[{\"input_type\":\"url\",\"value\":\"data:image/png;base64,%%%\"}]}"}) {
            assertThatThrownBy(() -> parse(json(bad), false)).as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).as(bad).isEqualTo(400));
        }
    }

    @Test
    void aSteerTakesNoModelOrEffort() {
        MessageInput in = parse(json("{\"content\":\"go left\",\"model\":\"m\",\"effort\":\"high\","
                + "\"expected_turn_id\":\"turn-2\"}"), true);
        assertThat(in.model()).isNull();
        assertThat(in.effort()).isNull();
        assertThat(in.expectedTurnId()).isEqualTo("turn-2");
    }

    @Test
    void skillsAndMentionsAreReferencesAndAreEnoughForAMessage() {
        MessageInput in = parse(json("{\"skills\":[{\"name\":\"release-notes\",\"path\":\".claude/skills/release-notes/SKILL.md\"}],"
                + "\"mentions\":[{\"path\":\"docs/notes.txt\"},{\"name\":\"Main\",\"path\":\"src/Main.java\"}]}"), false);
        assertThat(in.content()).isEqualTo("");
        assertThat(in.refs().skills()).isEqualTo(List.of(new AgentHandle.Reference("release-notes", ".claude/skills/release-notes/SKILL.md")));
        assertThat(in.refs().mentions()).isEqualTo(List.of(new AgentHandle.Reference("notes.txt", "docs/notes.txt"), new AgentHandle.Reference("Main", "src/Main.java")));
        MessageInput steer = parse(json("{\"content\":\"x\",\"skills\":[{\"name\":\"a\",\"path\":\"p\"}],"
                + "\"mentions\":[{\"path\":\"m\"}]}"), true);
        assertThat(steer.refs().skills()).as("a steer takes mentions only, as the contract says").isEmpty();
        assertThat(steer.refs().mentions()).hasSize(1);
        assertThat(parse(json("{\"content\":\"x\"}"), false).refs().isEmpty()).isTrue();
    }

    @Test
    void badSkillsAndMentionsNameTheirField() {
        String[][] bad = {{"{\"content\":\"x\",\"skills\":{}}", "skills"},
                {"{\"content\":\"x\",\"skills\":[{\"path\":\"p\"}]}", "skills[0].name"},
                {"{\"content\":\"x\",\"skills\":[{\"name\":\"rm -rf\",\"path\":\"p\"}]}", "skills[0].name"},
                {"{\"content\":\"x\",\"mentions\":[\"docs\"]}", "mentions[0]"},
                {"{\"content\":\"x\",\"mentions\":[{\"path\":\"a\\nb\"}]}", "mentions[0].path"},
                {"{\"content\":\"x\",\"mentions\":[{\"path\":\"a\\\"b\"}]}", "mentions[0].path"},
                {"{\"content\":\"x\",\"mentions\":[{\"path\":\"\"}]}", "mentions[0].path"}};
        for (String[] b : bad) {
            assertThatThrownBy(() -> parse(json(b[0]), false)).as(b[0])
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).as(b[0]).startsWith(b[1]);
                    });
        }
    }

    @Test
    void anAttachmentIsReadWhenTheMessageIsSentAndAnUnknownOneNamesItsImage() {
        MessageRequest req = MessageRequest.parse(json("{\"content\":\"x\",\"images\":[" + image("image/png", new byte[] {1})
                + ",{\"input_type\":\"attachment\",\"value\":\"att-1\"}]}"), false);
        AgentHandle.ImageInput stored = new AgentHandle.ImageInput("image/jpeg", "/9j/");
        MessageInput in = req.resolve(id -> "att-1".equals(id) ? stored : null);
        assertThat(in.images()).containsExactly(new AgentHandle.ImageInput("image/png", "AQ=="), stored);
        assertThat(in.imageRows()).isEqualTo(req.imageRows());
        assertThatThrownBy(() -> req.resolve(id -> null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("images[1]: no image attachment att-1 in this session");
                });
    }

    @Test
    void aReviewSentAsTextIsCheckedAsContentIs() {
        assertThat(MessageRequest.text("fix it").resolve(id -> null).content()).isEqualTo("fix it");
        assertThatThrownBy(() -> MessageRequest.text(" ")).hasMessageStartingWith("content:");
        assertThatThrownBy(() -> MessageRequest.text("x".repeat(MessageRequest.MAX_CONTENT + 1)))
                .hasMessageStartingWith("content:");
    }
}
