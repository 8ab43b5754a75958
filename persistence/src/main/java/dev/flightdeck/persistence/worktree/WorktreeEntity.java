package dev.flightdeck.persistence.worktree;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A git worktree Flightdeck created or discovered. */
@Entity
@Table(name = "worktrees")
public class WorktreeEntity {
    @Id
    public String id;
    @Column(name = "repo_root")
    public String repoRoot;
    @Column(name = "worktree_path")
    public String worktreePath;
    public String branch;
    @Column(name = "base_branch")
    public String baseBranch;
    @Column(name = "base_sha")
    public String baseSha;
    /** active, orphaned, stale, removing or removed. */
    public String status;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "last_session_ended_at")
    public Long lastSessionEndedAt;
    @Column(name = "last_health_check_at")
    public Long lastHealthCheckAt;
    @Column(name = "disk_present")
    public boolean diskPresent;
    @Column(name = "auto_prune")
    public boolean autoPrune;
    @Column(name = "custom_name")
    public String customName;
    /** user, agent or discovered. */
    @Column(name = "created_by")
    public String createdBy;
}
