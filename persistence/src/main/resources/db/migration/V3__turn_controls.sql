-- Turn controls: rollback, undo and fork.
-- turn_seq numbers turns for their ids and never goes back, while turn_count counts the turns still
-- in the conversation; a rolled-back turn keeps its rows (marked) and its usage, so ids must not repeat.
ALTER TABLE sessions ADD COLUMN turn_seq INT NOT NULL DEFAULT 0;
UPDATE sessions SET turn_seq = turn_count;
-- Where the next launch resumes the provider's conversation: a message id inside it (after a rollback
-- or for a fork), and for a fork the provider session to copy from.
ALTER TABLE sessions ADD COLUMN resume_at VARCHAR(200);
ALTER TABLE sessions ADD COLUMN fork_from_provider_id VARCHAR(100);
-- The provider's last message id of each completed turn: the point a rollback resumes at.
ALTER TABLE usage_turns ADD COLUMN resume_ref VARCHAR(200);
