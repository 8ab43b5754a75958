-- Subagents a session's agent started (contract §3 "subagents"): a Claude Agent/Task tool call, whose
-- id is the call's id, or a Codex collaborator thread, whose id is the thread's id.
CREATE TABLE subagents (
    session_id          VARCHAR(64)    NOT NULL,
    id                  VARCHAR(200)   NOT NULL,
    provider            VARCHAR(16)    NOT NULL,
    agent_type          VARCHAR(200),
    transcript_path     VARCHAR(4096),
    label               VARCHAR(500),
    status              VARCHAR(16)    NOT NULL,
    task_summary        TEXT,
    result_summary      TEXT,
    error_summary       TEXT,
    parent_subagent_id  VARCHAR(200),
    model               VARCHAR(200),
    started_at          BIGINT         NOT NULL,
    ended_at            BIGINT,
    last_activity_at    BIGINT         NOT NULL,
    row_count           BIGINT         NOT NULL,
    PRIMARY KEY (session_id, id)
);
CREATE INDEX subagents_recent ON subagents (session_id, last_activity_at);

-- A subagent's own conversation, kept out of the session's rows so the main conversation's
-- sequences stay contiguous; sequence is 0-based per subagent, so paging is a range scan.
CREATE TABLE subagent_rows (
    session_id    VARCHAR(64)   NOT NULL,
    subagent_id   VARCHAR(200)  NOT NULL,
    sequence      BIGINT        NOT NULL,
    row_id        VARCHAR(200)  NOT NULL,
    row_type      VARCHAR(32)   NOT NULL,
    status        VARCHAR(16),
    row_json      TEXT          NOT NULL,
    content_json  TEXT,
    created_at    BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL,
    PRIMARY KEY (session_id, subagent_id, sequence)
);
CREATE UNIQUE INDEX subagent_rows_row_id ON subagent_rows (session_id, subagent_id, row_id);

-- Kept beside the session so every list shows it without a query per session.
ALTER TABLE sessions ADD COLUMN active_worker_count INT DEFAULT 0 NOT NULL;
