package dev.flightdeck.core.server;

import dev.flightdeck.core.settings.ServerSettings;
import dev.flightdeck.persistence.settings.ClientClaimEntity;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The server's role and its clients' primary claims, persisted. Every change fires
 * {@link ServerInfoChanged}, which the WebSocket module turns into a {@code server_info} broadcast
 * once the change is committed.
 */
@Stateless
public class ServerState {
    public static final String SERVER_ROLE = "server_role";

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    ServerSettings settings;

    @Inject
    Event<ServerInfoChanged> changed;

    /** One device's claim, as {@code server_info} and meta list it. */
    public record Claim(String clientId, String deviceName) {
    }

    public boolean isPrimary() {
        return PrimaryRules.isPrimary(settings.get(SERVER_ROLE).orElse(null));
    }

    public boolean setPrimary(boolean primary) {
        settings.put(SERVER_ROLE, PrimaryRules.stored(primary));
        changed.fire(new ServerInfoChanged("role"));
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
        changed.fire(new ServerInfoChanged("claim"));
    }

    /** Clears a client's claim when its last socket closed; true when there was one to clear. */
    public boolean release(String clientId) {
        ClientClaimEntity e = clientId == null ? null : em.find(ClientClaimEntity.class, clientId);
        if (e == null) {
            return false;
        }
        em.remove(e);
        changed.fire(new ServerInfoChanged("claim released"));
        return true;
    }
}
