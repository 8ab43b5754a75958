package dev.flightdeck.core.mission.tracker;

/** A comment on a tracker issue. {@code createdAt} is RFC 3339 as the tracker sent it. */
public record TrackerComment(String id, String body, String createdAt, String author) {
}
