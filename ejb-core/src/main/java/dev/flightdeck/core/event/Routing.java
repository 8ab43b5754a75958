package dev.flightdeck.core.event;

import dev.flightdeck.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which messages a surface subscriber receives for an event. Pure. */
public final class Routing {
    /** Event types whose payload is itself a delta, sent raw to these surfaces. */
    private static final Map<String, Set<String>> DELTA_SURFACES = Map.ofEntries(
            Map.entry("conversation_rows_changed", Set.of(Surface.CONVERSATION)),
            Map.entry("session_delta", Set.of(Surface.CONVERSATION)),
            Map.entry("session_ended", Set.of(Surface.CONVERSATION)),
            Map.entry("session_forked", Set.of(Surface.CONVERSATION)),
            Map.entry("steer_outcome", Set.of(Surface.CONVERSATION)),
            Map.entry("tokens_updated", Set.of(Surface.CONVERSATION)),
            Map.entry("approval_requested", Set.of(Surface.CONVERSATION)),
            Map.entry("approval_decision_result", Set.of(Surface.CONVERSATION)),
            Map.entry("thread_rolled_back", Set.of(Surface.CONVERSATION)),
            Map.entry("undo_completed", Set.of(Surface.CONVERSATION)),
            Map.entry("shell_started", Set.of(Surface.CONVERSATION)),
            Map.entry("shell_output", Set.of(Surface.CONVERSATION)),
            Map.entry("turn_diff_snapshot", Set.of(Surface.REVIEW)),
            Map.entry("review_comment_created", Set.of(Surface.REVIEW)),
            Map.entry("review_comment_updated", Set.of(Surface.REVIEW)),
            Map.entry("review_comment_deleted", Set.of(Surface.REVIEW)));

    private Routing() {
    }

    public static Set<String> deltaSurfaces(String eventType) {
        return DELTA_SURFACES.getOrDefault(eventType, Set.of());
    }

    public static boolean reaches(Revisioned event, String surface) {
        return event.surfaces().contains(surface) || deltaSurfaces(event.eventType()).contains(surface);
    }

    /** Only the conversation surface is rebuilt from deltas; the others refetch on one invalidation. */
    public static boolean replaysExactly(String surface) {
        return Surface.CONVERSATION.equals(surface);
    }

    /** The frames, in order, that a subscriber of {@code surface} gets for this event. */
    public static List<String> framesFor(Revisioned event, String surface) {
        List<String> frames = new ArrayList<>(2);
        if (deltaSurfaces(event.eventType()).contains(surface)) {
            frames.add(event.payload());
        }
        if (event.surfaces().contains(surface)) {
            frames.add(invalidation(event.sessionId(), surface, event.revision()));
        }
        return frames;
    }

    public static String invalidation(String sessionId, String surface, long revision) {
        return Json.write(new SurfaceInvalidated("session_surface_invalidated", sessionId, surface, revision));
    }

    public static String listInvalidation(String type, long revision) {
        return Json.write(new ListInvalidated(type, revision));
    }

    public record SurfaceInvalidated(String type, String sessionId, String surface, long revision) {
    }

    public record ListInvalidated(String type, long revision) {
    }
}
