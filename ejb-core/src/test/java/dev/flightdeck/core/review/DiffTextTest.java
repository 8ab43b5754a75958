package dev.flightdeck.core.review;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(b.text()).isEqualTo("diff --git a/x b/x\n@@ -1 +1 @@\n-a\n+b\n");
        assertThat(b.files()).isEqualTo(1);
        assertThat(b.truncated()).isFalse();
    }

    @Test
    void aFileOverItsCapIsCutWithAMarkerAndTheNextFileStillShows() {
        DiffText.Bounded b = bound(50, 10_000, "diff --git a/x b/x", "@@ -0,0 +1,3 @@", "+1111111111", "+2222222222",
                "+3333333333", "diff --git a/y b/y", "+y");
        assertThat(b.truncated()).isTrue();
        assertThat(b.text()).contains("+1111111111\n");
        assertThat(b.text()).doesNotContain("+3333333333");
        assertThat(b.text()).as(b.text()).contains("\\ flightdeck: 2 more lines of this file not shown\ndiff --git a/y b/y\n+y\n");
        assertThat(b.files()).isEqualTo(2);
    }

    @Test
    void pastTheTotalCapWholeFilesAreCountedNotShown() {
        DiffText.Bounded b = bound(1000, 30, "diff --git a/x b/x", "+x", "diff --git a/y b/y", "+y",
                "diff --git a/z b/z", "+z");
        assertThat(b.truncated()).isTrue();
        assertThat(b.text()).startsWith("diff --git a/x b/x\n+x\n");
        assertThat(b.text()).as(b.text()).endsWith("\\ flightdeck: diff truncated: 2 more files not shown\n");
        assertThat(b.files()).isEqualTo(3);
    }

    @Test
    void displayNumbersLinesInTheirFiles() {
        List<DiffText.DisplayLine> d = DiffText.display("diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -3,3 +3,3 @@ ctx\n keep\n-old\n+new\n same\n");
        assertThat(d.get(0)).isEqualTo(new DiffText.DisplayLine("header", "diff --git a/f b/f", null));
        assertThat(d.get(3).type()).isEqualTo("hunk");
        assertThat(d.get(4)).isEqualTo(new DiffText.DisplayLine("context", "keep", 3));
        assertThat(d.get(5)).isEqualTo(new DiffText.DisplayLine("removed", "old", 4));
        assertThat(d.get(6)).isEqualTo(new DiffText.DisplayLine("added", "new", 4));
        assertThat(d.get(7)).isEqualTo(new DiffText.DisplayLine("context", "same", 5));
    }

    @Test
    void replacementShowsOldLinesRemovedThenNewLinesAdded() {
        assertThat(DiffText.replacement("a", "b\nc\n", null)).isEqualTo(List.of(new DiffText.DisplayLine("removed", "a", 1), new DiffText.DisplayLine("added", "b", 1),
                new DiffText.DisplayLine("added", "c", 2)));
    }
}
