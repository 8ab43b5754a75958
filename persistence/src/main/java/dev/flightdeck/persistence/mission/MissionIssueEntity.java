package dev.flightdeck.persistence.mission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A tracker issue a mission tracks, and where its orchestration stands. */
@Entity
@Table(name = "mission_issues")
public class MissionIssueEntity {
    @Id
    public String id;
    @Column(name = "mission_id")
    public String missionId;
    @Column(name = "issue_id")
    public String issueId;
    @Column(name = "issue_identifier")
    public String issueIdentifier;
    @Column(name = "issue_title")
    public String issueTitle;
    @Column(name = "issue_state")
    public String issueState;
    @Column(name = "tracker_terminal")
    public boolean trackerTerminal;
    @Column(name = "orchestration_state")
    public String orchestrationState;
    @Column(name = "session_id")
    public String sessionId;
    public String provider;
    public int attempt;
    @Column(name = "attempts_total")
    public int attemptsTotal;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    public int continuations;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "retry_due_at")
    public Long retryDueAt;
    @Column(name = "retry_kind")
    public String retryKind;
    @Column(name = "hold_reason")
    public String holdReason;
    public String evidence;
    @Column(name = "started_at")
    public Long startedAt;
    @Column(name = "completed_at")
    public Long completedAt;
    public String url;
    @Column(name = "pr_url")
    public String prUrl;
    public Integer priority;
    @Column(name = "labels_json")
    public String labelsJson;
    @Column(name = "blockers_json")
    public String blockersJson;
    @Column(name = "tracker_created_at")
    public Long trackerCreatedAt;
    public String branch;
    @Column(name = "worktree_id")
    public String worktreeId;
    @Column(name = "status_comment_id")
    public String statusCommentId;
    @Column(name = "sessions_used")
    public int sessionsUsed;
    @Column(name = "tokens_used")
    public long tokensUsed;
    @Column(name = "cost_usd")
    public double costUsd;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "updated_at")
    public long updatedAt;
    @Version
    public long version;
}
