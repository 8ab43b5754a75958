package dev.flightdeck.core.worktree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorktreeRulesTest {
    @Test
    void porcelainListsEachWorktree() {
        String out = "worktree /r\nHEAD abc\nbranch refs/heads/main\n\nworktree /r/.flightdeck-worktrees/f\nHEAD def\n"
                + "branch refs/heads/feat/x\n\nworktree /gone\nHEAD 123\ndetached\nprunable gitdir file points to non-existent location\n";
        List<WorktreeRules.Listed> l = WorktreeRules.parsePorcelain(out);
        assertEquals(3, l.size());
        assertEquals(new WorktreeRules.Listed("/r", "abc", "main", false, false), l.get(0));
        assertEquals("feat/x", l.get(1).branch());
        assertEquals(new WorktreeRules.Listed("/gone", "123", null, false, true), l.get(2));
    }

    @Test
    void statusFollowsDiskAndGit() {
        assertEquals("active", WorktreeRules.status(true, true));
        assertEquals("orphaned", WorktreeRules.status(false, true));
        assertEquals("orphaned", WorktreeRules.status(false, false));
        assertEquals("stale", WorktreeRules.status(true, false));
    }

    @Test
    void branchNamesGitWouldRefuseAreRefusedEarly() {
        assertNull(WorktreeRules.branchProblem("feat/review-1"));
        for (String bad : new String[] {"", " ", "-x", "a..b", "a b", "a~1", "x.lock", "a:b", "a//b", "/a", "a/"}) {
            assertNotNull(WorktreeRules.branchProblem(bad), bad);
        }
        assertEquals("feat-x", WorktreeRules.directoryName("feat/x"));
    }
}
