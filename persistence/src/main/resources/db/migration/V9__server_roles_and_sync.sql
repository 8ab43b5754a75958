-- Primary claims of client devices (contract §1.10): a device says this server is its primary. The
-- claim lives while the device's WebSocket does; closing the last one clears it.
CREATE TABLE client_primary_claims (
    client_id    VARCHAR(200)  NOT NULL PRIMARY KEY,
    device_name  VARCHAR(200)  NOT NULL,
    claimed_at   BIGINT        NOT NULL
);

-- Workspaces a mission issue or a session runs in (contract §3 "workspaces"). A remote one reports
-- back through POST /api/sync with the token whose id is sync_token; sync_acked_through is the last
-- sequence applied, so a batch is applied once however often it is sent.
CREATE TABLE workspaces (
    id                  VARCHAR(64)    NOT NULL PRIMARY KEY,
    provider            VARCHAR(16)    NOT NULL,
    mission_issue_id    VARCHAR(64),
    session_id          VARCHAR(64),
    external_id         VARCHAR(200),
    repo_url            VARCHAR(2000),
    branch              VARCHAR(500),
    status              VARCHAR(32)    NOT NULL,
    connection_info     TEXT,
    sync_token          VARCHAR(32),
    sync_acked_through  BIGINT         NOT NULL,
    last_heartbeat_at   BIGINT,
    created_at          BIGINT         NOT NULL,
    ready_at            BIGINT,
    destroyed_at        BIGINT
);
CREATE UNIQUE INDEX workspaces_sync_token ON workspaces (sync_token);

-- Every applied sync command, verbatim, in order. The primary key is what makes a replayed batch a
-- no-op rather than a second application.
CREATE TABLE sync_log (
    workspace_id   VARCHAR(64)   NOT NULL,
    seq            BIGINT        NOT NULL,
    command_type   VARCHAR(100)  NOT NULL,
    command_json   TEXT          NOT NULL,
    sent_at        VARCHAR(64),
    applied_at     BIGINT        NOT NULL,
    PRIMARY KEY (workspace_id, seq),
    FOREIGN KEY (workspace_id) REFERENCES workspaces (id) ON DELETE CASCADE
);
