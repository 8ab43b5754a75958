package dev.flightdeck.persistence.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A client device's claim that this server is its primary. */
@Entity
@Table(name = "client_primary_claims")
@NamedQuery(name = "ClientClaim.findAll", query = "SELECT c FROM ClientClaimEntity c ORDER BY c.claimedAt, c.clientId")
public class ClientClaimEntity {
    @Id
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "device_name")
    public String deviceName;
    @Column(name = "claimed_at")
    public long claimedAt;
}
