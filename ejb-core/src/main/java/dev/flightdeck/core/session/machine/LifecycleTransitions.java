package dev.flightdeck.core.session.machine;

import dev.flightdeck.core.session.SessionStatus;
import dev.flightdeck.core.session.WorkStatus;
import java.util.List;

/** Naming, reading and ending a session. */
final class LifecycleTransitions {
    private LifecycleTransitions() {
    }

    static Transition apply(SessionState s, SessionInput.Lifecycle in, long now) {
        if (in instanceof SessionInput.Ended e) {
            return end(s, e.reason(), e.pendingApprovals(), now, new SessionEffect.AnnounceEnded(e.reason()));
        }
        if (in instanceof SessionInput.Renamed r) {
            s.customName = normalized(r.name());
        } else if (in instanceof SessionInput.SummarySet m) {
            s.summary = normalized(m.summary());
        } else {
            s.unreadCount = 0;
        }
        return Transition.of(s);
    }

    /** Ends an open session; ending an ended one changes nothing. */
    static Transition end(SessionState s, String reason, int pendingApprovals, long now, SessionEffect... announce) {
        if (!s.active()) {
            return Transition.of(s);
        }
        s.status = SessionStatus.ENDED;
        s.workStatus = WorkStatus.ENDED;
        s.endedAt = now;
        s.endReason = reason;
        // The turn is over with the session: an agent exiting after this finds nothing left to close.
        s.currentTurnId = null;
        s.attentionReason = null;
        s.lastActivityAt = now;
        List<SessionEffect> effects = new java.util.ArrayList<>(List.of(announce));
        if (pendingApprovals > 0) {
            s.approvalVersion++;
            effects.add(new SessionEffect.AbandonApprovals());
        }
        effects.add(new SessionEffect.WorktreeSessionEnded());
        return new Transition(s, effects);
    }

    /** Blank clears a text field that feeds display_title. */
    private static String normalized(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
