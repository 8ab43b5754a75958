package dev.flightdeck.core.agent;

import dev.flightdeck.core.session.WorkStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session state transitions and control availability (contract §1.5). Pure: the runtime feeds it
 * facts from the session row, so every node answers the same for the same row.
 */
public final class AgentRules {
    private AgentRules() {
    }

    /**
     * The facts the rules read.
     *
     * @param running an agent process serves the session (its pid is recorded)
     * @param turnActive a turn has started and not completed
     */
    public record Facts(String provider, boolean direct, boolean active, boolean connectorInstalled, boolean running,
                        boolean turnActive, String workStatus, int turnCount) {
    }

    public record Control(boolean supported, boolean available, String targetKind, Integer maxCount) {
    }

    /** A connector is attached to a direct, open session whose agent can be started here. */
    public static boolean connectorAttached(Facts f) {
        return f.direct() && f.active() && f.connectorInstalled();
    }

    public static boolean acceptsUserInput(Facts f) {
        return connectorAttached(f);
    }

    /** Steering goes into the running turn; without one there is nothing to steer. */
    public static boolean steerable(Facts f) {
        return connectorAttached(f) && f.running() && f.turnActive();
    }

    public static boolean canInterrupt(Facts f) {
        return connectorAttached(f) && f.running() && f.turnActive();
    }

    public static Map<String, Control> controls(Facts f) {
        boolean base = connectorAttached(f);
        boolean claude = "claude".equals(f.provider());
        boolean codex = "codex".equals(f.provider());
        boolean hasTurns = f.turnCount() > 0;
        Map<String, Control> c = new LinkedHashMap<>();
        c.put("shell_command", new Control(codex, codex && base, null, null));
        c.put("stop_active_turn", new Control(true, base && canInterrupt(f), null, null));
        c.put("compact_context", new Control(true, base, null, null));
        c.put("undo_last_turn", new Control(true, base && hasTurns, null, 1));
        c.put("rollback_turns", new Control(true, base && hasTurns, null, Math.max(f.turnCount(), 0)));
        c.put("stop_target", new Control(claude, claude && base, "task", null));
        c.put("rewind_to_message", new Control(claude, claude && base, "user_message", null));
        return c;
    }

    /** The work status after the queue of pending requests changed while a turn runs. */
    public static String afterApprovalChange(int pendingLeft, String pendingType) {
        if (pendingLeft > 0) {
            return "question".equals(pendingType) ? WorkStatus.QUESTION : WorkStatus.PERMISSION;
        }
        return WorkStatus.WORKING;
    }

    /** The work status when a turn ends or its process goes away. */
    public static String afterTurn() {
        return WorkStatus.WAITING;
    }

    /** Turn ids are the session's turn number, so they read the same on every node and after restarts. */
    public static String turnId(int turnNumber) {
        return "turn-" + turnNumber;
    }

    /** A stalled turn: working, yet nothing came from the agent for longer than the limit. */
    public static boolean stalled(boolean turnActive, Long lastProgressAt, long now, long limitMillis) {
        return turnActive && lastProgressAt != null && now - lastProgressAt > limitMillis;
    }
}
