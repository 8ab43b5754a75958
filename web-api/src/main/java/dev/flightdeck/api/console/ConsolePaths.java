package dev.flightdeck.api.console;

import java.util.Locale;

/**
 * Which requests the web console answers, and how they are cached. Pure. Everything under
 * {@code /api}, the WebSocket, the mission tools' MCP endpoint and the error page belongs to the
 * application; any other GET or HEAD is the console's: a file name is one of its built assets, and
 * anything else is a client-side route, answered with {@code index.html}.
 */
public final class ConsolePaths {
    private ConsolePaths() {
    }

    public enum Kind { APPLICATION, ASSET, INDEX, FORBIDDEN }

    public static final String INDEX_FILE = "/index.html";

    /** @param path the dispatched (decoded, canonical) path */
    public static Kind classify(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return Kind.APPLICATION;
        }
        if (path.equals("/api") || path.startsWith("/api/") || path.equals("/ws") || path.startsWith("/ws/")
                || path.equals("/mcp") || path.startsWith("/mcp/") || path.equals("/error-envelope")
                || path.startsWith("/.well-known/")) {
            return Kind.APPLICATION;
        }
        String upper = path.toUpperCase(Locale.ROOT);
        // The container would hand these out as resources too; they are the application's insides.
        if (upper.startsWith("/WEB-INF") || upper.startsWith("/META-INF")) {
            return Kind.FORBIDDEN;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".") ? Kind.ASSET : Kind.INDEX;
    }

    /**
     * Vite names every built asset after a hash of its content, so a name never changes meaning and
     * may be kept for a year; index.html names the current ones and is revalidated every time.
     */
    public static String cacheControl(String file) {
        return file.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    }

    /**
     * The page may load and connect to its own origin only: nothing from a CDN, no inline script.
     * Styles set through the DOM (the virtual list's offsets) are not inline styles to CSP.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";
}
