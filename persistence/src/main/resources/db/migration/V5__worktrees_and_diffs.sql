-- Git worktrees Flightdeck manages or found (contract §1.14), and the safety-net snapshots taken before
-- anything destructive is done to one. Status: active | orphaned | stale | removing | removed.
CREATE TABLE worktrees (
    id                      VARCHAR(64)    NOT NULL PRIMARY KEY,
    repo_root               VARCHAR(4096)  NOT NULL,
    worktree_path           VARCHAR(4096)  NOT NULL,
    branch                  VARCHAR(1000),
    base_branch             VARCHAR(1000),
    base_sha                VARCHAR(64),
    status                  VARCHAR(16)    NOT NULL,
    created_at              BIGINT         NOT NULL,
    last_session_ended_at   BIGINT,
    last_health_check_at    BIGINT,
    disk_present            BOOLEAN        NOT NULL,
    auto_prune              BOOLEAN        NOT NULL,
    custom_name             VARCHAR(1000),
    created_by              VARCHAR(16)    NOT NULL
);
CREATE UNIQUE INDEX worktrees_path ON worktrees (worktree_path);
CREATE INDEX worktrees_repo ON worktrees (repo_root);

-- A snapshot is a commit (first parent: the worktree's HEAD, tree: its working files, untracked included;
-- second parent, as git stash does: a commit of its index, index_tree) kept alive by ref_name under
-- refs/flightdeck/snapshots/; no branch moves.
CREATE TABLE worktree_snapshots (
    id             VARCHAR(64)    NOT NULL PRIMARY KEY,
    worktree_id    VARCHAR(64)    NOT NULL,
    repo_root      VARCHAR(4096)  NOT NULL,
    ref_name       VARCHAR(1000)  NOT NULL,
    commit_sha     VARCHAR(64)    NOT NULL,
    head_sha       VARCHAR(64),
    index_tree     VARCHAR(64),
    branch         VARCHAR(1000),
    worktree_path  VARCHAR(4096)  NOT NULL,
    reason         VARCHAR(32)    NOT NULL,
    dirty          BOOLEAN        NOT NULL,
    created_at     BIGINT         NOT NULL,
    restored_at    BIGINT
);
CREATE INDEX worktree_snapshots_worktree ON worktree_snapshots (worktree_id, created_at);

-- worktree_revision: the durable revision of the 'worktrees' scope.
INSERT INTO revision_counters (scope, revision) VALUES ('worktrees', 0);

-- Where a session's changes are measured from: the repository, HEAD when it began (cumulative diff),
-- and a tree of its working files then, untracked included (the first turn's diff).
ALTER TABLE sessions ADD COLUMN repository_root VARCHAR(4096);
ALTER TABLE sessions ADD COLUMN worktree_id VARCHAR(64);
ALTER TABLE sessions ADD COLUMN base_sha VARCHAR(64);
ALTER TABLE sessions ADD COLUMN base_tree VARCHAR(64);
ALTER TABLE sessions ADD COLUMN has_turn_diff BOOLEAN DEFAULT FALSE NOT NULL;

-- Each turn's diff, captured from git when the turn ends; tree is the working files at that moment,
-- the starting point of the next turn's diff.
CREATE TABLE turn_diffs (
    session_id     VARCHAR(64)  NOT NULL,
    turn_id        VARCHAR(64)  NOT NULL,
    tree           VARCHAR(64)  NOT NULL,
    diff           TEXT         NOT NULL,
    input_tokens   BIGINT       NOT NULL,
    output_tokens  BIGINT       NOT NULL,
    cached_tokens  BIGINT       NOT NULL,
    created_at     BIGINT       NOT NULL,
    PRIMARY KEY (session_id, turn_id)
);
