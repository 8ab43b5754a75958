package dev.flightdeck.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShellRulesTest {
    @Test
    void theOutcomeSaysWhyTheCommandStopped() {
        assertThat(ShellRules.outcome(0, false, false)).isEqualTo("completed");
        assertThat(ShellRules.outcome(2, false, false)).isEqualTo("failed");
        assertThat(ShellRules.outcome(143, true, false)).isEqualTo("canceled");
        assertThat(ShellRules.outcome(143, true, true)).isEqualTo("timed_out");
    }

    @Test
    void aDirectoryIsInsideOnlyBelowTheRoot() {
        Path root = Path.of("/srv/repo");
        assertThat(ShellRules.inside(root, Path.of("/srv/repo"))).isTrue();
        assertThat(ShellRules.inside(root, Path.of("/srv/repo/a/b"))).isTrue();
        assertThat(ShellRules.inside(root, Path.of("/srv/repo-other"))).isFalse();
        assertThat(ShellRules.inside(root, Path.of("/srv/repo/../etc"))).isFalse();
    }

    @Test
    void outputIsCountedWholeButKeptOnlyUpToItsBound() {
        OutputBuffer b = new OutputBuffer(8);
        byte[] first = "hello ".getBytes(StandardCharsets.UTF_8);
        b.append(first, 0, first.length);
        assertThat(b.takeChunk()).isEqualTo("hello ");
        byte[] more = "world, and more".getBytes(StandardCharsets.UTF_8);
        b.append(more, 0, more.length);
        assertThat(b.takeChunk()).as("only what fits is streamed").isEqualTo("wo");
        assertThat(b.takeChunk()).isEqualTo("");
        assertThat(b.text()).isEqualTo("hello wo");
        assertThat(b.truncated()).isTrue();
        assertThat(b.totalBytes()).isEqualTo(21);
    }
}
