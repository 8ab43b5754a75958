package dev.flightdeck.api.auth;

import dev.flightdeck.api.console.ConsolePaths;
import dev.flightdeck.api.error.ErrorBody;
import dev.flightdeck.core.auth.Caller;
import dev.flightdeck.core.auth.TokenKind;
import dev.flightdeck.core.auth.TokenService;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer-token authentication for every route of the application. The WebSocket upgrade may carry
 * the token as {@code ?token=} because browsers cannot set headers on it; no other route takes a
 * token in the URL, where it would end up in access logs.
 */
@ApplicationScoped
public class BearerAuthMechanism implements HttpAuthenticationMechanism {
    static final String APP_GROUP = "app";
    private static final String WS_PATH = "/ws";
    /** The mission tools' MCP endpoint: only a run's mission_tools token opens it, and it opens nothing else. */
    public static final String MCP_PATH = "/mcp";
    /** Where /mcp finds the id of the mission tool token that opened it. */
    public static final String MISSION_TOKEN_ID = BearerAuthMechanism.class.getName() + ".missionTokenId";
    /** Workspace sync: only a workspace's sync token opens it, and that token opens nothing else. */
    public static final String SYNC_PATH = "/api/sync";
    /** Where /api/sync finds the id of the sync token that opened it. */
    public static final String SYNC_TOKEN_ID = BearerAuthMechanism.class.getName() + ".syncTokenId";
    /** Why /api/sync was refused, as the contract's error code; the route answers it. */
    public static final String SYNC_REFUSAL = BearerAuthMechanism.class.getName() + ".syncRefusal";

    @Inject
    TokenService tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = dispatchedPath(request.getServletPath(), request.getPathInfo());
        if (isOpen(path) || ConsolePaths.classify(request.getMethod(), path) != ConsolePaths.Kind.APPLICATION) {
            // The console's files are public: the sign-in page has to load before any token is known.
            return context.doNothing();
        }
        String token = bearer(request.getHeader("Authorization"))
                .or(() -> WS_PATH.equals(path) ? Optional.ofNullable(request.getParameter("token")) : Optional.empty())
                .orElse(null);
        if (SYNC_PATH.equals(path)) {
            // The sync route answers its refusals itself, with the codes the contract gives it.
            syncCaller(request, token);
            return context.doNothing();
        }
        if (token == null) {
            return refuse(path, request, response, context, "a bearer token is required (Authorization: Bearer <token>)");
        }
        Optional<Caller> caller = tokens.authenticate(token);
        if (caller.isEmpty()) {
            return refuse(path, request, response, context, "the bearer token is invalid, expired or revoked");
        }
        Optional<String> wrongKind = refusal(path, caller.get().kind());
        if (wrongKind.isPresent()) {
            return refuse(path, request, response, context, wrongKind.get());
        }
        if (MCP_PATH.equals(path)) {
            request.setAttribute(MISSION_TOKEN_ID, caller.get().tokenId());
            return context.doNothing();
        }
        if (!WS_PATH.equals(path)) {
            // REST resources never read the container principal, and having Liberty build a
            // security subject for every request costs more than the whole token check.
            return context.doNothing();
        }
        // The WebSocket endpoint reads the caller back from the principal.
        return context.notifyContainerAboutLogin(caller.get().principalName(), Set.of(APP_GROUP));
    }

    /**
     * The path the container dispatches: servlet path plus path info, which Servlet 6 has decoded and
     * canonicalised (dot segments resolved, empty segments merged). The raw request URI is what the
     * client typed, so {@code /health/../api/x} or {@code //ws} would decide differently from the
     * route that actually runs.
     */
    public static String dispatchedPath(String servletPath, String pathInfo) {
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /**
     * A tracker's webhook carries no bearer token: its HMAC signature, checked over the raw body by the
     * route, is what authenticates it.
     */
    static final java.util.regex.Pattern WEBHOOK = java.util.regex.Pattern.compile("/api/missions/[^/]+/webhooks/(linear|github)");

    /**
     * The probes and the tracker webhooks are open; everything else needs a token. So is
     * {@code /.well-known/}, where nothing is served: an MCP client that meets a 401 there would take it
     * for an OAuth-protected resource and drop the bearer header it was given (Claude Code does), while
     * a 404 says there is no OAuth here.
     */
    static boolean isOpen(String dispatchedPath) {
        return dispatchedPath.equals("/health") || dispatchedPath.startsWith("/health/")
                || dispatchedPath.startsWith("/.well-known/") || WEBHOOK.matcher(dispatchedPath).matches();
    }

    private void syncCaller(HttpServletRequest request, String token) {
        if (token == null) {
            request.setAttribute(SYNC_REFUSAL, ErrorCode.MISSING_BEARER_TOKEN);
            return;
        }
        Optional<Caller> caller = tokens.authenticate(token);
        if (caller.isEmpty() || refusal(SYNC_PATH, caller.get().kind()).isPresent()) {
            request.setAttribute(SYNC_REFUSAL, ErrorCode.INVALID_WORKSPACE_TOKEN);
            return;
        }
        request.setAttribute(SYNC_TOKEN_ID, caller.get().tokenId());
    }

    /** Why a token of this kind may not open this path, or empty when it may. */
    static Optional<String> refusal(String dispatchedPath, TokenKind kind) {
        if (MCP_PATH.equals(dispatchedPath)) {
            return kind == TokenKind.MISSION_TOOLS ? Optional.empty()
                    : Optional.of("/mcp takes only a mission run's tool token");
        }
        if (SYNC_PATH.equals(dispatchedPath)) {
            return kind == TokenKind.WORKSPACE_SYNC ? Optional.empty()
                    : Optional.of("/api/sync takes only a workspace sync token");
        }
        switch (kind) {
            case APP:
                return Optional.empty();
            case MISSION_TOOLS:
                return Optional.of("this token is for a mission run's tools at /mcp only");
            default:
                return Optional.of("this token is for workspace sync only");
        }
    }

    static Optional<String> bearer(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /**
     * REST requests carry the refusal to {@link AuthFailureFilter}, which answers before any resource
     * runs: a 401 that Liberty sends for a mechanism gets a Basic challenge stamped on it, and that
     * makes browsers pop up a password dialog. The WebSocket upgrade is refused here.
     */
    private static AuthenticationStatus refuse(String path, HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context, String message) {
        if (!WS_PATH.equals(path)) {
            request.setAttribute(AuthFailureFilter.ATTRIBUTE, message);
            return context.doNothing();
        }
        try {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"flightdeck\"");
            response.setContentType("application/json");
            byte[] body = Json.write(new ErrorBody(ErrorCode.UNAUTHORIZED.code(), message)).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // SEND_CONTINUE: the response is complete as written; SEND_FAILURE would make the container
        // replace it with its own error page.
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
