package dev.flightdeck.core.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShellRulesTest {
    @Test
    void theOutcomeSaysWhyTheCommandStopped() {
        assertEquals("completed", ShellRules.outcome(0, false, false));
        assertEquals("failed", ShellRules.outcome(2, false, false));
        assertEquals("canceled", ShellRules.outcome(143, true, false));
        assertEquals("timed_out", ShellRules.outcome(143, true, true));
    }

    @Test
    void aDirectoryIsInsideOnlyBelowTheRoot() {
        Path root = Path.of("/srv/repo");
        assertTrue(ShellRules.inside(root, Path.of("/srv/repo")));
        assertTrue(ShellRules.inside(root, Path.of("/srv/repo/a/b")));
        assertFalse(ShellRules.inside(root, Path.of("/srv/repo-other")));
        assertFalse(ShellRules.inside(root, Path.of("/srv/repo/../etc")));
    }

    @Test
    void outputIsCountedWholeButKeptOnlyUpToItsBound() {
        OutputBuffer b = new OutputBuffer(8);
        byte[] first = "hello ".getBytes(StandardCharsets.UTF_8);
        b.append(first, 0, first.length);
        assertEquals("hello ", b.takeChunk());
        byte[] more = "world, and more".getBytes(StandardCharsets.UTF_8);
        b.append(more, 0, more.length);
        assertEquals("wo", b.takeChunk(), "only what fits is streamed");
        assertEquals("", b.takeChunk());
        assertEquals("hello wo", b.text());
        assertTrue(b.truncated());
        assertEquals(21, b.totalBytes());
    }
}
