package dev.flightdeck.persistence.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A comment on a line range of a file the agent changed. */
@Entity
@Table(name = "review_comments")
public class ReviewCommentEntity {
    @Id
    public String id;
    @Column(name = "session_id")
    public String sessionId;
    @Column(name = "turn_id")
    public String turnId;
    @Column(name = "file_path")
    public String filePath;
    @Column(name = "line_start")
    public int lineStart;
    @Column(name = "line_end")
    public Integer lineEnd;
    public String body;
    public String tag;
    /** open or resolved. */
    public String status;
    /** The turn that carried the comment to the agent, once sent. */
    @Column(name = "sent_turn_id")
    public String sentTurnId;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "updated_at")
    public long updatedAt;
}
