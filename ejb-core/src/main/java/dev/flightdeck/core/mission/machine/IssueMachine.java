package dev.flightdeck.core.mission.machine;

import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.mission.machine.IssueEvent.BudgetExceeded;
import dev.flightdeck.core.mission.machine.IssueEvent.Claimed;
import dev.flightdeck.core.mission.machine.IssueEvent.DispatchFailed;
import dev.flightdeck.core.mission.machine.IssueEvent.Launched;
import dev.flightdeck.core.mission.machine.IssueEvent.ManualBlocked;
import dev.flightdeck.core.mission.machine.IssueEvent.ManualComplete;
import dev.flightdeck.core.mission.machine.IssueEvent.ManualPr;
import dev.flightdeck.core.mission.machine.IssueEvent.ManualRetry;
import dev.flightdeck.core.mission.machine.IssueEvent.ManualTransition;
import dev.flightdeck.core.mission.machine.IssueEvent.PrLinked;
import dev.flightdeck.core.mission.machine.IssueEvent.ReportedBlocked;
import dev.flightdeck.core.mission.machine.IssueEvent.RunEnded;
import dev.flightdeck.core.mission.machine.IssueEvent.Stalled;
import dev.flightdeck.core.mission.machine.IssueEvent.StatusSet;
import dev.flightdeck.core.mission.machine.IssueEvent.TrackerSeen;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides every transition of a mission issue. Pure: no I/O, no clock, no randomness it does not seed.
 * A refusal is an {@link dev.flightdeck.core.error.ApiException}.
 *
 * <p>Rules OrbitDock gets wrong and this keeps: a crashed or silent run is a failure, never a success;
 * completion needs evidence (a status set, a PR linked, or the tracker moved); failed, blocked and
 * completed issues are never claimed automatically; retries back off and stop at max_retries.
 */
public final class IssueMachine {
    static final String NUDGE = "Continue with the issue from where you are. When the work is done, link your pull "
            + "request with mission_link_pr and set the tracker status with mission_set_status. If you cannot go on, "
            + "call mission_report_blocked with the reason.";

    private IssueMachine() {
    }

