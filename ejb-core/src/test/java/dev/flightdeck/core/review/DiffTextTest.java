package dev.flightdeck.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiffTextTest {
    private static DiffText.Bounded bound(int perFile, int total, String... lines) {
        DiffText t = new DiffText(perFile, total);
        for (String l : lines) {
            t.accept(l);
        }
        return t.result();
    }

    @Test
    void aSmallDiffPassesThroughUnchanged() {
        DiffText.Bounded b = bound(1000, 10_000, "diff --git a/x b/x", "@@ -1 +1 @@", "-a", "+b");
        assertEquals("diff --git a/x b/x\n@@ -1 +1 @@\n-a\n+b\n", b.text());
        assertEquals(1, b.files());
        assertFalse(b.truncated());
    }

    @Test
    void aFileOverItsCapIsCutWithAMarkerAndTheNextFileStillShows() {
        DiffText.Bounded b = bound(50, 10_000, "diff --git a/x b/x", "@@ -0,0 +1,3 @@", "+1111111111", "+2222222222",
                "+3333333333", "diff --git a/y b/y", "+y");
        assertTrue(b.truncated());
        assertTrue(b.text().contains("+1111111111\n"));
        assertFalse(b.text().contains("+3333333333"));
        assertTrue(b.text().contains("\\ flightdeck: 2 more lines of this file not shown\ndiff --git a/y b/y\n+y\n"), b.text());
        assertEquals(2, b.files());
    }

    @Test
    void pastTheTotalCapWholeFilesAreCountedNotShown() {
        DiffText.Bounded b = bound(1000, 30, "diff --git a/x b/x", "+x", "diff --git a/y b/y", "+y",
                "diff --git a/z b/z", "+z");
        assertTrue(b.truncated());
        assertTrue(b.text().startsWith("diff --git a/x b/x\n+x\n"));
        assertTrue(b.text().endsWith("\\ flightdeck: diff truncated: 2 more files not shown\n"), b.text());
        assertEquals(3, b.files());
    }

    @Test
    void displayNumbersLinesInTheirFiles() {
        List<DiffText.DisplayLine> d = DiffText.display("diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -3,3 +3,3 @@ ctx\n keep\n-old\n+new\n same\n");
        assertEquals(new DiffText.DisplayLine("header", "diff --git a/f b/f", null), d.get(0));
        assertEquals("hunk", d.get(3).type());
        assertEquals(new DiffText.DisplayLine("context", "keep", 3), d.get(4));
        assertEquals(new DiffText.DisplayLine("removed", "old", 4), d.get(5));
        assertEquals(new DiffText.DisplayLine("added", "new", 4), d.get(6));
        assertEquals(new DiffText.DisplayLine("context", "same", 5), d.get(7));
    }

    @Test
    void replacementShowsOldLinesRemovedThenNewLinesAdded() {
        assertEquals(List.of(new DiffText.DisplayLine("removed", "a", 1), new DiffText.DisplayLine("added", "b", 1),
                new DiffText.DisplayLine("added", "c", 2)), DiffText.replacement("a", "b\nc\n", null));
    }
}
