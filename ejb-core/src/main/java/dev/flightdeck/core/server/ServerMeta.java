package dev.flightdeck.core.server;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** What the server says about itself on connect and at {@code /api/server/meta}. */
@ApplicationScoped
public class ServerMeta {
    /** The oldest OrbitDock client protocol this server speaks. */
    public static final String MINIMUM_CLIENT_VERSION = "0.1.0";
    public static final List<String> CAPABILITIES = List.of("dashboard_projection_v1", "missions_projection_v1", "session_detail_surface_v1",
            "session_composer_surface_v1", "conversation_surface_v1", "durable_revisions_v1");

    private final String version = readVersion();
    private final String instanceId = UUID.randomUUID().toString();

    public record HelloInfo(String serverVersion, String minimumClientVersion, List<String> capabilities) {
    }

    public record ServerInfo(String type, boolean isPrimary, List<ServerState.Claim> clientPrimaryClaims) {
    }

    public record Meta(String serverVersion, String minimumClientVersion, List<String> capabilities,
                       String serverInstanceId, boolean isPrimary, List<ServerState.Claim> clientPrimaryClaims,
                       UpdateRules.Status updateStatus, java.util.Map<String, AgentInfo> agents) {
    }

    /**
     * The CLI sessions of a provider will run: where it is, the version it reports, the version the
     * build pins, and how it was found (configured, path or bundled); {@code available} false when none was.
     */
    public record AgentInfo(String path, String version, String pinnedVersion, String source, boolean available) {
    }

    @jakarta.inject.Inject
    dev.flightdeck.core.connector.Connectors connectors;

    @jakarta.inject.Inject
    dev.flightdeck.core.connector.AgentVersions versions;

    @jakarta.inject.Inject
    ServerState state;

    @jakarta.inject.Inject
    UpdateService updates;

    public String version() {
        return version;
    }

    public HelloInfo hello() {
        return new HelloInfo(version, MINIMUM_CLIENT_VERSION, CAPABILITIES);
    }

    public ServerInfo serverInfo() {
        return new ServerInfo("server_info", state.isPrimary(), state.claims());
    }

    public Meta meta() {
        return new Meta(version, MINIMUM_CLIENT_VERSION, CAPABILITIES, instanceId, state.isPrimary(), state.claims(),
                updates.status(), agents());
    }

    /** Per provider, the CLI its sessions run; the version is asked of the executable (cached). */
    public java.util.Map<String, AgentInfo> agents() {
        java.util.Map<String, AgentInfo> out = new java.util.TreeMap<>();
        for (String provider : dev.flightdeck.core.agent.Provider.wires()) {
            dev.flightdeck.core.connector.AgentConnector c = connectors.forProvider(provider);
            if (c == null) {
                continue;
            }
            dev.flightdeck.core.connector.Executables.Located at = c.locate();
            out.put(provider, at.found()
                    ? new AgentInfo(at.path().toString(), versions.of(at.path()), c.pinnedVersion(), at.source().wire(), true)
                    : new AgentInfo(null, null, c.pinnedVersion(), at.source() == dev.flightdeck.core.connector.Executables.Source.CONFIGURED
                            ? at.source().wire() : null, false));
        }
        return out;
    }

    private static String readVersion() {
        try (InputStream in = ServerMeta.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
