-- What applying each sync command did (SyncCommands): applied (mirrored onto the workspace's session),
-- recorded (kept in the log only: Flightdeck has no counterpart) or refused (it named another session,
-- or was malformed), and why. Commands logged before this migration were recorded only.
ALTER TABLE sync_log ADD COLUMN outcome VARCHAR(16) DEFAULT 'recorded' NOT NULL;
ALTER TABLE sync_log ADD COLUMN outcome_detail VARCHAR(300);
