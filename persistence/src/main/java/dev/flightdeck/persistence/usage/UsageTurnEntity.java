package dev.flightdeck.persistence.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The usage one turn reported, with the cost Flightdeck estimated for it. */
@Entity
@Table(name = "usage_turns")
@IdClass(UsageTurnKey.class)
public class UsageTurnEntity {
    @Id
    @Column(name = "session_id")
    public String sessionId;
    @Id
    @Column(name = "turn_seq")
    public int turnSeq;
    @Column(name = "turn_id")
    public String turnId;
    public String provider;
    public String model;
    @Column(name = "input_tokens")
    public long inputTokens;
    @Column(name = "output_tokens")
    public long outputTokens;
    @Column(name = "cache_read_tokens")
    public long cacheReadTokens;
    @Column(name = "cache_creation_tokens")
    public long cacheCreationTokens;
    @Column(name = "context_window")
    public long contextWindow;
    @Column(name = "estimated_cost_usd")
    public double estimatedCostUsd;
    @Column(name = "reported_cost_usd")
    public Double reportedCostUsd;
    @Column(name = "raw_usage")
    public String rawUsage;
    @Column(name = "observed_at")
    public long observedAt;
    /** How the CLI reported this turn's usage: context_turn, lifetime_totals or compaction_reset. */
    @Column(name = "snapshot_kind")
    public String snapshotKind;
    /** The model normalized for grouping: Opus, Sonnet, Haiku, GPT-x, Other or Unknown. */
    @Column(name = "model_family")
    public String modelFamily;
    /** False for a mission's session: the usage routes count direct sessions only. */
    public boolean direct;
    @Column(name = "pricing_source")
    public String pricingSource;
    @Column(name = "pricing_version")
    public String pricingVersion;
    @Column(name = "pricing_model_key")
    public String pricingModelKey;
    @Column(name = "input_per_mtok")
    public Double inputPerMtok;
    @Column(name = "output_per_mtok")
    public Double outputPerMtok;
    @Column(name = "cache_read_per_mtok")
    public Double cacheReadPerMtok;
    @Column(name = "cache_write_per_mtok")
    public Double cacheWritePerMtok;
    /** The provider's last message id in this turn: where a rollback to this turn resumes. */
    @Column(name = "resume_ref")
    public String resumeRef;
}
