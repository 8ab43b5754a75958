package dev.flightdeck.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            AgentRules.controls(f).forEach((name, c) -> assertFalse(c.available(), name + " for " + f));
        }
    }

    @Test
    void availabilityFollowsTheContract() {
        Map<String, AgentRules.Control> c = AgentRules.controls(facts("claude", true, true, true, true, 2));
        assertTrue(c.get("stop_active_turn").available());
        assertFalse(c.get("shell_command").supported());
        assertEquals(2, c.get("rollback_turns").maxCount());
        assertEquals(1, c.get("undo_last_turn").maxCount());
        assertEquals("task", c.get("stop_target").targetKind());
        assertTrue(c.get("rewind_to_message").available());

        Map<String, AgentRules.Control> idle = AgentRules.controls(facts("claude", true, true, false, false, 0));
        assertFalse(idle.get("stop_active_turn").available());
        assertFalse(idle.get("undo_last_turn").available());
        assertFalse(idle.get("rollback_turns").available());

        Map<String, AgentRules.Control> codex = AgentRules.controls(facts("codex", true, true, true, true, 1));
        assertTrue(codex.get("shell_command").available());
        assertFalse(codex.get("stop_target").supported());
        assertFalse(codex.get("rewind_to_message").supported());
    }

    @Test
    void steeringAndInterruptsNeedARunningTurn() {
        assertTrue(AgentRules.steerable(facts("claude", true, true, true, true, 1)));
        assertFalse(AgentRules.steerable(facts("claude", true, true, true, false, 1)));
        assertFalse(AgentRules.canInterrupt(facts("claude", true, true, false, true, 1)));
        assertTrue(AgentRules.acceptsUserInput(facts("claude", true, true, false, false, 0)));
    }

    @Test
    void approvalsAndTurnsMoveTheWorkStatus() {
        assertEquals("permission", AgentRules.afterApprovalChange(2, "exec"));
        assertEquals("question", AgentRules.afterApprovalChange(1, "question"));
        assertEquals("working", AgentRules.afterApprovalChange(0, null));
        assertEquals("waiting", AgentRules.afterTurn());
        assertEquals("turn-3", AgentRules.turnId(3));
    }

    @Test
    void aTurnStallsOnlyAfterTheLimitWithoutProgress() {
        assertFalse(AgentRules.stalled(true, 1_000L, 5_000, 10_000));
        assertTrue(AgentRules.stalled(true, 1_000L, 12_000, 10_000));
        assertFalse(AgentRules.stalled(false, 1_000L, 12_000, 10_000));
        assertFalse(AgentRules.stalled(true, null, 12_000, 10_000));
    }
}
