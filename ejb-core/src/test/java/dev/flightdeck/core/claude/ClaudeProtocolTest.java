package dev.flightdeck.core.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.core.connector.AgentHandle;
import dev.flightdeck.core.connector.LaunchSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaudeProtocolTest {
    static LaunchSpec spec(List<String> allowed, List<String> disallowed, boolean bypass, List<String> skills) {
        return new LaunchSpec("od-1", Path.of("/w"), null, null, null, false, null, null, allowed, disallowed, null,
                bypass, skills);
    }

    @Test
    void toolRulesSkillsAndBypassReachTheCommandLineAsOneArgumentEach() {
        List<String> cmd = ClaudeProtocol.command("claude", spec(List.of("Read", "Bash(git *)"), List.of("WebFetch", "Bash(rm *)"),
                true, List.of("release-notes")));
        assertThat(cmd).contains("--allowedTools=Read,Bash(git *),Skill(release-notes)",
                "--disallowedTools=WebFetch,Bash(rm *)", "--allow-dangerously-skip-permissions");
        assertThat(cmd).doesNotContain("--dangerously-skip-permissions", "--allowedTools", "--disallowedTools");
    }

    @Test
    void nothingConfiguredAddsNothing() {
        List<String> cmd = ClaudeProtocol.command("claude", spec(List.of(), List.of(), false, List.of()));
        assertThat(cmd).noneMatch(a -> a.startsWith("--allowedTools") || a.startsWith("--disallowedTools")
                || a.contains("skip-permissions"));
    }

    @Test
    void theFirstSkillIsTheCommandAndOtherSkillsAndMentionsAreAtReferences() {
        var skill = new AgentHandle.Reference("release-notes", ".claude/skills/release-notes/SKILL.md");
        var other = new AgentHandle.Reference("deploy", ".claude/skills/deploy/SKILL.md");
        var mention = new AgentHandle.Reference("notes", "docs/my notes.txt");
        assertThat(ClaudeProtocol.text("for v2", new AgentHandle.References(List.of(skill), List.of())))
                .isEqualTo("/release-notes for v2");
        assertThat(ClaudeProtocol.text("", new AgentHandle.References(List.of(skill), List.of()))).isEqualTo("/release-notes");
        assertThat(ClaudeProtocol.text("look", new AgentHandle.References(List.of(skill, other), List.of(mention))))
                .isEqualTo("/release-notes look @.claude/skills/deploy/SKILL.md @\"docs/my notes.txt\"");
        assertThat(ClaudeProtocol.text("see", new AgentHandle.References(List.of(),
                List.of(new AgentHandle.Reference("a", "src/A.java"))))).isEqualTo("see @src/A.java");
        assertThat(ClaudeProtocol.text("plain", AgentHandle.References.NONE)).isEqualTo("plain");
    }
}
