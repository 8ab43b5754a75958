package dev.flightdeck.core.mission.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a mission run's agent reaches the mission tools: {@code FLIGHTDECK_PUBLIC_URL} + {@code /mcp}
 * when set (a proxy, another interface), else this server's own HTTP endpoint. Agents run on this
 * host, so a wildcard bind address becomes the loopback one.
 */
@ApplicationScoped
public class McpEndpointUrl {
    public static final String PATH = "/mcp";

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_PUBLIC_URL")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_HOST", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_PORT", defaultValue = "4000")
    String port;

    public String url() {
        return of(publicUrl.orElse(null), host, port);
    }

    /** Pure: the URL from the three settings. */
    static String of(String publicUrl, String host, String port) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            String base = publicUrl.strip();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return base + PATH;
        }
        String h = host == null || host.isBlank() || host.equals("*") || host.equals("0.0.0.0") ? "127.0.0.1"
                : host.equals("::") ? "[::1]" : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port.strip() + PATH;
    }
}
