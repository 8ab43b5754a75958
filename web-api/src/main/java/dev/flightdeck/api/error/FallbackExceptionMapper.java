package dev.flightdeck.api.error;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything else: a known cause gets its envelope; the rest is logged here and never shown. */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        Response r = mapCause(e);
        if (r != null) {
            return r;
        }
        LOG.log(Level.SEVERE, "unhandled failure", e);
        return Errors.forStatus(500);
    }

    /** Walks the cause chain for failures that have a client-facing meaning. */
    static Response mapCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return Errors.response(api.status(), api.code(), api.getMessage());
            }
            if (t instanceof JsonbException || t instanceof JsonException) {
                return Errors.response(400, ErrorCode.INVALID_REQUEST.code(), "body: malformed JSON or wrong field types");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
