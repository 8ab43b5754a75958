package dev.flightdeck.core.session.machine;

import dev.flightdeck.core.agent.AgentRules;

/** The approval queue's effect on the session: its version, and whether the running turn waits on a human. */
final class ApprovalTransitions {
    private ApprovalTransitions() {
    }

    static Transition apply(SessionState s, SessionInput.Approval in) {
        s.approvalVersion++;
        if (in instanceof SessionInput.ApprovalQueued q) {
            s.workStatus = AgentRules.afterApprovalChange(q.pending(), q.firstPendingType());
        } else {
            SessionInput.ApprovalDecided d = (SessionInput.ApprovalDecided) in;
            // A decision that arrives after the turn ended leaves the session as the turn left it.
            if (s.currentTurnId != null) {
                s.workStatus = AgentRules.afterApprovalChange(d.pending(), d.firstPendingType());
            }
        }
        return Transition.of(s);
    }
}
