-- Missions (contract §1.15, §3, §4): a repository's MISSION.md, the tracker issues it watches, one row per
-- attempt of each, the scheduler's lease, webhook deliveries seen, and Idempotency-Key answers.
-- Everything the orchestrator knows lives here (poll times, retry timers, nudges, run history), so a
-- restart or a failover to another node loses nothing.

CREATE TABLE missions (
    id                    VARCHAR(64)    NOT NULL PRIMARY KEY,
    name                  VARCHAR(1000)  NOT NULL,
    repo_root             VARCHAR(4096)  NOT NULL,
    tracker_kind          VARCHAR(16)    NOT NULL,
    provider              VARCHAR(16)    NOT NULL,
    config_json           TEXT,
    prompt_template       TEXT,
    -- The last MISSION.md that parsed: a file that later fails to parse leaves this config in force.
    mission_text          TEXT,
    enabled               BOOLEAN        NOT NULL,
    paused                BOOLEAN        NOT NULL,
    -- Set by start-orchestrator; the leader polls only missions that have it.
    orchestrating         BOOLEAN        NOT NULL,
    last_parsed_at        BIGINT,
    parse_error           TEXT,
    mission_file_path     VARCHAR(4096),
    -- Sealed (AES-GCM) tracker key and webhook secret; never returned.
    tracker_api_key       TEXT,
    webhook_secret        TEXT,
    last_polled_at        BIGINT,
    poll_requested_at     BIGINT,
    created_at            BIGINT         NOT NULL,
    updated_at            BIGINT         NOT NULL
);

CREATE TABLE mission_issues (
    id                    VARCHAR(64)    NOT NULL PRIMARY KEY,
    mission_id            VARCHAR(64)    NOT NULL,
    issue_id              VARCHAR(512)   NOT NULL,
    issue_identifier      VARCHAR(512)   NOT NULL,
    issue_title           VARCHAR(10000),
    issue_state           VARCHAR(512),
    tracker_terminal      BOOLEAN        NOT NULL DEFAULT FALSE,
    orchestration_state   VARCHAR(16)    NOT NULL,
    session_id            VARCHAR(64),
    provider              VARCHAR(16),
    -- attempt: the contract's counter (reset by retry); attempts_total never goes back.
    attempt               INT            NOT NULL DEFAULT 0,
    attempts_total        INT            NOT NULL DEFAULT 0,
    consecutive_failures  INT            NOT NULL DEFAULT 0,
    continuations         INT            NOT NULL DEFAULT 0,
    last_error            TEXT,
    retry_due_at          BIGINT,
    retry_kind            VARCHAR(16),
    hold_reason           VARCHAR(32),
    evidence              VARCHAR(32),
    started_at            BIGINT,
    completed_at          BIGINT,
    url                   VARCHAR(4096),
    pr_url                VARCHAR(4096),
    priority              INT,
    labels_json           TEXT,
    blockers_json         TEXT,
    tracker_created_at    BIGINT,
    branch                VARCHAR(1000),
    worktree_id           VARCHAR(64),
    status_comment_id     VARCHAR(512),
    sessions_used         INT            NOT NULL DEFAULT 0,
    tokens_used           BIGINT         NOT NULL DEFAULT 0,
    cost_usd              DOUBLE PRECISION NOT NULL DEFAULT 0,
    created_at            BIGINT         NOT NULL,
    updated_at            BIGINT         NOT NULL,
    version               BIGINT         NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX mission_issues_issue ON mission_issues (mission_id, issue_id);
CREATE INDEX mission_issues_state ON mission_issues (mission_id, orchestration_state);

-- One row per attempt: the run history, and the binding of the run's tool token.
CREATE TABLE mission_runs (
    id                    VARCHAR(64)    NOT NULL PRIMARY KEY,
    mission_id            VARCHAR(64)    NOT NULL,
    mission_issue_id      VARCHAR(64)    NOT NULL,
    attempt               INT            NOT NULL,
    session_id            VARCHAR(64),
    provider              VARCHAR(16)    NOT NULL,
    tool_token_id         VARCHAR(32),
    started_at            BIGINT         NOT NULL,
    ended_at              BIGINT,
    outcome               VARCHAR(16),
    error                 TEXT
);
CREATE INDEX mission_runs_issue ON mission_runs (mission_issue_id, started_at);
CREATE INDEX mission_runs_session ON mission_runs (session_id);

-- The scheduler lease: token goes up at every change of holder and fences a stale leader's writes.
CREATE TABLE leases (
    name                  VARCHAR(128)   NOT NULL PRIMARY KEY,
    holder                VARCHAR(255),
    token                 BIGINT         NOT NULL,
    expires_at            BIGINT         NOT NULL
);
INSERT INTO leases (name, holder, token, expires_at) VALUES ('missions', NULL, 0, 0);

CREATE TABLE webhook_deliveries (
    source                VARCHAR(16)    NOT NULL,
    delivery_id           VARCHAR(255)   NOT NULL,
    mission_id            VARCHAR(64)    NOT NULL,
    received_at           BIGINT         NOT NULL,
    PRIMARY KEY (source, delivery_id)
);

CREATE TABLE idempotency_keys (
    scope                 VARCHAR(255)   NOT NULL,
    idem_key              VARCHAR(255)   NOT NULL,
    request_hash          VARCHAR(64)    NOT NULL,
    status                INT            NOT NULL,
    response              TEXT           NOT NULL,
    created_at            BIGINT         NOT NULL,
    PRIMARY KEY (scope, idem_key)
);

ALTER TABLE sessions ADD COLUMN mission_id VARCHAR(64);
ALTER TABLE sessions ADD COLUMN mission_issue_id VARCHAR(64);
ALTER TABLE sessions ADD COLUMN issue_identifier VARCHAR(512);
CREATE INDEX sessions_mission ON sessions (mission_id);

-- missions_revision: the durable revision of the mission list; each mission has its own scope too.
INSERT INTO revision_counters (scope, revision) VALUES ('missions', 0);
