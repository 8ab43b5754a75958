package dev.flightdeck.core.mission;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.OptionalLong;

/**
 * Leader election over one lease row. Taking or renewing it is one conditional UPDATE, so two nodes can
 * never both hold it; the token goes up whenever the holder changes and fences every write the
 * scheduler makes (see {@link #holds}), so a leader that paused past its lease cannot act on stale plans.
 */
@Stateless
public class MissionLease {
    public static final String NAME = "missions";

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    /**
     * Takes the lease for {@code ttlMs}, or renews it when {@code holder} has it.
     *
     * @return the fencing token while {@code holder} leads; empty when another node does
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public OptionalLong acquire(String holder, long now, long ttlMs) {
        int renewed = em.createNativeQuery("UPDATE leases SET expires_at = ?1 WHERE name = ?2 AND holder = ?3 AND expires_at >= ?4")
                .setParameter(1, now + ttlMs).setParameter(2, NAME).setParameter(3, holder).setParameter(4, now)
                .executeUpdate();
        if (renewed == 0) {
            int taken = em.createNativeQuery("UPDATE leases SET holder = ?1, token = token + 1, expires_at = ?2 "
                            + "WHERE name = ?3 AND (holder IS NULL OR expires_at < ?4)")
                    .setParameter(1, holder).setParameter(2, now + ttlMs).setParameter(3, NAME).setParameter(4, now)
                    .executeUpdate();
            if (taken == 0) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(token());
    }

    /** Gives the lease up (a node stopping), so another node takes over without waiting for expiry. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(String holder) {
        em.createNativeQuery("UPDATE leases SET expires_at = 0 WHERE name = ?1 AND holder = ?2")
                .setParameter(1, NAME).setParameter(2, holder).executeUpdate();
    }

    /**
     * The fence, checked inside a writing transaction: true while {@code token} is still the lease's.
     * Every change of holder raises the token, so an equal token means nobody took over, even if this
     * holder's tick ran past its expiry; and the row stays locked until commit, so nobody can take over
     * between the check and the write.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean holds(long token, long now) {
        List<?> rows = em.createNativeQuery("SELECT token FROM leases WHERE name = ?1 FOR UPDATE")
                .setParameter(1, NAME).getResultList();
        return !rows.isEmpty() && ((Number) rows.get(0)).longValue() == token;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long token() {
        return ((Number) em.createNativeQuery("SELECT token FROM leases WHERE name = ?1").setParameter(1, NAME)
                .getSingleResult()).longValue();
    }
}
