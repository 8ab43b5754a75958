package dev.flightdeck.persistence.worktree;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A worktree's working state saved as a commit under refs/flightdeck/snapshots/ before a destructive step. */
@Entity
@Table(name = "worktree_snapshots")
public class WorktreeSnapshotEntity {
    @Id
    public String id;
    @Column(name = "worktree_id")
    public String worktreeId;
    @Column(name = "repo_root")
    public String repoRoot;
    @Column(name = "ref_name")
    public String refName;
    @Column(name = "commit_sha")
    public String commitSha;
    @Column(name = "head_sha")
    public String headSha;
    /** What was staged: restored into the index, so staged and unstaged work come back as they were. */
    @Column(name = "index_tree")
    public String indexTree;
    public String branch;
    @Column(name = "worktree_path")
    public String worktreePath;
    /** Why it was taken: remove, delete_branch or manual. */
    public String reason;
    /** Whether the working files differed from HEAD. */
    public boolean dirty;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "restored_at")
    public Long restoredAt;
}
