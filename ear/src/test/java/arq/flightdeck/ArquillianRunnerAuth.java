package arq.flightdeck;

import dev.flightdeck.api.auth.BearerAuthMechanism;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Test archives only: lets Arquillian's own runner servlet through (it cannot send a bearer token);
 * every application route still goes through the real mechanism.
 */
@Alternative
@Priority(100)
@ApplicationScoped
public class ArquillianRunnerAuth extends BearerAuthMechanism {
    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (request.getRequestURI().substring(request.getContextPath().length()).startsWith("/ArquillianServletRunner")) {
            return context.doNothing();
        }
        return super.validateRequest(request, response, context);
    }
}
