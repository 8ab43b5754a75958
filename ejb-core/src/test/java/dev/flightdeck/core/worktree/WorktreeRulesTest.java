package dev.flightdeck.core.worktree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorktreeRulesTest {
    @Test
    void porcelainListsEachWorktree() {
        String out = "worktree /r\nHEAD abc\nbranch refs/heads/main\n\nworktree /r/.flightdeck-worktrees/f\nHEAD def\n"
                + "branch refs/heads/feat/x\n\nworktree /gone\nHEAD 123\ndetached\nprunable gitdir file points to non-existent location\n";
        List<WorktreeRules.Listed> l = WorktreeRules.parsePorcelain(out);
        assertThat(l).hasSize(3);
        assertThat(l.get(0)).isEqualTo(new WorktreeRules.Listed("/r", "abc", "main", false, false));
        assertThat(l.get(1).branch()).isEqualTo("feat/x");
        assertThat(l.get(2)).isEqualTo(new WorktreeRules.Listed("/gone", "123", null, false, true));
    }

    @Test
    void statusFollowsDiskAndGit() {
        assertThat(WorktreeRules.status(true, true)).isEqualTo("active");
        assertThat(WorktreeRules.status(false, true)).isEqualTo("orphaned");
        assertThat(WorktreeRules.status(false, false)).isEqualTo("orphaned");
        assertThat(WorktreeRules.status(true, false)).isEqualTo("stale");
    }

    @Test
    void branchNamesGitWouldRefuseAreRefusedEarly() {
        assertThat(WorktreeRules.branchProblem("feat/review-1")).isNull();
        for (String bad : new String[] {"", " ", "-x", "a..b", "a b", "a~1", "x.lock", "a:b", "a//b", "/a", "a/"}) {
            assertThat(WorktreeRules.branchProblem(bad)).as(bad).isNotNull();
        }
        assertThat(WorktreeRules.directoryName("feat/x")).isEqualTo("feat-x");
    }
}
