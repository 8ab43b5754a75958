package dev.flightdeck.persistence.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A database bearer token. Only a salted hash of the secret is stored. */
@Entity
@Table(name = "auth_tokens")
@NamedQuery(name = "AuthToken.findAll", query = "SELECT t FROM AuthTokenEntity t ORDER BY t.createdAt")
@NamedQuery(name = "AuthToken.countLive",
        query = "SELECT COUNT(t) FROM AuthTokenEntity t WHERE t.revokedAt IS NULL AND (t.expiresAt IS NULL OR t.expiresAt > :now)")
public class AuthTokenEntity {
    @Id
    public String id;
    public String kind;
    public String label;
    @Column(name = "token_salt")
    public String tokenSalt;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "last_used_at")
    public Long lastUsedAt;
    @Column(name = "expires_at")
    public Long expiresAt;
    @Column(name = "revoked_at")
    public Long revokedAt;
}
