package dev.flightdeck.core.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FsRulesTest {
    @Test
    void onlyPathsBelowARootAreAllowed() {
        List<Path> roots = List.of(Path.of("/home/dev"), Path.of("/srv/code"));
        assertThat(FsRules.allowed(Path.of("/home/dev"), roots)).isTrue();
        assertThat(FsRules.allowed(Path.of("/srv/code/a/b"), roots)).isTrue();
        assertThat(FsRules.allowed(Path.of("/home/dev2"), roots)).isFalse();
        assertThat(FsRules.allowed(Path.of("/home/dev/../other"), roots)).as("normalized before the check").isFalse();
        assertThat(FsRules.allowed(Path.of("/"), roots)).isFalse();
    }

    @Test
    void entriesAreDirectoriesFirstThenByNameIgnoringCase() {
        List<FsRules.Entry> e = new ArrayList<>(List.of(new FsRules.Entry("b.txt", false, false),
                new FsRules.Entry("Zed", true, false), new FsRules.Entry("alpha", true, true), new FsRules.Entry("A.md", false, false)));
        e.sort(FsRules.ORDER);
        assertThat(e.stream().map(FsRules.Entry::name).toList()).isEqualTo(List.of("alpha", "Zed", "A.md", "b.txt"));
        assertThat(FsRules.listed(".git")).isFalse();
        assertThat(FsRules.expand("~/x", "/home/u")).isEqualTo("/home/u/x");
        assertThat(FsRules.expand("~", "/home/u")).isEqualTo("/home/u");
    }
}
