package dev.flightdeck.core.event;

import dev.flightdeck.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which messages a surface subscriber receives for an event. Pure. */
public final class Routing {
    private Routing() {
    }

    public static Set<String> deltaSurfaces(String eventType) {
        return EventType.of(eventType).map(EventType::rawTo).orElse(Set.of());
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
