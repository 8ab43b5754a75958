package dev.flightdeck.core.mission.tracker;

/**
 * A tracker call that did not succeed. The category is Symphony's (tracker_request, tracker_status,
 * tracker_response, tracker_rate_limited, …) so operators see one vocabulary for every tracker.
 * The message never contains the key. It crosses EJB boundaries as it is (not wrapped, and without
 * marking the caller's transaction for rollback), so callers see the category.
 */
@jakarta.ejb.ApplicationException(rollback = false)
public class TrackerException extends RuntimeException {
    private final String category;
    private final boolean retryable;
    private final Long retryAfterMs;

    public TrackerException(String category, String message, boolean retryable, Long retryAfterMs) {
        super(message);
        this.category = category;
        this.retryable = retryable;
        this.retryAfterMs = retryAfterMs;
    }

    public String category() {
        return category;
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long the tracker asked us to wait, when it said; null otherwise. */
    public Long retryAfterMs() {
        return retryAfterMs;
    }
}
