package dev.flightdeck.persistence.subagent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A subagent of a session (contract §3 "subagents"); times are epoch milliseconds. */
@Entity
@Table(name = "subagents")
@IdClass(SubagentKey.class)
public class SubagentEntity {
    @Id
    @Column(name = "session_id")
    public String sessionId;
    @Id
    public String id;
    public String provider;
    @Column(name = "agent_type")
    public String agentType;
    @Column(name = "transcript_path")
    public String transcriptPath;
    public String label;
    public String status;
    @Column(name = "task_summary")
    public String taskSummary;
    @Column(name = "result_summary")
    public String resultSummary;
    @Column(name = "error_summary")
    public String errorSummary;
    @Column(name = "parent_subagent_id")
    public String parentSubagentId;
    public String model;
    @Column(name = "started_at")
    public long startedAt;
    @Column(name = "ended_at")
    public Long endedAt;
    @Column(name = "last_activity_at")
    public long lastActivityAt;
    /** The next sequence of its rows. */
    @Column(name = "row_count")
    public long rowCount;
}
