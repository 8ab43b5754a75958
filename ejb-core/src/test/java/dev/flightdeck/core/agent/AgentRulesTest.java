package dev.flightdeck.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentRulesTest {
    static AgentRules.Facts facts(String provider, boolean direct, boolean active, boolean running, boolean turn,
                                  int turns) {
        return new AgentRules.Facts(provider, direct, active, true, running, turn, turn ? "working" : "waiting", turns);
    }

    @Test
    void everyControlNeedsADirectOpenSessionWithAConnector() {
        for (AgentRules.Facts f : new AgentRules.Facts[] {facts("claude", false, true, true, true, 3),
                facts("claude", true, false, true, true, 3),
                new AgentRules.Facts("claude", true, true, false, true, true, "working", 3)}) {
            AgentRules.controls(f).forEach((name, c) -> assertThat(c.available()).as(name + " for " + f).isFalse());
        }
    }

    @Test
    void availabilityFollowsTheContract() {
        Map<String, AgentRules.Control> c = AgentRules.controls(facts("claude", true, true, true, true, 2));
        assertThat(c.get("stop_active_turn").available()).isTrue();
        assertThat(c.get("shell_command").supported()).isFalse();
        assertThat(c.get("rollback_turns").maxCount()).isEqualTo(2);
        assertThat(c.get("undo_last_turn").maxCount()).isEqualTo(1);
        assertThat(c.get("stop_target").targetKind()).isEqualTo("task");
        assertThat(c.get("rewind_to_message").available()).isTrue();

        Map<String, AgentRules.Control> idle = AgentRules.controls(facts("claude", true, true, false, false, 0));
        assertThat(idle.get("stop_active_turn").available()).isFalse();
        assertThat(idle.get("undo_last_turn").available()).isFalse();
        assertThat(idle.get("rollback_turns").available()).isFalse();

        Map<String, AgentRules.Control> codex = AgentRules.controls(facts("codex", true, true, true, true, 1));
        assertThat(codex.get("shell_command").available()).isTrue();
        assertThat(codex.get("stop_target").supported()).isFalse();
        assertThat(codex.get("rewind_to_message").supported()).isFalse();
    }

    @Test
    void steeringAndInterruptsNeedARunningTurn() {
        assertThat(AgentRules.steerable(facts("claude", true, true, true, true, 1))).isTrue();
        assertThat(AgentRules.steerable(facts("claude", true, true, true, false, 1))).isFalse();
        assertThat(AgentRules.canInterrupt(facts("claude", true, true, false, true, 1))).isFalse();
        assertThat(AgentRules.acceptsUserInput(facts("claude", true, true, false, false, 0))).isTrue();
    }

    @Test
    void approvalsAndTurnsMoveTheWorkStatus() {
        assertThat(AgentRules.afterApprovalChange(2, "exec")).isEqualTo("permission");
        assertThat(AgentRules.afterApprovalChange(1, "question")).isEqualTo("question");
        assertThat(AgentRules.afterApprovalChange(0, null)).isEqualTo("working");
        assertThat(AgentRules.afterTurn()).isEqualTo("waiting");
        assertThat(AgentRules.turnId(3)).isEqualTo("turn-3");
    }

    @Test
    void aTurnStallsOnlyAfterTheLimitWithoutProgress() {
        assertThat(AgentRules.stalled(true, 1_000L, 5_000, 10_000)).isFalse();
        assertThat(AgentRules.stalled(true, 1_000L, 12_000, 10_000)).isTrue();
        assertThat(AgentRules.stalled(false, 1_000L, 12_000, 10_000)).isFalse();
        assertThat(AgentRules.stalled(true, null, 12_000, 10_000)).isFalse();
    }
}
