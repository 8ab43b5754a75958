package dev.flightdeck.api.usage;

import dev.flightdeck.api.session.Params;
import dev.flightdeck.core.usage.RateLimitStore;
import dev.flightdeck.core.usage.UsageLedger;
import dev.flightdeck.core.usage.UsageRange;
import dev.flightdeck.core.usage.UsageWire;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Usage across sessions (contract §1.11), from the per-turn ledger; direct sessions only. Times are
 * Unix seconds; ranges are [start, end).
 */
@Path("/api/usage")
@Tag(name = "usage")
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "400", description = "A parameter is not whole Unix seconds, out of range, or a start "
        + "is not before its end", content = @Content(schema = @Schema(ref = "Error")))
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {
    @Inject
    UsageLedger ledger;
    @Inject
    RateLimitStore rateLimits;

    @GET
    @Path("summary")
    @Operation(summary = "Today's and all-time usage of direct sessions; today starts at today_start_unix "
            + "(default: the UTC day)")
    @APIResponse(responseCode = "200", description = "Summary", content = @Content(schema = @Schema(ref = "UsageSummary")))
    public UsageWire.UsageSummary summary(@QueryParam("today_start_unix") String todayStart) {
        return ledger.summary(today(todayStart));
    }

    @GET
    @Path("breakdown")
    @Operation(summary = "Usage of direct sessions grouped by provider, model, session or day, in [start_unix, "
            + "end_unix); days start at today_start_unix's time of day (default UTC midnight)")
    @APIResponse(responseCode = "200", description = "Breakdown", content = @Content(schema = @Schema(ref = "UsageBreakdown")))
    public UsageWire.Breakdown breakdown(@QueryParam("group_by") String groupBy, @QueryParam("start_unix") String start,
                                         @QueryParam("end_unix") String end,
                                         @QueryParam("today_start_unix") String todayStart) {
        Long anchor = UsageRange.unix("today_start_unix", todayStart);
        return ledger.breakdown(groupBy == null || groupBy.isEmpty() ? "provider" : groupBy,
                UsageRange.unix("start_unix", start), UsageRange.unix("end_unix", end), anchor == null ? 0 : anchor);
    }

    @GET
    @Path("overview")
    @Operation(summary = "The usage pane in one read: the summary, today's providers and models, and the days of "
            + "[range_start_unix, range_end_unix) (default the 30 days ending with today; at most 400)")
    @APIResponse(responseCode = "200", description = "Overview", content = @Content(schema = @Schema(ref = "UsageOverview")))
    public UsageWire.Overview overview(@QueryParam("today_start_unix") String todayStart,
                                       @QueryParam("range_start_unix") String rangeStart,
                                       @QueryParam("range_end_unix") String rangeEnd) {
        return ledger.overview(today(todayStart), UsageRange.unix("range_start_unix", rangeStart),
                UsageRange.unix("range_end_unix", rangeEnd));
    }

    @GET
    @Path("sessions")
    @Operation(summary = "Direct sessions with usage in [start_unix, end_unix), most recently used first; limit "
            + "default 50, max 500")
    @APIResponse(responseCode = "200", description = "A page of sessions",
            content = @Content(schema = @Schema(ref = "UsageSessions")))
    public UsageWire.Sessions sessions(@QueryParam("start_unix") String start, @QueryParam("end_unix") String end,
                                       @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return ledger.sessions(UsageRange.unix("start_unix", start), UsageRange.unix("end_unix", end),
                Params.intParam("limit", limit, UsageLedger.SESSIONS_LIMIT_DEFAULT, 1, UsageLedger.SESSIONS_LIMIT_MAX),
                Params.intParam("offset", offset, 0, 0, Integer.MAX_VALUE));
    }

    @GET
    @Path("codex")
    @Operation(summary = "Codex's newest rate-limit windows, as its app-server reported them; error_info until it has")
    @APIResponse(responseCode = "200", description = "Windows or error_info",
            content = @Content(schema = @Schema(ref = "RateLimitUsage")))
    public UsageWire.RateLimitUsage codex() {
        return rateLimits.read("codex");
    }

    @GET
    @Path("claude")
    @Operation(summary = "Claude's newest rate-limit windows, from Claude Code's rate_limit_event messages; "
            + "error_info until it has sent one")
    @APIResponse(responseCode = "200", description = "Windows or error_info",
            content = @Content(schema = @Schema(ref = "RateLimitUsage")))
    public UsageWire.RateLimitUsage claude() {
        return rateLimits.read("claude");
    }

    private static long today(String raw) {
        Long v = UsageRange.unix("today_start_unix", raw);
        return v != null ? v : UsageRange.utcDayStart(System.currentTimeMillis());
    }
}
