package dev.flightdeck.persistence.mission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt at a mission issue, and the binding of its tool token. */
@Entity
@Table(name = "mission_runs")
public class MissionRunEntity {
    @Id
    public String id;
    @Column(name = "mission_id")
    public String missionId;
    @Column(name = "mission_issue_id")
    public String missionIssueId;
    public int attempt;
    @Column(name = "session_id")
    public String sessionId;
    public String provider;
    @Column(name = "tool_token_id")
    public String toolTokenId;
    @Column(name = "started_at")
    public long startedAt;
    @Column(name = "ended_at")
    public Long endedAt;
    public String outcome;
    public String error;
}
