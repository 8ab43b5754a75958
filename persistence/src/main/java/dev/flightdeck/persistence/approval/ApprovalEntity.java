package dev.flightdeck.persistence.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A tool approval, question or permission request; pending while {@code decision} is null. */
@Entity
@Table(name = "approvals")
@NamedQuery(name = "Approval.pending",
        query = "SELECT a FROM ApprovalEntity a WHERE a.sessionId = :session AND a.decision IS NULL ORDER BY a.id")
@NamedQuery(name = "Approval.byRequest",
        query = "SELECT a FROM ApprovalEntity a WHERE a.sessionId = :session AND a.requestId = :request")
@NamedQuery(name = "Approval.history",
        query = "SELECT a FROM ApprovalEntity a ORDER BY a.id DESC")
@NamedQuery(name = "Approval.historyOf",
        query = "SELECT a FROM ApprovalEntity a WHERE a.sessionId = :session ORDER BY a.id DESC")
public class ApprovalEntity {
    @Id
    @SequenceGenerator(name = "approval_ids", sequenceName = "approval_ids", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "approval_ids")
    public Long id;
    @Column(name = "session_id")
    public String sessionId;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "approval_type")
    public String approvalType;
    @Column(name = "tool_name")
    public String toolName;
    @Column(name = "tool_use_id")
    public String toolUseId;
    public String command;
    @Column(name = "file_path")
    public String filePath;
    public String cwd;
    @Column(name = "tool_input")
    public String toolInput;
    public String decision;
    public String message;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "decided_at")
    public Long decidedAt;
}
