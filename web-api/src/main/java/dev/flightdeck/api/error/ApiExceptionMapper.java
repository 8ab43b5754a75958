package dev.flightdeck.api.error;

import dev.flightdeck.core.error.ApiException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
        return Errors.response(e.status(), e.code(), e.getMessage());
    }
}
