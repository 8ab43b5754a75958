package dev.flightdeck.persistence.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

@Entity
@Table(name = "sessions")
@NamedQuery(name = "Session.findActive",
        query = "SELECT s FROM SessionEntity s WHERE s.status = 'active' ORDER BY s.lastActivityAt DESC")
@NamedQuery(name = "Session.findRecent",
        query = "SELECT s FROM SessionEntity s ORDER BY s.lastActivityAt DESC")
@NamedQuery(name = "Session.findEnded",
        query = "SELECT s FROM SessionEntity s WHERE s.status = 'ended' ORDER BY s.lastActivityAt DESC, s.id")
@NamedQuery(name = "Session.countEnded", query = "SELECT COUNT(s) FROM SessionEntity s WHERE s.status = 'ended'")
@NamedQuery(name = "Session.countAll", query = "SELECT COUNT(s) FROM SessionEntity s")
public class SessionEntity {
    @Id
    public String id;
    public String provider;
    @Column(name = "project_path")
    public String projectPath;
    @Column(name = "project_name")
    public String projectName;
    @Column(name = "current_cwd")
    public String currentCwd;
    @Column(name = "git_branch")
    public String gitBranch;
    public String model;
    public String status;
    @Column(name = "work_status")
    public String workStatus;
    @Column(name = "control_mode")
    public String controlMode;
    @Column(name = "custom_name")
    public String customName;
    public String summary;
    @Column(name = "first_prompt")
    public String firstPrompt;
    @Column(name = "last_message")
    public String lastMessage;
    @Column(name = "started_at")
    public long startedAt;
    @Column(name = "ended_at")
    public Long endedAt;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "last_activity_at")
    public long lastActivityAt;
    @Column(name = "unread_count")
    public int unreadCount;
    @Column(name = "prompt_count")
    public int promptCount;
    @Column(name = "tool_count")
    public int toolCount;
    @Column(name = "input_tokens")
    public long inputTokens;
    @Column(name = "output_tokens")
    public long outputTokens;
    @Column(name = "cached_tokens")
    public long cachedTokens;
    @Column(name = "context_window")
    public long contextWindow;
    @Column(name = "forked_from_session_id")
    public String forkedFromSessionId;
    /** The PATCH-able agent settings of §1.3 other than model, as a JSON object. */
    @Column(name = "config_json")
    public String configJson;
    /** Claude Code's own session id, used to resume; immutable once set. */
    @Column(name = "claude_session_id")
    public String claudeSessionId;
    /** The agent's process (and process group) id while one runs, so a later boot can reap it. */
    @Column(name = "provider_pid")
    public Long providerPid;
    @Column(name = "current_turn_id")
    public String currentTurnId;
    /** Turns still in the conversation (a rollback lowers it). */
    @Column(name = "turn_count")
    public int turnCount;
    /** The number of the newest turn ever started: turn ids come from it and never repeat. */
    @Column(name = "turn_seq")
    public int turnSeq;
    /** Set by a rollback or a fork: the provider message the next launch resumes at. */
    @Column(name = "resume_at")
    public String resumeAt;
    /** A fork not yet launched: the provider session its first launch copies. */
    @Column(name = "fork_from_provider_id")
    public String forkFromProviderId;
    /** Rows ever written: the next row's sequence and the total_row_count. */
    @Column(name = "row_count")
    public long rowCount;
    @Column(name = "approval_version")
    public long approvalVersion;
    /** Subagents pending or running now; kept by the subagent service in the session's own transaction. */
    @Column(name = "active_worker_count")
    public int activeWorkerCount;
    @Column(name = "total_cost_usd")
    public double totalCostUsd;
    @Column(name = "last_progress_at")
    public Long lastProgressAt;
    @Column(name = "attention_reason")
    public String attentionReason;
    @Column(name = "transcript_path")
    public String transcriptPath;
    /** The node whose process serves this session, while one runs. */
    @Column(name = "connector_node")
    public String connectorNode;
    /** The git repository the session works in (its main worktree's root), when it works in one. */
    @Column(name = "repository_root")
    public String repositoryRoot;
    /** The Flightdeck worktree the session runs in, if any. */
    @Column(name = "worktree_id")
    public String worktreeId;
    /** HEAD when the session began: the cumulative diff's base. */
    @Column(name = "base_sha")
    public String baseSha;
    /** The working files when the session began, untracked included: the first turn's diff base. */
    @Column(name = "base_tree")
    public String baseTree;
    /** Whether a turn's diff has been captured (lists show it without reading turn_diffs). */
    @Column(name = "has_turn_diff")
    public boolean hasTurnDiff;
    /** Set when a mission dispatched this session for one of its issues. */
    @Column(name = "mission_id")
    public String missionId;
    /** The snapshot kind of the last turn's usage added to the totals; null before any. */
    @Column(name = "usage_snapshot_kind")
    public String usageSnapshotKind;
    @Column(name = "mission_issue_id")
    public String missionIssueId;
    @Column(name = "issue_identifier")
    public String issueIdentifier;
}
