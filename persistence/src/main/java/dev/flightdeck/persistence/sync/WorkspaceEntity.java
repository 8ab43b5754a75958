package dev.flightdeck.persistence.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A workspace a run happens in; a remote one syncs back with the token {@code syncToken} names. */
@Entity
@Table(name = "workspaces")
@NamedQuery(name = "Workspace.findBySyncToken", query = "SELECT w FROM WorkspaceEntity w WHERE w.syncToken = :token")
public class WorkspaceEntity {
    @Id
    public String id;
    public String provider;
    @Column(name = "mission_issue_id")
    public String missionIssueId;
    @Column(name = "session_id")
    public String sessionId;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "repo_url")
    public String repoUrl;
    public String branch;
    public String status;
    @Column(name = "connection_info")
    public String connectionInfo;
    @Column(name = "sync_token")
    public String syncToken;
    @Column(name = "sync_acked_through")
    public long syncAckedThrough;
    @Column(name = "last_heartbeat_at")
    public Long lastHeartbeatAt;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "ready_at")
    public Long readyAt;
    @Column(name = "destroyed_at")
    public Long destroyedAt;
}
