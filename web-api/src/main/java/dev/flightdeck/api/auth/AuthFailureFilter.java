package dev.flightdeck.api.auth;

import dev.flightdeck.api.error.Errors;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Sends the refusal that {@link BearerAuthMechanism} decided on, before routing or any resource. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthFailureFilter implements ContainerRequestFilter {
    static final String ATTRIBUTE = AuthFailureFilter.class.getName();

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        Object message = request.getAttribute(ATTRIBUTE);
        if (message != null) {
            context.abortWith(Response.fromResponse(Errors.response(401, ErrorCode.UNAUTHORIZED.code(), message.toString()))
                    .header("WWW-Authenticate", "Bearer realm=\"flightdeck\"").build());
        }
    }
}
