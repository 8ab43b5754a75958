package dev.flightdeck.core.mission.tracker;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One tracker, opened with one key. Reads return full snapshots; every query is a GraphQL document
 * with variables. Failures are {@link TrackerException}.
 */
public interface Tracker {
    TrackerKind kind();

    /** Every issue in scope that matches the filters, all pages. */
    List<TrackerIssue> candidates(TrackerScope scope);

    /** Snapshots of these issues; an id missing from the answer is gone or no longer visible. */
    List<TrackerIssue> byIds(Collection<String> ids);

    Optional<TrackerIssue> byIdentifier(String identifier);

    /** The newest {@code first} comments of the issue, oldest first. */
    List<TrackerComment> comments(String issueId, int first);

    TrackerComment postComment(String issueId, String body);

    /** Edits a comment of this issue; a comment on any other issue is refused (category not_found). */
    TrackerComment updateComment(String issueId, String commentId, String body);

    /** Moves the issue to the state of this name (Linear workflow state, GitHub Status option). */
    void moveToState(String issueId, String stateName);

    /** Attaches a link (a pull request) to the issue; attaching the same url again changes nothing. */
    void linkUrl(String issueId, String url, String title);

    /** A follow-up issue beside the parent, with these labels. */
    TrackerIssue createFollowUp(TrackerIssue parent, String title, String description, List<String> labels);
}
