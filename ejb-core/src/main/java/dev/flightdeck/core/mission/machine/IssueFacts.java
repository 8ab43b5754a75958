package dev.flightdeck.core.mission.machine;

import dev.flightdeck.persistence.mission.MissionIssueEntity;

/**
 * The part of a mission issue the machine decides over: a mutable copy, so the EJB loads it from the
 * row, lets the machine change it, and writes it back in one place.
 */
public final class IssueFacts {
    public IssueState state;
    public String sessionId;
    public String provider;
    public int attempt;
    public int attemptsTotal;
    public int consecutiveFailures;
    public int continuations;
    public String lastError;
    public Long retryDueAt;
    public String retryKind;
    /** Why an issue is blocked by Flightdeck itself: budget, agent, operator. */
    public String holdReason;
    /** What shows the run handed off: set_status, pr_linked or tracker_state. */
    public String evidence;
    public Long startedAt;
    public Long completedAt;
    public String prUrl;
    public String issueState;
    public boolean trackerTerminal;
    /** Seeds the retry jitter: fixed per issue, so a restart computes the same due time. */
    public long seed;

    public IssueFacts copy() {
        IssueFacts c = new IssueFacts();
        c.state = state;
        c.sessionId = sessionId;
        c.provider = provider;
        c.attempt = attempt;
        c.attemptsTotal = attemptsTotal;
        c.consecutiveFailures = consecutiveFailures;
        c.continuations = continuations;
        c.lastError = lastError;
        c.retryDueAt = retryDueAt;
        c.retryKind = retryKind;
        c.holdReason = holdReason;
        c.evidence = evidence;
        c.startedAt = startedAt;
        c.completedAt = completedAt;
        c.prUrl = prUrl;
        c.issueState = issueState;
        c.trackerTerminal = trackerTerminal;
        c.seed = seed;
        return c;
    }

    public static IssueFacts of(MissionIssueEntity e) {
        IssueFacts f = new IssueFacts();
        f.state = IssueState.fromWire(e.orchestrationState).orElse(IssueState.QUEUED);
        f.sessionId = e.sessionId;
        f.provider = e.provider;
        f.attempt = e.attempt;
        f.attemptsTotal = e.attemptsTotal;
        f.consecutiveFailures = e.consecutiveFailures;
        f.continuations = e.continuations;
        f.lastError = e.lastError;
        f.retryDueAt = e.retryDueAt;
        f.retryKind = e.retryKind;
        f.holdReason = e.holdReason;
        f.evidence = e.evidence;
        f.startedAt = e.startedAt;
        f.completedAt = e.completedAt;
        f.prUrl = e.prUrl;
        f.issueState = e.issueState;
        f.trackerTerminal = e.trackerTerminal;
        f.seed = e.id == null ? 0 : e.id.hashCode();
        return f;
    }

    public void writeTo(MissionIssueEntity e) {
        e.orchestrationState = state.wire();
        e.sessionId = sessionId;
        e.provider = provider;
        e.attempt = attempt;
        e.attemptsTotal = attemptsTotal;
        e.consecutiveFailures = consecutiveFailures;
        e.continuations = continuations;
        e.lastError = lastError;
        e.retryDueAt = retryDueAt;
        e.retryKind = retryKind;
        e.holdReason = holdReason;
        e.evidence = evidence;
        e.startedAt = startedAt;
        e.completedAt = completedAt;
        e.prUrl = prUrl;
        e.issueState = issueState;
        e.trackerTerminal = trackerTerminal;
    }
}
