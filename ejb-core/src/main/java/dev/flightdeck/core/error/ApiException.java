package dev.flightdeck.core.error;

import jakarta.ejb.ApplicationException;

/**
 * The one error type every layer throws for a client-visible failure. The REST layer turns it into
 * the {@code {code, error}} envelope; EJBs roll back their transaction when it escapes.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public ApiException(ErrorCode code, String message) {
        this(code.status(), code.code(), message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** A validation failure that names the offending field. */
    public static ApiException invalidField(String field, String problem) {
        return ErrorCode.INVALID_REQUEST.error(field + ": " + problem);
    }
}
