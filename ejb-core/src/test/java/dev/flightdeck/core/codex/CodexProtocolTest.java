package dev.flightdeck.core.codex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.connector.AgentHandle;
import dev.flightdeck.core.connector.ApprovalDecision;
import dev.flightdeck.core.connector.LaunchSpec;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodexProtocolTest {
    static LaunchSpec spec(String approval, String sandbox, String resumeId, boolean fork, String resumeAt) {
        return new LaunchSpec("od-1", Path.of("/w/repo"), null, approval, resumeId, fork, resumeAt, null, List.of(),
                List.of(), sandbox, false, List.of(), null, null);
    }

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void everyWayOfOpeningAThreadCarriesTheSandboxAndTheApprovalPolicy() {
        for (LaunchSpec s : List.of(spec("on-request", "workspace-write", null, false, null),
                spec("on-request", "workspace-write", "th-1", false, null),
                spec("on-request", "workspace-write", "th-1", true, null),
                spec("on-request", "workspace-write", "th-1", false, "turn-3"))) {
            JsonObject p = CodexProtocol.openParams(s);
            assertThat(p.getString("sandbox")).isEqualTo("workspace-write");
            assertThat(p.getString("approvalPolicy")).isEqualTo("on-request");
            assertThat(p.getString("cwd")).isEqualTo("/w/repo");
        }
        assertThat(CodexProtocol.openMethod(spec(null, null, null, false, null))).isEqualTo("thread/start");
        assertThat(CodexProtocol.openMethod(spec(null, null, "th-1", false, null))).isEqualTo("thread/resume");
        assertThat(CodexProtocol.openMethod(spec(null, null, "th-1", true, null))).isEqualTo("thread/fork");
    }

    @Test
    void theServiceTierGoesWithEveryWayOfOpeningAThread() {
        for (String resume : java.util.Arrays.asList(null, "th-1")) {
            LaunchSpec s = new LaunchSpec("od-1", Path.of("/w/repo"), null, null, resume, false, null, null, List.of(),
                    List.of(), null, false, List.of(), null, "flex");
            assertThat(CodexProtocol.openParams(s).getString("serviceTier")).isEqualTo("flex");
        }
    }

    @Test
    void unsetSettingsAreLeftToCodexAndOnFailureBecomesOnRequest() {
        JsonObject p = CodexProtocol.openParams(spec(null, null, null, false, null));
        assertThat(p).doesNotContainKeys("sandbox", "approvalPolicy", "serviceTier");
        // The pinned app-server's AskForApproval has untrusted, on-request and never only.
        assertThat(CodexProtocol.openParams(spec("on-failure", "read-only", null, false, null)).getString("approvalPolicy"))
                .isEqualTo("on-request");
        assertThat(CodexProtocol.openParams(spec("never", "danger-full-access", null, false, null)))
                .containsEntry("approvalPolicy", Json.createValue("never"))
                .containsEntry("sandbox", Json.createValue("danger-full-access"));
    }

    @Test
    void skillsAndMentionsBecomeTheirOwnInputItemsAfterTheText() {
        var refs = new AgentHandle.References(List.of(new AgentHandle.Reference("release-notes", "/w/repo/.agents/skills/release-notes/SKILL.md")),
                List.of(new AgentHandle.Reference("notes.txt", "docs/notes.txt")));
        var input = CodexProtocol.input("write them", List.of(), refs);
        assertThat(input).hasSize(3);
        assertThat(input.getJsonObject(0).getString("type")).isEqualTo("text");
        assertThat(input.getJsonObject(1)).isEqualTo(json("{\"type\":\"skill\",\"name\":\"release-notes\","
                + "\"path\":\"/w/repo/.agents/skills/release-notes/SKILL.md\"}"));
        assertThat(input.getJsonObject(2)).isEqualTo(json("{\"type\":\"mention\",\"name\":\"notes.txt\",\"path\":\"docs/notes.txt\"}"));
        assertThat(CodexProtocol.input("", List.of(), refs)).hasSize(2);
    }

    @Test
    void aPermissionsResponseGrantsWhatTheHumanGrantedElseWhatWasAsked() {
        JsonObject request = json("{\"permissions\":{\"network\":{\"enabled\":true},\"fileSystem\":{\"write\":[\"/w/out\"]}}}");
        JsonObject asked = json(CodexProtocol.permissions(Json.createValue(7), new ApprovalDecision("approved", null, false, null), request))
                .getJsonObject("result");
        assertThat(asked.getJsonObject("permissions")).isEqualTo(request.getJsonObject("permissions"));
        assertThat(asked.getString("scope")).isEqualTo("turn");

        JsonObject only = json("{\"permissions\":{\"network\":{\"enabled\":true}}}");
        JsonObject granted = json(CodexProtocol.permissions(Json.createValue(7),
                new ApprovalDecision("approved_for_session", null, false, only), request)).getJsonObject("result");
        assertThat(granted.getJsonObject("permissions")).isEqualTo(only.getJsonObject("permissions"));
        assertThat(granted.getString("scope")).isEqualTo("session");

        JsonObject denied = json(CodexProtocol.permissions(Json.createValue(7), new ApprovalDecision("denied", null, false, only), request))
                .getJsonObject("result");
        assertThat(denied.getJsonObject("permissions")).isEmpty();
    }
}
