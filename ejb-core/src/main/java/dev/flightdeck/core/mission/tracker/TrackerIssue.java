package dev.flightdeck.core.mission.tracker;

import java.util.List;

/**
 * One issue as the tracker has it now.
 *
 * @param id the tracker's own id (Linear UUID, GitHub node id)
 * @param identifier what people call it ({@code ENG-12}, {@code owner/repo#42})
 * @param state the state's name (Linear workflow state; GitHub Projects "Status" option, or
 *     {@code open}/{@code closed} when the issue is on no board)
 * @param terminal true when the tracker says the work is over (Linear state type completed or
 *     canceled, a closed GitHub issue), decided by type and never by the state's name alone
 * @param priority 1 (urgent) … 4 (low); null when the issue has none, so it sorts last
 * @param createdAt epoch milliseconds
 * @param openBlockers identifiers of issues that block this one and are not terminal
 */
public record TrackerIssue(String id, String identifier, String title, String description, String state,
        boolean terminal, String url, List<String> labels, Integer priority, long createdAt,
        List<String> openBlockers) {
    public TrackerIssue {
        labels = labels == null ? List.of() : List.copyOf(labels);
        openBlockers = openBlockers == null ? List.of() : List.copyOf(openBlockers);
        description = description == null ? "" : description;
        url = url == null ? "" : url;
    }
}
