package dev.flightdeck.persistence.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One sync command, as the workspace sent it, and what applying it did. */
@Entity
@Table(name = "sync_log")
@IdClass(SyncLogEntity.Key.class)
@NamedQuery(name = "SyncLog.range", query = "SELECT l FROM SyncLogEntity l WHERE l.workspaceId = :ws"
        + " AND l.seq BETWEEN :from AND :to ORDER BY l.seq")
@NamedQuery(name = "SyncLog.count", query = "SELECT COUNT(l) FROM SyncLogEntity l WHERE l.workspaceId = :ws")
@NamedQuery(name = "SyncLog.outcomes", query = "SELECT l.outcome, COUNT(l) FROM SyncLogEntity l WHERE l.workspaceId = :ws"
        + " GROUP BY l.outcome")
public class SyncLogEntity {
    @Id
    @Column(name = "workspace_id")
    public String workspaceId;
    @Id
    public long seq;
    @Column(name = "command_type")
    public String commandType;
    @Column(name = "command_json")
    public String commandJson;
    @Column(name = "sent_at")
    public String sentAt;
    @Column(name = "applied_at")
    public long appliedAt;
    /** applied, recorded or refused. */
    public String outcome;
    @Column(name = "outcome_detail")
    public String outcomeDetail;

    public static class Key implements Serializable {
        public String workspaceId;
        public long seq;

        public Key() {
        }

        public Key(String workspaceId, long seq) {
            this.workspaceId = workspaceId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.workspaceId, workspaceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workspaceId, seq);
        }
    }
}
