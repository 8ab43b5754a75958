-- Review comments on a session's changes (contract §1.8). sent_turn_id is the turn whose message or
-- steer carried the comment to the agent; when that turn completes, the comment is resolved.
CREATE TABLE review_comments (
    id            VARCHAR(64)    NOT NULL PRIMARY KEY,
    session_id    VARCHAR(64)    NOT NULL,
    turn_id       VARCHAR(64),
    file_path     VARCHAR(4096)  NOT NULL,
    line_start    INT            NOT NULL,
    line_end      INT,
    body          TEXT           NOT NULL,
    tag           VARCHAR(16),
    status        VARCHAR(16)    NOT NULL,
    sent_turn_id  VARCHAR(64),
    created_at    BIGINT         NOT NULL,
    updated_at    BIGINT         NOT NULL
);
CREATE INDEX review_comments_session ON review_comments (session_id, created_at);
