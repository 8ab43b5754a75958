package dev.flightdeck.api.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Framework failures: unknown route, wrong method, wrong media type, unreadable body. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response r = FallbackExceptionMapper.mapCause(e);
        if (r != null) {
            return r;
        }
        Response.ResponseBuilder out = Response.fromResponse(Errors.forStatus(status));
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            out.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return out.build();
    }
}
