package dev.flightdeck.core.mission.tools;

import dev.flightdeck.core.mission.tracker.Tracker;
import dev.flightdeck.core.mission.tracker.TrackerComment;
import dev.flightdeck.core.mission.tracker.TrackerException;
import dev.flightdeck.core.mission.tracker.TrackerIssue;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the mission tools for one run: each call goes to the run's tracker (opened by the orchestrator
 * with the mission's key, which never reaches the agent) and tells the orchestrator what it means
 * through {@link MissionRunEvents}. The arguments have passed {@link MissionTools#check} already.
 *
 * <p>Where OrbitDock's tools are wrong, these are not: post_update returns the comment id,
 * update_comment cannot reach another issue's comments, create_followup applies its labels, and
 * report_blocked blocks the issue whichever CLI runs it.
 */
public final class MissionToolExecutor implements MissionToolCalls {
    private static final Logger LOG = Logger.getLogger(MissionToolExecutor.class.getName());
    /**
     * State names that finish an issue whatever the tracker says of them (OrbitDock's list), for when
     * the issue cannot be re-read after the move.
     */
    static final Set<String> FINISHED_NAMES = Set.of("done", "canceled", "cancelled", "duplicate", "won't fix",
            "closed", "completed");
    static final String DEFAULT_PR_TITLE = "Pull Request";

    private final MissionRunEvents events;
    private final MissionToolContext ctx;

    public MissionToolExecutor(MissionRunEvents events, MissionToolContext ctx) {
        this.events = events;
        this.ctx = ctx;
    }

    @Override
    public ToolOutcome call(String tool, JsonObject args) {
        try {
            switch (tool) {
                case MissionTools.GET_ISSUE:
                    return getIssue();
                case MissionTools.POST_UPDATE:
                    return postUpdate(args.getString("body"));
                case MissionTools.UPDATE_COMMENT:
                    return updateComment(args.getString("comment_id"), args.getString("body"));
                case MissionTools.GET_COMMENTS:
                    return getComments(args.get("first") instanceof JsonNumber n ? n.intValue() : MissionTools.COMMENTS_DEFAULT);
                case MissionTools.SET_STATUS:
                    return setStatus(args.getString("state").strip());
                case MissionTools.LINK_PR:
                    return linkPr(args.getString("url").strip(), optional(args, "title"));
                case MissionTools.CREATE_FOLLOWUP:
                    return createFollowUp(args.getString("title").strip(), args.getString("description"),
                            strings(args.get("labels")));
                case MissionTools.REPORT_BLOCKED:
                    return reportBlocked(args.getString("reason").strip());
                case MissionTools.COMMIT:
                    return commit(args.getString("message"));
                default:
                    return ToolOutcome.failure("unknown tool " + tool);
            }
        } catch (TrackerException e) {
            LOG.info(() -> tool + " for run " + ctx.runId() + ": the tracker refused (" + e.category() + ")");
            return ToolOutcome.failure(trackerFailure(e));
        }
    }

    /** What the agent reads when the tracker failed: the category and the message, never the key. */
    static String trackerFailure(TrackerException e) {
        StringBuilder out = new StringBuilder("tracker error (").append(e.category()).append("): ")
                .append(e.getMessage() == null ? "no detail" : e.getMessage());
        if (e.retryable()) {
            out.append(e.retryAfterMs() != null ? "; retry after " + e.retryAfterMs() + " ms" : "; it may work if retried");
        }
        return out.toString();
    }

    private Tracker tracker() {
        return events.trackerFor(ctx);
    }

    private ToolOutcome getIssue() {
        Optional<TrackerIssue> issue = current(tracker());
        if (issue.isEmpty()) {
            return ToolOutcome.failure("the issue " + ctx.issueIdentifier() + " is gone or no longer visible to this mission");
        }
        BudgetStatus budget = events.budget(ctx);
        JsonObject json = issueJson(issue.get());
        return ToolOutcome.ok(budget == null ? json : Json.createObjectBuilder(json).add("budget", budget.json()).build());
    }

    /** The run's issue, by its tracker id, else by its identifier. */
    private Optional<TrackerIssue> current(Tracker tracker) {
        if (ctx.issueId() != null) {
            List<TrackerIssue> found = tracker.byIds(List.of(ctx.issueId()));
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return ctx.issueIdentifier() == null ? Optional.empty() : tracker.byIdentifier(ctx.issueIdentifier());
    }

    static JsonObject issueJson(TrackerIssue issue) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("identifier", issue.identifier())
                .add("title", nullToEmpty(issue.title())).add("description", issue.description())
                .add("state", nullToEmpty(issue.state())).add("url", issue.url())
                .add("labels", Json.createArrayBuilder(issue.labels()));
        if (issue.priority() == null) {
            b.addNull("priority");
        } else {
            b.add("priority", issue.priority());
        }
        return b.build();
    }

    private ToolOutcome postUpdate(String body) {
        TrackerComment c = tracker().postComment(ctx.issueId(), body);
        return ToolOutcome.ok(Json.createObjectBuilder().add("posted", true).add("comment_id", c.id()).build());
    }

    private ToolOutcome updateComment(String commentId, String body) {
        // The tracker refuses a comment of any other issue (category not_found).
        TrackerComment c = tracker().updateComment(ctx.issueId(), commentId.strip(), body);
        // The comment the agent keeps editing is its living status comment (its workpad).
        events.statusComment(ctx, c.id());
        return ToolOutcome.ok(Json.createObjectBuilder().add("updated", true).add("comment_id", c.id()).build());
    }

    private ToolOutcome getComments(int first) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (TrackerComment c : tracker().comments(ctx.issueId(), first)) {
            list.add(Json.createObjectBuilder().add("id", c.id()).add("body", nullToEmpty(c.body()))
                    .add("created_at", nullToEmpty(c.createdAt())).add("author", nullToEmpty(c.author())));
        }
        return ToolOutcome.ok(Json.createObjectBuilder().add("comments", list).build());
    }

    private ToolOutcome setStatus(String state) {
        Tracker tracker = tracker();
        tracker.moveToState(ctx.issueId(), state);
        boolean terminal;
        try {
            // The tracker decides by the state's type; a name says little (a team may call Done "Shipped").
            terminal = current(tracker).map(TrackerIssue::terminal).orElse(false)
                    || FINISHED_NAMES.contains(state.toLowerCase(Locale.ROOT));
        } catch (TrackerException e) {
            terminal = FINISHED_NAMES.contains(state.toLowerCase(Locale.ROOT));
        }
        events.statusSet(ctx, state, terminal);
        return ToolOutcome.ok(Json.createObjectBuilder().add("updated", true).add("state", state)
                .add("terminal", terminal).build());
    }

    private ToolOutcome linkPr(String url, String title) {
        if (!isHttpUrl(url)) {
            return ToolOutcome.failure("'url' must be an http(s) URL");
        }
        String t = title == null || title.isBlank() ? DEFAULT_PR_TITLE : title.strip();
        tracker().linkUrl(ctx.issueId(), url, t);
        events.prLinked(ctx, url);
        return ToolOutcome.ok(Json.createObjectBuilder().add("linked", true).add("url", url).build());
    }

    static boolean isHttpUrl(String url) {
        try {
            java.net.URI u = new java.net.URI(url);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null && !u.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private ToolOutcome createFollowUp(String title, String description, List<String> labels) {
        Tracker tracker = tracker();
        Optional<TrackerIssue> parent = current(tracker);
        if (parent.isEmpty()) {
            return ToolOutcome.failure("the issue " + ctx.issueIdentifier() + " is gone, so no follow-up can refer to it");
        }
        String body = description.strip() + "\n\nFollow-up from " + parent.get().identifier()
                + (parent.get().url().isEmpty() ? "" : " (" + parent.get().url() + ")");
        TrackerIssue created = tracker.createFollowUp(parent.get(), title, body, labels);
        return ToolOutcome.ok(Json.createObjectBuilder().add("created", true).add("id", created.id())
                .add("identifier", created.identifier()).add("url", created.url())
                .add("labels", Json.createArrayBuilder(created.labels())).build());
    }

    private ToolOutcome reportBlocked(String reason) {
        boolean commented = false;
        try {
            tracker().postComment(ctx.issueId(), "**Blocked**: the agent cannot go on.\n\n" + reason);
            commented = true;
        } catch (TrackerException e) {
            // The comment is a courtesy; the block itself must not depend on the tracker being up.
            LOG.log(Level.INFO, "run " + ctx.runId() + ": could not comment the block (" + e.category() + ")");
        }
        events.blocked(ctx, reason);
        return ToolOutcome.ok(Json.createObjectBuilder().add("blocked", true).add("commented", commented).build());
    }

    private ToolOutcome commit(String message) {
        CommitResult r = events.commit(ctx, message.strip());
        if (r.failure() != null) {
            return ToolOutcome.failure(r.failure());
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("committed", r.committed()).add("branch", r.branch());
        if (r.sha() != null) {
            b.add("sha", r.sha());
        }
        return ToolOutcome.ok(b.build());
    }

    private static String optional(JsonObject args, String name) {
        return args.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static List<String> strings(JsonValue v) {
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (JsonValue item : a) {
                String s = ((JsonString) item).getString().strip();
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
