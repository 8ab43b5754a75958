package dev.flightdeck.persistence.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** What one turn changed, captured from git when it ended. */
@Entity
@Table(name = "turn_diffs")
@IdClass(TurnDiffKey.class)
public class TurnDiffEntity {
    @Id
    @Column(name = "session_id")
    public String sessionId;
    @Id
    @Column(name = "turn_id")
    public String turnId;
    /** The working files when the turn ended: the next turn's diff base. */
    public String tree;
    /** Unified diff text, already bounded. */
    public String diff;
    @Column(name = "input_tokens")
    public long inputTokens;
    @Column(name = "output_tokens")
    public long outputTokens;
    @Column(name = "cached_tokens")
    public long cachedTokens;
    @Column(name = "created_at")
    public long createdAt;
    /** The kind of the turn's usage snapshot (the ledger row's); null for diffs stored before it was kept. */
    @Column(name = "snapshot_kind")
    public String snapshotKind;
}
