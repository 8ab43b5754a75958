package dev.flightdeck.api.console;

import dev.flightdeck.api.auth.BearerAuthMechanism;
import dev.flightdeck.api.error.ErrorBody;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.MappingMatch;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the web console. The JAX-RS application is mapped to {@code /*}, so the container's own
 * static file serving never sees a request; this filter answers the console's GETs before it
 * does. The files come from {@code console.jar!/META-INF/resources} in WEB-INF/lib (Servlet's
 * resource jars) and never change while the application runs, so each is read once.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ConsoleFilter extends HttpFilter {
    private record File(byte[] bytes, String type, String etag) {
    }

    private final Map<String, File> files = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = BearerAuthMechanism.dispatchedPath(req.getServletPath(), req.getPathInfo());
        ConsolePaths.Kind kind = ConsolePaths.classify(req.getMethod(), path);
        if (kind == ConsolePaths.Kind.APPLICATION || mappedElsewhere(req.getHttpServletMapping())) {
            chain.doFilter(req, res);
            return;
        }
        String name = kind == ConsolePaths.Kind.INDEX ? ConsolePaths.INDEX_FILE : path;
        File file = kind == ConsolePaths.Kind.FORBIDDEN ? null : load(name);
        if (file == null) {
            notFound(res, kind == ConsolePaths.Kind.INDEX
                    ? "the console is not in this build (console.jar is missing)" : "no file " + path);
            return;
        }
        res.setHeader("Cache-Control", ConsolePaths.cacheControl(name));
        res.setHeader("ETag", file.etag());
        res.setHeader("X-Content-Type-Options", "nosniff");
        if (name.equals(ConsolePaths.INDEX_FILE)) {
            res.setHeader("Content-Security-Policy", ConsolePaths.CONTENT_SECURITY_POLICY);
            res.setHeader("Referrer-Policy", "no-referrer");
        }
        if (file.etag().equals(req.getHeader("If-None-Match"))) {
            res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        res.setContentType(file.type());
        res.setContentLength(file.bytes().length);
        if (!"HEAD".equals(req.getMethod())) {
            res.getOutputStream().write(file.bytes());
        }
    }

    /**
     * A request some servlet of this web module is mapped to (other than the default one or a
     * catch-all) is that servlet's: the console only takes what would otherwise be a 404. This is
     * what keeps servlets added to the module, such as Arquillian's test runner, reachable.
     */
    static boolean mappedElsewhere(HttpServletMapping mapping) {
        if (mapping == null || mapping.getMappingMatch() == null) {
            return false;
        }
        MappingMatch match = mapping.getMappingMatch();
        return match == MappingMatch.EXACT || match == MappingMatch.EXTENSION
                || (match == MappingMatch.PATH && !"/*".equals(mapping.getPattern()));
    }

    private File load(String name) throws IOException {
        File cached = files.get(name);
        if (cached != null) {
            return cached;
        }
        URL url = getServletContext().getResource(name);
        if (url == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException directory) {
            // A directory resolves to a URL too, but has no bytes to serve.
            return null;
        }
        String type = getServletContext().getMimeType(name);
        if (type == null || name.endsWith(".js")) {
            type = name.endsWith(".js") ? "text/javascript" : "application/octet-stream";
        }
        if (type.startsWith("text/")) {
            type += ";charset=utf-8";
        }
        File file = new File(bytes, type, etag(bytes));
        files.put(name, file);
        return file;
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void notFound(HttpServletResponse res, String why) throws IOException {
        res.setStatus(404);
        res.setContentType("application/json");
        byte[] body = Json.write(new ErrorBody(ErrorCode.NOT_FOUND.code(), why)).getBytes(StandardCharsets.UTF_8);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
