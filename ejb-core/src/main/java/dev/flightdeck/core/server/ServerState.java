package dev.flightdeck.core.server;

import dev.flightdeck.core.settings.ServerSettings;
import dev.flightdeck.persistence.settings.ClientClaimEntity;
import jakarta.ejb.Stateless;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The server's role and its clients' primary claims, persisted. Every change logs the new
 * {@code server_info} in the event log's {@link Scope#SERVER} scope, in the change's transaction: the
 * node that made it sends it to its sockets once it commits, and every other node sharing the database
 * reads it from the log and sends it to theirs (the cluster tail), so all sockets hear of it.
 */
@Stateless
public class ServerState {
    public static final String SERVER_ROLE = "server_role";

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    ServerSettings settings;

    @Inject
    EventLog log;

    /** One device's claim, as {@code server_info} and meta list it. */
    public record Claim(String clientId, String deviceName) {
    }

    public boolean isPrimary() {
        return PrimaryRules.isPrimary(settings.get(SERVER_ROLE).orElse(null));
    }

    public boolean setPrimary(boolean primary) {
        settings.put(SERVER_ROLE, PrimaryRules.stored(primary));
        announce();
        return primary;
    }

    public List<Claim> claims() {
        return em.createNamedQuery("ClientClaim.findAll", ClientClaimEntity.class).getResultList().stream()
                .map(c -> new Claim(c.clientId, c.deviceName)).toList();
    }

    /** Records or withdraws a claim; a claim made again keeps its first time, so the list order is stable. */
    public void claim(PrimaryRules.ClaimRequest request) {
        ClientClaimEntity e = em.find(ClientClaimEntity.class, request.clientId());
        if (!request.isPrimary()) {
            if (e != null) {
                em.remove(e);
            }
        } else if (e == null) {
            e = new ClientClaimEntity();
            e.clientId = request.clientId();
            e.deviceName = request.deviceName();
            e.claimedAt = System.currentTimeMillis();
            em.persist(e);
        } else {
            e.deviceName = request.deviceName();
        }
        announce();
    }

    /** Clears a client's claim when its last socket closed; true when there was one to clear. */
    public boolean release(String clientId) {
        ClientClaimEntity e = clientId == null ? null : em.find(ClientClaimEntity.class, clientId);
        if (e == null) {
            return false;
        }
        em.remove(e);
        announce();
        return true;
    }

    /** The server_info every socket gets, as this transaction leaves the role and claims (flushed before the read). */
    private void announce() {
        ServerMeta.ServerInfo info = new ServerMeta.ServerInfo(EventType.SERVER_INFO.wire(), isPrimary(), claims());
        log.append(Scope.SERVER, EventType.SERVER_INFO, rev -> info);
    }
}
