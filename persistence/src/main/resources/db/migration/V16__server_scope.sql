-- The 'server' revision scope: server_info changes (role, primary claims) are logged in event_log under
-- it, so every node that shares the database pushes them to its own sockets (its cluster tail reads
-- the log), as worktree changes are.
INSERT INTO revision_counters (scope, revision) VALUES ('server', 0);
