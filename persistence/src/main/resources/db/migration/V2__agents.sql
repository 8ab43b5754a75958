-- Agent connectors: provider bindings, supervision, turns, conversation rows, approvals, usage.
-- Portable SQL for H2 2.x and PostgreSQL 15, one column per ALTER so both accept it.

ALTER TABLE sessions ADD COLUMN claude_session_id VARCHAR(100);
ALTER TABLE sessions ADD COLUMN provider_pid BIGINT;
ALTER TABLE sessions ADD COLUMN current_turn_id VARCHAR(64);
ALTER TABLE sessions ADD COLUMN turn_count INT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN row_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN approval_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN total_cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN last_progress_at BIGINT;
ALTER TABLE sessions ADD COLUMN attention_reason VARCHAR(64);
ALTER TABLE sessions ADD COLUMN transcript_path VARCHAR(4096);
ALTER TABLE sessions ADD COLUMN connector_node VARCHAR(100);

-- One row per conversation entry. sequence is 0-based per session and never reused, so keyset
-- pagination on (session_id, sequence) stays an index range scan however long the session is.
CREATE TABLE conversation_rows (
    session_id    VARCHAR(64)   NOT NULL,
    sequence      BIGINT        NOT NULL,
    row_id        VARCHAR(200)  NOT NULL,
    row_type      VARCHAR(32)   NOT NULL,
    turn_id       VARCHAR(64),
    turn_status   VARCHAR(16)   NOT NULL,
    family        VARCHAR(32),
    status        VARCHAR(16),
    kind          VARCHAR(48),
    duration_ms   BIGINT,
    search_text   TEXT          NOT NULL,
    row_json      TEXT          NOT NULL,
    content_json  TEXT,
    created_at    BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL,
    PRIMARY KEY (session_id, sequence)
);
CREATE UNIQUE INDEX conversation_rows_row_id ON conversation_rows (session_id, row_id);

-- The approval queue and its history: pending while decision IS NULL, FIFO by id.
-- Ids come from a sequence (not IDENTITY), which EclipseLink reads the same way on H2 2.x and PostgreSQL.
CREATE SEQUENCE approval_ids START WITH 1 INCREMENT BY 1;
CREATE TABLE approvals (
    id             BIGINT        NOT NULL PRIMARY KEY,
    session_id     VARCHAR(64)   NOT NULL,
    request_id     VARCHAR(200)  NOT NULL,
    approval_type  VARCHAR(16)   NOT NULL,
    tool_name      VARCHAR(200),
    tool_use_id    VARCHAR(200),
    command        TEXT,
    file_path      VARCHAR(4096),
    cwd            VARCHAR(4096),
    tool_input     TEXT,
    decision       VARCHAR(32),
    message        TEXT,
    created_at     BIGINT        NOT NULL,
    decided_at     BIGINT,
    CONSTRAINT approvals_request UNIQUE (session_id, request_id)
);
CREATE INDEX approvals_session ON approvals (session_id, id);

-- Usage per turn, as the connector reported it, with the cost estimated from the pricing table.
CREATE TABLE usage_turns (
    session_id             VARCHAR(64)  NOT NULL,
    turn_seq               INT          NOT NULL,
    turn_id                VARCHAR(64)  NOT NULL,
    provider               VARCHAR(16)  NOT NULL,
    model                  VARCHAR(200),
    input_tokens           BIGINT       NOT NULL,
    output_tokens          BIGINT       NOT NULL,
    cache_read_tokens      BIGINT       NOT NULL,
    cache_creation_tokens  BIGINT       NOT NULL,
    context_window         BIGINT       NOT NULL,
    estimated_cost_usd     DOUBLE PRECISION NOT NULL,
    reported_cost_usd      DOUBLE PRECISION,
    raw_usage              TEXT,
    observed_at            BIGINT       NOT NULL,
    PRIMARY KEY (session_id, turn_seq)
);
