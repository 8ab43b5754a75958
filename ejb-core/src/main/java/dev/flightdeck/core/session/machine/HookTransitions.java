package dev.flightdeck.core.session.machine;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.session.ControlMode;
import dev.flightdeck.core.session.SessionStatus;
import dev.flightdeck.core.session.WorkStatus;
import java.util.List;
import java.util.Locale;

/**
 * Terminal sessions seen through their hooks (passive), and the two ways Flightdeck takes one on:
 * takeover (it drives the session from now on) and resume (an ended session opens again).
 */
final class HookTransitions {
    private HookTransitions() {
    }

    static Transition apply(SessionState s, SessionInput.Hook in, long now) {
        if (in instanceof SessionInput.TakenOver) {
            return takeover(s);
        }
        if (in instanceof SessionInput.Resumed) {
            return resume(s);
        }
        s.lastActivityAt = now;
        s.lastProgressAt = now;
        if (in instanceof SessionInput.HookSessionStarted st) {
            if (!s.active()) {
                // A resumed terminal session comes back to life.
                reopen(s);
            }
            if (s.model == null && st.model() != null) {
                s.model = st.model();
            }
            return Transition.of(s);
        }
        if (in instanceof SessionInput.HookSessionEnded e) {
            return LifecycleTransitions.end(s, e.reason() != null ? e.reason() : "hook_session_end", 0, now,
                    new SessionEffect.AnnounceEnded(e.reason() != null ? e.reason() : "hook_session_end"));
        }
        if (in instanceof SessionInput.HookPromptSubmitted p) {
            s.workStatus = WorkStatus.WORKING;
            s.attentionReason = null;
            s.openTurn();
            if (p.prompt() == null || p.prompt().isBlank()) {
                return Transition.of(s);
            }
            if (s.firstPrompt == null) {
                s.firstPrompt = SessionState.clip(p.prompt());
            }
            s.lastMessage = SessionState.clip(p.prompt());
            return Transition.of(s, new SessionEffect.AppendRows(List.of(
                    SessionRows.message("user", p.rowId(), p.prompt(), null, now))));
        }
        if (in instanceof SessionInput.HookStopped) {
            s.workStatus = WorkStatus.WAITING;
            s.attentionReason = null;
            s.currentTurnId = null;
            return Transition.of(s);
        }
        if (in instanceof SessionInput.HookNotification n) {
            String message = String.valueOf(n.message()).toLowerCase(Locale.ROOT);
            if (message.contains("permission")) {
                s.workStatus = WorkStatus.PERMISSION;
                s.attentionReason = "permission";
            } else if (message.contains("waiting for your input")) {
                s.workStatus = WorkStatus.WAITING;
                s.attentionReason = null;
            }
            return Transition.of(s);
        }
        if (in instanceof SessionInput.HookTool t) {
            if (t.started()) {
                s.toolCount++;
                s.lastTool = t.row().row().getString("title", null);
                s.workStatus = WorkStatus.WORKING;
                // A tool running means the permission prompt, if any, was answered in the terminal.
                s.attentionReason = null;
            }
            return Transition.of(s, new SessionEffect.AppendRows(List.of(t.row())));
        }
        return Transition.of(s);
    }

    private static Transition takeover(SessionState s) {
        if (!ControlMode.PASSIVE.equals(s.controlMode)) {
            throw ErrorCode.NOT_PASSIVE.error("session " + s.id + " is not passive");
        }
        s.controlMode = ControlMode.DIRECT;
        reopen(s);
        return Transition.of(s);
    }

    private static Transition resume(SessionState s) {
        if (s.active()) {
            throw ErrorCode.ALREADY_ACTIVE.error("session " + s.id + " is active");
        }
        if ("claude".equals(s.provider) && s.providerSessionId == null) {
            throw ErrorCode.MISSING_CLAUDE_RESUME_ID.error("session " + s.id
                    + " never started a Claude conversation to resume");
        }
        reopen(s);
        return Transition.of(s);
    }

    /** Open and idle: no turn, no end. */
    private static void reopen(SessionState s) {
        s.status = SessionStatus.ACTIVE;
        s.workStatus = WorkStatus.WAITING;
        s.currentTurnId = null;
        s.attentionReason = null;
        s.endedAt = null;
        s.endReason = null;
    }
}
