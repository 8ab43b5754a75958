package dev.flightdeck.core.mission;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on trigger and dispatch: the first answer to a key is stored; the same key
 * with the same body replays it, and the same key with another body is 422.
 */
@Stateless
public class IdempotencyKeys {
    static final int MAX_KEY = 255;

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    /** A stored answer: its status and JSON body. */
    public record Stored(int status, String body) {
    }

    public static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ApiException.invalidField("Idempotency-Key", "must be 1 to 255 printable ASCII characters");
        }
        return key;
    }

    /** The stored answer for this key, if the same request was answered before; 422 for another request. */
    public Optional<Stored> replay(String scope, String key, String requestBody) {
        List<?> rows = em.createNativeQuery("SELECT request_hash, status, response FROM idempotency_keys "
                + "WHERE scope = ?1 AND idem_key = ?2").setParameter(1, scope).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        if (!hash(requestBody).equals(r[0])) {
            throw ErrorCode.IDEMPOTENCY_KEY_REUSED.error("Idempotency-Key " + key
                    + " was used before with another request body");
        }
        return Optional.of(new Stored(((Number) r[1]).intValue(), (String) r[2]));
    }

    /** Stores the first answer; a concurrent twin that stored first wins, and this one's insert is dropped. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void remember(String scope, String key, String requestBody, int status, String response) {
        if (!em.createNativeQuery("SELECT 1 FROM idempotency_keys WHERE scope = ?1 AND idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key).getResultList().isEmpty()) {
            return;
        }
        em.createNativeQuery("INSERT INTO idempotency_keys (scope, idem_key, request_hash, status, response, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, scope).setParameter(2, key)
                .setParameter(3, hash(requestBody)).setParameter(4, status).setParameter(5, response)
                .setParameter(6, System.currentTimeMillis()).executeUpdate();
    }

    static String hash(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((body == null ? "" : body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
