package dev.flightdeck.persistence.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One conversation row; {@code rowJson} is the typed row exactly as the wire carries it. */
@Entity
@Table(name = "conversation_rows")
@IdClass(ConversationRowKey.class)
public class ConversationRowEntity {
    @Id
    @Column(name = "session_id")
    public String sessionId;
    @Id
    public long sequence;
    @Column(name = "row_id")
    public String rowId;
    @Column(name = "row_type")
    public String rowType;
    @Column(name = "turn_id")
    public String turnId;
    @Column(name = "turn_status")
    public String turnStatus;
    public String family;
    public String status;
    public String kind;
    @Column(name = "duration_ms")
    public Long durationMs;
    /** Lower-cased text the search route matches against. */
    @Column(name = "search_text")
    public String searchText;
    @Column(name = "row_json")
    public String rowJson;
    /** Raw tool input and output, served by rows/{id}/content and kept off the row itself. */
    @Column(name = "content_json")
    public String contentJson;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "updated_at")
    public long updatedAt;
}
