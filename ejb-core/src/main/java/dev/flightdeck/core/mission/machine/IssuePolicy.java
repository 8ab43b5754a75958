package dev.flightdeck.core.mission.machine;

/**
 * The mission's limits the machine applies, from MISSION.md.
 *
 * @param maxRetries failed or stalled runs retried before the issue is failed
 * @param maxContinuations turns that ended without handing off, each followed by a nudge, before the
 *     issue is failed
 * @param stateOnDispatch the tracker state a run moves the issue to when it starts
 * @param stateOnComplete the tracker state a finished run moves the issue to
 */
public record IssuePolicy(int maxRetries, int maxContinuations, long backoffBaseMs, long backoffMaxMs, String stateOnDispatch,
        String stateOnComplete) {
}
