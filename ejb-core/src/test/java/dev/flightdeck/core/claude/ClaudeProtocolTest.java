package dev.flightdeck.core.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.core.connector.AgentHandle;
import dev.flightdeck.core.connector.LaunchSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaudeProtocolTest {
    static LaunchSpec tools(List<String> allowed, List<String> disallowed, boolean bypass, List<String> skills) {
        return new LaunchSpec("od-1", Path.of("/w"), null, null, null, false, null, null, allowed, disallowed, null,
                bypass, skills, null, null);
    }

    @Test
    void toolRulesSkillsAndBypassReachTheCommandLineAsOneArgumentEach() {
        List<String> cmd = ClaudeProtocol.command("claude", tools(List.of("Read", "Bash(git *)"), List.of("WebFetch", "Bash(rm *)"),
                true, List.of("release-notes")), null);
        assertThat(cmd).contains("--allowedTools=Read,Bash(git *),Skill(release-notes)",
                "--disallowedTools=WebFetch,Bash(rm *)", "--allow-dangerously-skip-permissions");
        assertThat(cmd).doesNotContain("--dangerously-skip-permissions", "--allowedTools", "--disallowedTools");
    }

    @Test
    void nothingConfiguredAddsNothing() {
        List<String> cmd = ClaudeProtocol.command("claude", tools(List.of(), List.of(), false, List.of()), null);
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

    static LaunchSpec spec(String model, String mode, String resume, boolean fork, String at, String instructions,
                           List<String> allowed) {
        return new LaunchSpec("od-1", Path.of("/repo"), model, mode, resume, fork, at, instructions, allowed, List.of(),
                null, false, List.of(), null, null);
    }

    @Test
    void everyValueIsOneOptionEqualsValueArgument() {
        List<String> cmd = ClaudeProtocol.command("claude", spec("opus[1m]", "acceptEdits",
                "0f8e2c1a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", true, "msg-7", "be brief", List.of("Bash(git *)", "Edit")),
                Path.of("/data/tmp/instructions.md"));
        assertThat(cmd).containsExactly("claude", "-p", "--output-format=stream-json", "--verbose",
                "--input-format=stream-json", "--permission-prompt-tool=stdio", "--model=opus[1m]",
                "--permission-mode=acceptEdits", "--resume=0f8e2c1a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "--fork-session",
                "--resume-session-at=msg-7", "--append-system-prompt-file=/data/tmp/instructions.md",
                "--allowedTools=Bash(git *),Edit", "--prompt-suggestions=true");
    }

    @Test
    void theInstructionsNeverGoOnTheCommandLine() {
        String instructions = "é".repeat(70_000);
        LaunchSpec s = spec(null, null, null, false, null, instructions, List.of());
        assertThat(ClaudeProtocol.hasInstructions(s)).isTrue();
        List<String> cmd = ClaudeProtocol.command("claude", s, Path.of("/f.md"));
        assertThat(cmd).noneMatch(a -> a.contains("é")).contains("--append-system-prompt-file=/f.md");
        assertThat(String.join(" ", cmd).length()).isLessThan(300);
        assertThat(ClaudeProtocol.hasInstructions(spec(null, null, null, false, null, "  ", List.of()))).isFalse();
        assertThat(ClaudeProtocol.command("claude", spec(null, null, null, false, null, null, List.of()), null))
                .noneMatch(a -> a.startsWith("--append-system-prompt"));
    }

    @Test
    void aValueThatCouldBeReadAsAFlagIsRefused() {
        assertThatThrownBy(() -> ClaudeProtocol.command("claude",
                spec(null, null, "--dangerously-skip-permissions", false, null, null, List.of()), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--resume");
        assertThatThrownBy(() -> ClaudeProtocol.command("claude",
                spec("-p", null, null, false, null, null, List.of()), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--model");
        assertThatThrownBy(() -> ClaudeProtocol.command("claude",
                spec(null, "bypassPermissions --x", null, false, null, null, List.of()), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--permission-mode");
        assertThatThrownBy(() -> ClaudeProtocol.command("claude",
                spec(null, null, "abc", false, "-rf", null, List.of()), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--resume-session-at");
    }
}
