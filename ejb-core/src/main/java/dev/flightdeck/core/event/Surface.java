package dev.flightdeck.core.event;

import java.util.Set;

/** The per-session surfaces a client can subscribe to (contract §2.1). */
public final class Surface {
    public static final String DETAIL = "detail";
    public static final String COMPOSER = "composer";
    public static final String CONVERSATION = "conversation";
    public static final String REVIEW = "review";
    public static final String CAPABILITIES = "capabilities";
    public static final Set<String> ALL = Set.of(DETAIL, COMPOSER, CONVERSATION, REVIEW, CAPABILITIES);

    private Surface() {
    }
}
