-- Portable SQL: this file runs unchanged on H2 2.x and PostgreSQL 15.
-- Times are epoch milliseconds (BIGINT) so both databases and every JVM agree on them.

CREATE TABLE auth_tokens (
    id            VARCHAR(32)  NOT NULL PRIMARY KEY,
    kind          VARCHAR(32)  NOT NULL,
    label         VARCHAR(200) NOT NULL,
    token_salt    VARCHAR(64)  NOT NULL,
    token_hash    VARCHAR(128) NOT NULL,
    created_at    BIGINT       NOT NULL,
    last_used_at  BIGINT,
    expires_at    BIGINT,
    revoked_at    BIGINT
);

CREATE TABLE sessions (
    id                      VARCHAR(64)   NOT NULL PRIMARY KEY,
    provider                VARCHAR(16)   NOT NULL,
    project_path            VARCHAR(4096) NOT NULL,
    project_name            VARCHAR(512)  NOT NULL,
    current_cwd             VARCHAR(4096) NOT NULL,
    git_branch              VARCHAR(512),
    model                   VARCHAR(200),
    status                  VARCHAR(16)   NOT NULL,
    work_status             VARCHAR(16)   NOT NULL,
    control_mode            VARCHAR(16)   NOT NULL,
    custom_name             VARCHAR(1000),
    summary                 VARCHAR(10000),
    first_prompt            VARCHAR(10000),
    last_message            VARCHAR(10000),
    started_at              BIGINT        NOT NULL,
    ended_at                BIGINT,
    end_reason              VARCHAR(200),
    last_activity_at        BIGINT        NOT NULL,
    unread_count            INT           NOT NULL DEFAULT 0,
    prompt_count            INT           NOT NULL DEFAULT 0,
    tool_count              INT           NOT NULL DEFAULT 0,
    input_tokens            BIGINT        NOT NULL DEFAULT 0,
    output_tokens           BIGINT        NOT NULL DEFAULT 0,
    cached_tokens           BIGINT        NOT NULL DEFAULT 0,
    context_window          BIGINT        NOT NULL DEFAULT 0,
    forked_from_session_id  VARCHAR(64),
    config_json             TEXT          NOT NULL
);
CREATE INDEX sessions_status_activity ON sessions (status, last_activity_at);

-- One row per revision scope ('sessions' for the list surfaces, 'session:<id>' per session).
-- Writers bump a row with UPDATE, so the row lock orders revisions in commit order on every node.
CREATE TABLE revision_counters (
    scope     VARCHAR(100) NOT NULL PRIMARY KEY,
    revision  BIGINT       NOT NULL
);
INSERT INTO revision_counters (scope, revision) VALUES ('sessions', 0);

-- Every revision of a scope has exactly one event, so a contiguous run proves nothing was missed.
CREATE TABLE event_log (
    scope       VARCHAR(100) NOT NULL,
    revision    BIGINT       NOT NULL,
    event_type  VARCHAR(64)  NOT NULL,
    surfaces    VARCHAR(200) NOT NULL,
    payload     TEXT         NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (scope, revision)
);
CREATE INDEX event_log_created ON event_log (created_at);
