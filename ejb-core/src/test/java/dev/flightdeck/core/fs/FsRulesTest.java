package dev.flightdeck.core.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FsRulesTest {
    @Test
    void onlyPathsBelowARootAreAllowed() {
        List<Path> roots = List.of(Path.of("/home/dev"), Path.of("/srv/code"));
        assertTrue(FsRules.allowed(Path.of("/home/dev"), roots));
        assertTrue(FsRules.allowed(Path.of("/srv/code/a/b"), roots));
        assertFalse(FsRules.allowed(Path.of("/home/dev2"), roots));
        assertFalse(FsRules.allowed(Path.of("/home/dev/../other"), roots), "normalized before the check");
        assertFalse(FsRules.allowed(Path.of("/"), roots));
    }

    @Test
    void entriesAreDirectoriesFirstThenByNameIgnoringCase() {
        List<FsRules.Entry> e = new ArrayList<>(List.of(new FsRules.Entry("b.txt", false, false),
                new FsRules.Entry("Zed", true, false), new FsRules.Entry("alpha", true, true), new FsRules.Entry("A.md", false, false)));
        e.sort(FsRules.ORDER);
        assertEquals(List.of("alpha", "Zed", "A.md", "b.txt"), e.stream().map(FsRules.Entry::name).toList());
        assertFalse(FsRules.listed(".git"));
        assertEquals("/home/u/x", FsRules.expand("~/x", "/home/u"));
        assertEquals("/home/u", FsRules.expand("~", "/home/u"));
    }
}
