package dev.flightdeck.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import dev.flightdeck.core.connector.AgentHandle;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageInputTest {
    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    static String image(String mime, byte[] bytes) {
        return "{\"input_type\":\"url\",\"value\":\"data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes) + "\"}";
    }

    @Test
    void aMessageCarriesTextImagesModelAndEffort() {
        MessageInput in = MessageInput.parse(json("{\"content\":\"hi\",\"model\":\"claude-haiku-4-5\",\"effort\":\"minimal\","
                + "\"images\":[" + image("image/png", new byte[] {1, 2, 3}) + "]}"), false);
        assertEquals("hi", in.content());
        assertEquals("image/png", in.images().get(0).mediaType());
        assertEquals("AQID", in.images().get(0).base64());
        assertEquals(1, in.imageRows().size());
        assertEquals("claude-haiku-4-5", in.model());
        assertEquals("low", in.claudeEffort(), "Claude's lowest effort is low");
    }

    @Test
    void anImageAloneIsAMessageButNothingAtAllIsNot() {
        assertEquals("", MessageInput.parse(json("{\"images\":[" + image("image/gif", new byte[] {7}) + "]}"), false).content());
        for (String bad : new String[] {"{}", "{\"content\":\"  \"}", "{\"content\":5}", "{\"content\":\"x\",\"effort\":\"huge\"}",
                "{\"content\":\"x\",\"images\":{}}", "{\"content\":\"x\",\"images\":[{\"input_type\":\"url\",\"value\":\"https://e/x.png\"}]}",
                "{\"content\":\"x\",\"images\":[" + image("image/tiff", new byte[] {1}) + "]}",
                "{\"content\":\"x\",\"images\":[{\"input_type\":\"url\",\"value\":\"data:image/png;base64,%%%\"}]}"}) {
            ApiException e = assertThrows(ApiException.class, () -> MessageInput.parse(json(bad), false), bad);
            assertEquals(400, e.status(), bad);
        }
    }

    @Test
    void aSteerTakesNoModelOrEffort() {
        MessageInput in = MessageInput.parse(json("{\"content\":\"go left\",\"model\":\"m\",\"effort\":\"high\","
                + "\"expected_turn_id\":\"turn-2\"}"), true);
        assertNull(in.model());
        assertNull(in.effort());
        assertEquals("turn-2", in.expectedTurnId());
    }

    @Test
    void skillsAndMentionsAreReferencesAndAreEnoughForAMessage() {
        MessageInput in = MessageInput.parse(json("{\"skills\":[{\"name\":\"release-notes\",\"path\":\".claude/skills/release-notes/SKILL.md\"}],"
                + "\"mentions\":[{\"path\":\"docs/notes.txt\"},{\"name\":\"Main\",\"path\":\"src/Main.java\"}]}"), false);
        assertEquals("", in.content());
        assertEquals(List.of(new AgentHandle.Reference("release-notes", ".claude/skills/release-notes/SKILL.md")), in.refs().skills());
        assertEquals(List.of(new AgentHandle.Reference("notes.txt", "docs/notes.txt"), new AgentHandle.Reference("Main", "src/Main.java")),
                in.refs().mentions());
        MessageInput steer = MessageInput.parse(json("{\"content\":\"x\",\"skills\":[{\"name\":\"a\",\"path\":\"p\"}],"
                + "\"mentions\":[{\"path\":\"m\"}]}"), true);
        assertTrue(steer.refs().skills().isEmpty(), "a steer takes mentions only, as the contract says");
        assertEquals(1, steer.refs().mentions().size());
        assertTrue(MessageInput.parse(json("{\"content\":\"x\"}"), false).refs().isEmpty());
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
            ApiException e = assertThrows(ApiException.class, () -> MessageInput.parse(json(b[0]), false), b[0]);
            assertEquals(400, e.status());
            assertTrue(e.getMessage().startsWith(b[1]), e.getMessage());
        }
    }
}
