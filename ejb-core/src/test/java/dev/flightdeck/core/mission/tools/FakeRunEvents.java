package dev.flightdeck.core.mission.tools;

import dev.flightdeck.core.mission.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records what the tools told the orchestrator. */
class FakeRunEvents implements MissionRunEvents {
    final Tracker tracker;
    final List<String> events = new ArrayList<>();

    FakeRunEvents(Tracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public Optional<MissionToolContext> contextOf(String toolTokenId) {
        return Optional.empty();
    }

    @Override
    public Tracker trackerFor(MissionToolContext ctx) {
        return tracker;
    }

    @Override
    public void prLinked(MissionToolContext ctx, String url) {
        events.add("prLinked " + ctx.runId() + " " + url);
    }

    @Override
    public void statusSet(MissionToolContext ctx, String state, boolean terminal) {
        events.add("statusSet " + ctx.runId() + " " + state + " " + terminal);
    }

    @Override
    public void blocked(MissionToolContext ctx, String reason) {
        events.add("blocked " + ctx.runId() + " " + reason);
    }

    BudgetStatus budget;

    @Override
    public BudgetStatus budget(MissionToolContext ctx) {
        return budget;
    }

    CommitResult nextCommit = new CommitResult(true, "abc123", "mission/eng-1", null);

    @Override
    public CommitResult commit(MissionToolContext ctx, String message) {
        events.add("commit " + ctx.runId() + " " + message);
        return nextCommit;
    }

    @Override
    public void statusComment(MissionToolContext ctx, String commentId) {
        events.add("statusComment " + ctx.runId() + " " + commentId);
    }
}
