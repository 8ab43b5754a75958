package dev.flightdeck.persistence.subagent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One row of a subagent's own conversation; {@code rowJson} is the typed row as the wire carries it. */
@Entity
@Table(name = "subagent_rows")
@IdClass(SubagentRowKey.class)
public class SubagentRowEntity {
    @Id
    @Column(name = "session_id")
    public String sessionId;
    @Id
    @Column(name = "subagent_id")
    public String subagentId;
    @Id
    public long sequence;
    @Column(name = "row_id")
    public String rowId;
    @Column(name = "row_type")
    public String rowType;
    public String status;
    @Column(name = "row_json")
    public String rowJson;
    /** Raw tool input and output; the tools route takes its output from here. */
    @Column(name = "content_json")
    public String contentJson;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "updated_at")
    public long updatedAt;
}
