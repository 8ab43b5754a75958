package dev.flightdeck.core.auth;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.time.Times;
import dev.flightdeck.persistence.auth.AuthTokenEntity;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
public class TokenService {
    /** last_used_at is a hint for humans; writing it at most once a minute keeps reads read-only. */
    private static final long LAST_USED_GRANULARITY_MS = 60_000;
    private static final int MAX_LABEL = 200;

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    Event<TokenRevoked> revoked;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_AUTH_TOKEN")
    Optional<String> staticToken;

    public boolean hasStaticToken() {
        return staticToken.filter(t -> !t.isBlank()).isPresent();
    }

    public TokenWire.Created create(TokenWire.CreateRequest request) {
        if (request == null) {
            throw ErrorCode.INVALID_REQUEST.error("body: a JSON object is required");
        }
        String label = request.label() == null ? "" : request.label().strip();
        if (label.isEmpty()) {
            throw ApiException.invalidField("label", "is required");
        }
        if (label.length() > MAX_LABEL) {
            throw ApiException.invalidField("label", "must be at most " + MAX_LABEL + " characters");
        }
        Long expiresAt = null;
        if (request.expiresAt() != null) {
            expiresAt = Times.parseOrNull(request.expiresAt());
            if (expiresAt == null) {
                throw ApiException.invalidField("expires_at", "must be an RFC 3339 timestamp");
            }
            if (expiresAt <= System.currentTimeMillis()) {
                throw ApiException.invalidField("expires_at", "must be in the future");
            }
        }
        // Mission tool tokens belong to a run and are minted by it alone: one made by hand would be
        // bound to no issue.
        TokenKind kind = request.kind() == null ? TokenKind.APP : TokenKind.fromWire(request.kind())
                .filter(k -> k != TokenKind.MISSION_TOOLS)
                .orElseThrow(() -> ApiException.invalidField("kind", "must be app or workspace_sync"));
        return mint(label, kind, expiresAt);
    }

    /** Mints and stores a token; the plaintext exists only in the returned value. */
    public TokenWire.Created mint(String label, TokenKind kind, Long expiresAt) {
        TokenFormat.Minted minted = TokenFormat.mint();
        AuthTokenEntity e = new AuthTokenEntity();
        e.id = minted.id();
        e.kind = kind.wire();
        e.label = label;
        e.tokenSalt = TokenFormat.newSalt();
        e.tokenHash = TokenFormat.hash(e.tokenSalt, minted.secret());
        e.createdAt = System.currentTimeMillis();
        e.expiresAt = expiresAt;
        em.persist(e);
        return new TokenWire.Created(e.id, minted.token(), e.label, e.kind, Times.iso(e.createdAt), Times.iso(e.expiresAt));
    }

    public TokenWire.TokenList list() {
        return new TokenWire.TokenList(em.createNamedQuery("AuthToken.findAll", AuthTokenEntity.class).getResultList()
                .stream().map(TokenService::info).toList());
    }

    public TokenWire.Revoked revoke(String id) {
        AuthTokenEntity e = id == null ? null : em.find(AuthTokenEntity.class, id);
        if (e == null || e.revokedAt != null) {
            throw ErrorCode.NOT_FOUND.error("no live token with id " + id);
        }
        e.revokedAt = System.currentTimeMillis();
        revoked.fire(new TokenRevoked(e.id));
        return new TokenWire.Revoked(e.id, true);
    }

    public long countLive() {
        return em.createNamedQuery("AuthToken.countLive", Long.class)
                .setParameter("now", System.currentTimeMillis()).getSingleResult();
    }

    /** Checks a presented bearer token; empty when it opens nothing. */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 1024) {
            return Optional.empty();
        }
        if (hasStaticToken() && TokenFormat.constantTimeEquals(staticToken.get(), presented)) {
            return Optional.of(new Caller(null, TokenKind.APP));
        }
        Optional<TokenFormat.Parsed> parsed = TokenFormat.parse(presented);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        AuthTokenEntity e = em.find(AuthTokenEntity.class, parsed.get().id());
        long now = System.currentTimeMillis();
        if (e == null || e.revokedAt != null || (e.expiresAt != null && e.expiresAt <= now)
                || !TokenFormat.verify(e.tokenSalt, e.tokenHash, parsed.get().secret())) {
            return Optional.empty();
        }
        if (e.lastUsedAt == null || now - e.lastUsedAt > LAST_USED_GRANULARITY_MS) {
            e.lastUsedAt = now;
        }
        return Optional.of(new Caller(e.id, TokenKind.fromWire(e.kind).orElse(TokenKind.WORKSPACE_SYNC)));
    }

    /** Whether a token is still live; used to drop WebSockets whose token was revoked on another node. */
    public boolean isLive(String tokenId) {
        AuthTokenEntity e = em.find(AuthTokenEntity.class, tokenId);
        return e != null && e.revokedAt == null && (e.expiresAt == null || e.expiresAt > System.currentTimeMillis());
    }

    private static TokenWire.Info info(AuthTokenEntity e) {
        return new TokenWire.Info(e.id, e.label, e.kind, Times.iso(e.createdAt), Times.iso(e.lastUsedAt),
                Times.iso(e.expiresAt), Times.iso(e.revokedAt));
    }
}
