package dev.flightdeck.core.mission.config;

/**
 * A prompt template that cannot be rendered: a Liquid syntax error, an unknown variable, filter or
 * tag, an {@code include}, or a limit exceeded. The message says which, for the mission's operator;
 * the orchestrator fails that one attempt with it.
 */
public class PromptRenderException extends RuntimeException {

    public PromptRenderException(String message) {
        super(message, null, false, false);
    }
}
