package dev.flightdeck.core.mission.machine;

import java.util.List;

/** The machine's answer: the issue after the event, and what to do about it. */
public record IssueDecision(IssueFacts facts, List<IssueEffect> effects) {
    public IssueDecision {
        effects = List.copyOf(effects);
    }

    public boolean changedFrom(IssueFacts before) {
        return before.state != facts.state || !effects.isEmpty() || !same(before, facts);
    }

    private static boolean same(IssueFacts a, IssueFacts b) {
        return java.util.Objects.equals(a.sessionId, b.sessionId) && a.attempt == b.attempt
                && a.consecutiveFailures == b.consecutiveFailures && a.continuations == b.continuations
                && java.util.Objects.equals(a.lastError, b.lastError) && java.util.Objects.equals(a.retryDueAt, b.retryDueAt)
                && java.util.Objects.equals(a.evidence, b.evidence) && java.util.Objects.equals(a.prUrl, b.prUrl)
                && java.util.Objects.equals(a.issueState, b.issueState) && a.trackerTerminal == b.trackerTerminal
                && java.util.Objects.equals(a.holdReason, b.holdReason);
    }
}
