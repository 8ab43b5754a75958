package dev.flightdeck.core.mission.tracker;

import java.util.List;

/**
 * Which issues a mission watches: MISSION.md's {@code trigger.filters}. For Linear {@code project} is a
 * project slugId and {@code team} a team key; for GitHub {@code project} is a Projects v2 number and
 * {@code team} is {@code owner/repo} (or just the owner, for every repository of the project).
 * Empty lists mean no constraint.
 */
public record TrackerScope(List<String> labels, List<String> states, String project, String team) {
    public TrackerScope {
        labels = labels == null ? List.of() : List.copyOf(labels);
        states = states == null ? List.of() : List.copyOf(states);
    }
}
