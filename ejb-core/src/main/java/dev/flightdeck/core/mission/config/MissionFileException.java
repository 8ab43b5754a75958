package dev.flightdeck.core.mission.config;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;

/**
 * A MISSION.md (or WORKFLOW.md) that cannot be used, with a message meant for the person who wrote
 * the file: it names the field ({@code trigger.interval: must be a number of seconds}) or the
 * structural problem. The orchestrator stores the message as the mission's {@code parse_error}.
 */
public class MissionFileException extends RuntimeException {

    public MissionFileException(String message) {
        super(message, null, false, false);
    }

    /** The same message as a 400 {@code invalid_request}, for a request that carried the file. */
    public ApiException toApiException() {
        return ErrorCode.INVALID_REQUEST.error(getMessage());
    }
}
