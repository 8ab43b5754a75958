package dev.flightdeck.core.mission.tools;

import dev.flightdeck.core.mission.tracker.Tracker;
import dev.flightdeck.core.mission.tracker.TrackerComment;
import dev.flightdeck.core.mission.tracker.TrackerException;
import dev.flightdeck.core.mission.tracker.TrackerIssue;
import dev.flightdeck.core.mission.tracker.TrackerKind;
import dev.flightdeck.core.mission.tracker.TrackerScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory tracker: issues with comments, states of which some are terminal, and a failure switch. */
final class FakeTracker implements Tracker {
    final Map<String, TrackerIssue> issues = new LinkedHashMap<>();
    final Map<String, List<TrackerComment>> comments = new LinkedHashMap<>();
    final List<String> links = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    Set<String> terminalStates = Set.of("Shipped", "Done");
    TrackerException failWith;
    /** Fails only the calls whose name starts with this. */
    String failOnly;
    private int nextComment = 1;
    private int nextIssue = 100;

    FakeTracker with(TrackerIssue issue) {
        issues.put(issue.id(), issue);
        comments.put(issue.id(), new ArrayList<>());
        return this;
    }

    static TrackerIssue issue(String id, String identifier, String state) {
        return new TrackerIssue(id, identifier, "Fix the thing", "It is broken", state, false,
                "https://tracker.example/" + identifier, List.of("bug"), 2, 0, List.of());
    }

    private void call(String what) {
        calls.add(what);
        if (failWith != null && (failOnly == null || what.startsWith(failOnly))) {
            throw failWith;
        }
    }

    @Override
    public TrackerKind kind() {
        return TrackerKind.LINEAR;
    }

    @Override
    public List<TrackerIssue> candidates(TrackerScope scope) {
        call("candidates");
        return List.copyOf(issues.values());
    }

    @Override
    public List<TrackerIssue> byIds(Collection<String> ids) {
        call("byIds " + ids);
        return ids.stream().map(issues::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Optional<TrackerIssue> byIdentifier(String identifier) {
        call("byIdentifier " + identifier);
        return issues.values().stream().filter(i -> i.identifier().equals(identifier)).findFirst();
    }

    @Override
    public List<TrackerComment> comments(String issueId, int first) {
        call("comments " + issueId + " " + first);
        List<TrackerComment> all = comments.getOrDefault(issueId, List.of());
        return all.subList(Math.max(0, all.size() - first), all.size());
    }

    @Override
    public TrackerComment postComment(String issueId, String body) {
        call("postComment " + issueId);
        TrackerComment c = new TrackerComment("c" + nextComment++, body, "2026-12-02T00:00:00Z", "flightdeck");
        comments.computeIfAbsent(issueId, k -> new ArrayList<>()).add(c);
        return c;
    }

    @Override
    public TrackerComment updateComment(String issueId, String commentId, String body) {
        call("updateComment " + issueId + " " + commentId);
        List<TrackerComment> list = comments.getOrDefault(issueId, new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(commentId)) {
                TrackerComment c = new TrackerComment(commentId, body, list.get(i).createdAt(), list.get(i).author());
                list.set(i, c);
                return c;
            }
        }
        throw new TrackerException("not_found", "no comment " + commentId + " on this issue", false, null);
    }

    @Override
    public void moveToState(String issueId, String stateName) {
        call("moveToState " + issueId + " " + stateName);
        TrackerIssue i = issues.get(issueId);
        issues.put(issueId, new TrackerIssue(i.id(), i.identifier(), i.title(), i.description(), stateName,
                terminalStates.contains(stateName), i.url(), i.labels(), i.priority(), i.createdAt(), i.openBlockers()));
    }

    @Override
    public void linkUrl(String issueId, String url, String title) {
        call("linkUrl " + issueId);
        if (!links.contains(url + " " + title)) {
            links.add(url + " " + title);
        }
    }

    @Override
    public TrackerIssue createFollowUp(TrackerIssue parent, String title, String description, List<String> labels) {
        call("createFollowUp " + parent.id());
        String id = "i" + nextIssue++;
        TrackerIssue created = new TrackerIssue(id, "ENG-" + nextIssue, title, description, "Backlog", false,
                "https://tracker.example/ENG-" + nextIssue, labels, null, 0, List.of());
        with(created);
        return created;
    }
}