    public static IssueDecision decide(IssueFacts before, IssueEvent event, IssuePolicy policy, long now) {
        IssueFacts f = before.copy();
        List<IssueEffect> effects = new ArrayList<>();
        if (event instanceof Claimed c) {
            claim(f, c, policy, now, effects);
        } else if (event instanceof Launched l) {
            require(f, event, IssueState.CLAIMED, IssueState.PROVISIONING);
            f.state = IssueState.RUNNING;
            f.sessionId = l.sessionId();
        } else if (event instanceof DispatchFailed d) {
            require(f, event, IssueState.CLAIMED, IssueState.PROVISIONING);
            effects.add(new IssueEffect.CloseRun("failed", d.error()));
            fail(f, "failure", d.error(), policy, now, effects);
        } else if (event instanceof RunEnded r) {
            if (f.state == IssueState.RUNNING) {
                ended(f, r, policy, now, effects);
            }
        } else if (event instanceof Stalled s) {
            if (f.state == IssueState.RUNNING) {
                String error = "Session stalled after " + s.idleSeconds() + "s of inactivity";
                endRun(f, "stalled", error, effects);
                fail(f, "stall", error, policy, now, effects);
            }
        } else if (event instanceof BudgetExceeded b) {
            if (!f.state.settled()) {
                endRun(f, "budget", b.reason(), effects);
                block(f, "budget", b.reason());
            }
        } else if (event instanceof TrackerSeen t) {
            seen(f, t, now, effects);
        } else if (event instanceof StatusSet s) {
            statusSet(f, s, policy, now, effects);
        } else if (event instanceof PrLinked p) {
            f.prUrl = p.url();
            f.evidence = f.evidence == null ? "pr_linked" : f.evidence;
        } else if (event instanceof ReportedBlocked b) {
            if (f.state.active()) {
                endRun(f, "blocked", b.reason(), effects);
                block(f, "agent", b.reason());
            }
        } else if (event instanceof ManualTransition m) {
            manual(f, m, now, effects);
        } else if (event instanceof ManualRetry) {
            endRun(f, "canceled", "Retried by an operator", effects);
            requeue(f, effects);
        } else if (event instanceof ManualComplete c) {
            endRun(f, "succeeded", null, effects);
            complete(f, now, f.evidence == null ? "operator" : f.evidence);
            if (c.trackerState() != null && !c.trackerState().isBlank()) {
                effects.add(new IssueEffect.MoveTracker(c.trackerState()));
            }
        } else if (event instanceof ManualBlocked b) {
            endRun(f, "canceled", b.reason(), effects);
            block(f, "operator", b.reason());
        } else if (event instanceof ManualPr p) {
            f.prUrl = p.url();
            f.evidence = f.evidence == null ? "pr_linked" : f.evidence;
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
        return new IssueDecision(f, effects);
    }

    private static void claim(IssueFacts f, Claimed c, IssuePolicy policy, long now, List<IssueEffect> effects) {
        if (f.state != IssueState.QUEUED && f.state != IssueState.RETRY_QUEUED) {
            throw ErrorCode.INVALID_TRANSITION.error("an issue in " + f.state.wire() + " cannot be dispatched");
        }
        f.state = IssueState.CLAIMED;
        f.provider = c.provider();
        f.attempt++;
        f.attemptsTotal++;
        f.startedAt = now;
        f.completedAt = null;
        f.retryDueAt = null;
        f.sessionId = null;
        f.evidence = null;
        f.continuations = 0;
        if (policy.stateOnDispatch() != null && !policy.stateOnDispatch().isBlank()) {
            effects.add(new IssueEffect.MoveTracker(policy.stateOnDispatch()));
        }
    }

    private static void ended(IssueFacts f, RunEnded r, IssuePolicy policy, long now, List<IssueEffect> effects) {
        if (f.evidence != null) {
            endRun(f, "succeeded", null, effects);
            finishWithEvidence(f, policy, now, effects);
        } else if (!r.clean()) {
            endRun(f, "failed", r.detail(), effects);
            fail(f, "failure", r.detail(), policy, now, effects);
        } else if (f.continuations < policy.maxContinuations() && f.sessionId != null) {
            f.continuations++;
            effects.add(new IssueEffect.Nudge(f.sessionId, NUDGE));
        } else {
            String error = "The agent stopped " + (f.continuations + 1) + " times without linking a PR, setting a "
                    + "status or reporting a blocker";
            endRun(f, "failed", error, effects);
            f.consecutiveFailures++;
            f.lastError = error;
            f.state = IssueState.FAILED;
            f.retryDueAt = null;
        }
    }

    /** A finished run moves the tracker to state_on_complete unless the agent already moved it. */
    private static void finishWithEvidence(IssueFacts f, IssuePolicy policy, long now, List<IssueEffect> effects) {
        boolean trackerMoved = "set_status".equals(f.evidence) || "tracker_state".equals(f.evidence);
        complete(f, now, f.evidence);
        if (!trackerMoved && policy.stateOnComplete() != null && !policy.stateOnComplete().isBlank()) {
            effects.add(new IssueEffect.MoveTracker(policy.stateOnComplete()));
        }
        effects.add(new IssueEffect.Comment("Flightdeck: attempt " + f.attempt + " finished"
                + (f.prUrl == null ? "." : ", pull request: " + f.prUrl)));
    }

    private static void seen(IssueFacts f, TrackerSeen t, long now, List<IssueEffect> effects) {
        f.issueState = t.stateName();
        f.trackerTerminal = t.terminal();
        if (t.terminal() && f.state != IssueState.COMPLETED) {
            endRun(f, f.evidence != null ? "succeeded" : "canceled", "The tracker issue reached " + t.stateName(),
                    effects);
            complete(f, now, f.evidence == null ? "tracker_state" : f.evidence);
        }
    }

    private static void statusSet(IssueFacts f, StatusSet s, IssuePolicy policy, long now, List<IssueEffect> effects) {
        f.issueState = s.stateName();
        if (!f.state.active()) {
            return;
        }
        f.evidence = "set_status";
        boolean endsRun = s.terminal() || s.stateName().equalsIgnoreCase(policy.stateOnComplete());
        if (endsRun) {
            endRun(f, "succeeded", null, effects);
            complete(f, now, "set_status");
            effects.add(new IssueEffect.Comment("Flightdeck: attempt " + f.attempt + " finished"
                    + (f.prUrl == null ? "." : ", pull request: " + f.prUrl)));
        }
    }

    private static void manual(IssueFacts f, ManualTransition m, long now, List<IssueEffect> effects) {
        if (!f.state.allowedTargets().contains(m.target())) {
            throw ErrorCode.INVALID_TRANSITION.error("target_state: " + f.state.wire() + " cannot go to "
                    + m.target().wire() + " (allowed: " + wires(f.state) + ")");
        }
        String reason = m.reason() == null || m.reason().isBlank() ? null : m.reason();
        switch (m.target()) {
            case QUEUED:
                endRun(f, "canceled", "Re-queued by an operator", effects);
                requeue(f, effects);
                break;
            case FAILED:
                endRun(f, "canceled", reason == null ? "Manually stopped" : reason, effects);
                f.state = IssueState.FAILED;
                f.lastError = reason == null ? "Manually stopped" : reason;
                f.retryDueAt = null;
                break;
            case BLOCKED:
                endRun(f, "canceled", reason == null ? "Manually blocked" : reason, effects);
                block(f, "operator", reason == null ? "Manually blocked" : reason);
                break;
            case COMPLETED:
                endRun(f, f.evidence != null ? "succeeded" : "canceled", reason, effects);
                complete(f, now, f.evidence == null ? "operator" : f.evidence);
                break;
            default:
                // provisioning and running are reachable by hand only as the contract lists them.
                f.state = m.target();
        }
    }

    /** A failed attempt: retried with backoff while under max_retries, else failed for good. */
    private static void fail(IssueFacts f, String kind, String error, IssuePolicy policy, long now,
                             List<IssueEffect> effects) {
        f.consecutiveFailures++;
        f.lastError = error;
        f.sessionId = f.state.active() ? f.sessionId : null;
        if (f.consecutiveFailures <= policy.maxRetries()) {
            f.state = IssueState.RETRY_QUEUED;
            f.retryKind = kind;
            f.retryDueAt = now + Backoff.delay(f.consecutiveFailures, policy.backoffBaseMs(), policy.backoffMaxMs(),
                    f.seed);
        } else {
            f.state = IssueState.FAILED;
            f.retryDueAt = null;
            f.lastError = error + " (gave up after " + f.consecutiveFailures + " failed attempts)";
            effects.add(new IssueEffect.Comment("Flightdeck: giving up on this issue after " + f.consecutiveFailures
                    + " failed attempts. Last error: " + error));
        }
    }

    /** Ends the live session of an active run, and closes the run. */
    private static void endRun(IssueFacts f, String outcome, String error, List<IssueEffect> effects) {
        if (!f.state.active()) {
            return;
        }
        if (f.sessionId != null) {
            effects.add(new IssueEffect.EndSession(f.sessionId, outcome));
        }
        effects.add(new IssueEffect.CloseRun(outcome, error));
    }

    private static void block(IssueFacts f, String hold, String reason) {
        f.state = IssueState.BLOCKED;
        f.holdReason = hold;
        f.lastError = reason;
        f.retryDueAt = null;
    }

    private static void complete(IssueFacts f, long now, String evidence) {
        if (!"operator".equals(evidence)) {
            // Finished: an earlier attempt's failure is history (the runs keep it), not the issue's error.
            f.lastError = null;
        }
        f.state = IssueState.COMPLETED;
        f.completedAt = now;
        f.evidence = evidence;
        f.retryDueAt = null;
    }

    private static void requeue(IssueFacts f, List<IssueEffect> effects) {
        f.state = IssueState.QUEUED;
        f.attempt = 0;
        f.consecutiveFailures = 0;
        f.continuations = 0;
        f.lastError = null;
        f.startedAt = null;
        f.completedAt = null;
        f.retryDueAt = null;
        f.retryKind = null;
        f.holdReason = null;
        f.evidence = null;
        effects.add(new IssueEffect.PollSoon());
    }

    private static void require(IssueFacts f, IssueEvent event, IssueState... allowed) {
        for (IssueState s : allowed) {
            if (f.state == s) {
                return;
            }
        }
        throw ErrorCode.INVALID_TRANSITION.error(event.getClass().getSimpleName() + " does not apply to an issue in "
                + f.state.wire());
    }

    private static String wires(IssueState s) {
        return String.join(", ", s.allowedTargets().stream().map(IssueState::wire).toList());
    }
}
