package dev.flightdeck.ws.server;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.server.PrimaryRules;
import dev.flightdeck.core.server.ServerState;
import dev.flightdeck.ws.subscription.Connection;
import dev.flightdeck.ws.subscription.ErrorFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.Session;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The link between a client's primary claim and its sockets, and the socket forms of the role and
 * claim routes (contract §2). The {@code server_info} a change makes reaches every socket of every node
 * through the event log ({@code ServerState}, scope {@code server}). A socket says
 * which client it is with {@code ?client_id=} on the upgrade or by claiming over the socket; when the
 * last socket of a client closes, its claim is cleared.
 */
@ApplicationScoped
public class ServerInfoFanOut {
    private static final Logger LOG = Logger.getLogger(ServerInfoFanOut.class.getName());
    public static final Set<String> TYPES = Set.of("set_client_primary_claim", "set_server_role");

    @Inject
    ServerState state;

    /** Socket id → the client it said it is. */
    private final Map<String, String> clientOf = new ConcurrentHashMap<>();

    public void opened(Connection c, Session ws) {
        List<String> ids = ws.getRequestParameterMap().get("client_id");
        String clientId = ids == null || ids.isEmpty() ? null : PrimaryRules.socketClientId(ids.get(0));
        if (clientId != null) {
            clientOf.put(c.id(), clientId);
        }
    }

    public void closed(Session ws) {
        String clientId = clientOf.remove(ws.getId());
        if (clientId == null || clientOf.containsValue(clientId)) {
            return;
        }
        try {
            state.release(clientId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "clearing the primary claim of a closed socket failed", e);
        }
    }

    /** The socket forms of PUT /api/server/role and POST /api/client/primary-claim. */
    public void handle(Connection c, String type, JsonObject msg) {
        try {
            if ("set_server_role".equals(type)) {
                state.setPrimary(PrimaryRules.role(msg));
                return;
            }
            PrimaryRules.ClaimRequest claim = PrimaryRules.claim(msg);
            clientOf.put(c.id(), claim.clientId());
            state.claim(claim);
        } catch (ApiException e) {
            c.send(ErrorFrame.json(e.code(), e.getMessage(), null));
        }
    }
}
