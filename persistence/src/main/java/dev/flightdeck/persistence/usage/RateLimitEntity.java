package dev.flightdeck.persistence.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The newest rate-limit windows one provider's CLI reported, as the usage routes answer them. */
@Entity
@Table(name = "usage_rate_limits")
public class RateLimitEntity {
    @Id
    public String provider;
    /** The merged windows as wire JSON; null until the CLI has reported any. */
    @Column(name = "windows_json")
    public String windowsJson;
    /** Epoch millis of the last report; 0 before any. */
    @Column(name = "fetched_at")
    public long fetchedAt;
}
