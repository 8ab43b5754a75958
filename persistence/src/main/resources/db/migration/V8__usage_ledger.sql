-- usage_turns becomes the usage ledger (contract §3 usage_ledger_entries): one row per turn with how its
-- usage was reported (snapshot_kind), the normalized model family the usage routes group by, whether it
-- belongs to a direct session (the usage routes count those only), and the price-table version and
-- rates the estimate used, so a later price change never rewrites what an old turn cost.
ALTER TABLE usage_turns ADD COLUMN snapshot_kind VARCHAR(24) DEFAULT 'context_turn' NOT NULL;
ALTER TABLE usage_turns ADD COLUMN model_family VARCHAR(40) DEFAULT 'Other' NOT NULL;
ALTER TABLE usage_turns ADD COLUMN direct BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE usage_turns ADD COLUMN pricing_source VARCHAR(40);
ALTER TABLE usage_turns ADD COLUMN pricing_version VARCHAR(40);
ALTER TABLE usage_turns ADD COLUMN pricing_model_key VARCHAR(40);
ALTER TABLE usage_turns ADD COLUMN input_per_mtok DOUBLE PRECISION;
ALTER TABLE usage_turns ADD COLUMN output_per_mtok DOUBLE PRECISION;
ALTER TABLE usage_turns ADD COLUMN cache_read_per_mtok DOUBLE PRECISION;
ALTER TABLE usage_turns ADD COLUMN cache_write_per_mtok DOUBLE PRECISION;

UPDATE usage_turns SET direct = FALSE
 WHERE session_id IN (SELECT id FROM sessions WHERE mission_id IS NOT NULL);
-- The same families UsageModels.family gives new rows; GPT versions are left as plain GPT for old rows.
UPDATE usage_turns SET model_family = CASE
    WHEN LOWER(model) LIKE '%opus%' THEN 'Opus'
    WHEN LOWER(model) LIKE '%sonnet%' THEN 'Sonnet'
    WHEN LOWER(model) LIKE '%haiku%' THEN 'Haiku'
    WHEN LOWER(model) LIKE 'gpt%' OR LOWER(model) LIKE '%codex%' THEN 'GPT'
    WHEN model IS NULL THEN 'Unknown'
    ELSE 'Other' END;

-- Every usage route filters direct rows by time and sums the same few columns: with them all in the
-- index, a range of a year of turns is read from the index alone, in time order.
CREATE INDEX usage_turns_ledger_time ON usage_turns (direct, observed_at, provider, model_family, session_id,
    input_tokens, output_tokens, cache_read_tokens, cache_creation_tokens, estimated_cost_usd, reported_cost_usd);
-- The sessions route groups a range by session.
CREATE INDEX usage_turns_ledger_session ON usage_turns (direct, session_id, observed_at);

-- The newest rate-limit windows each provider's CLI reported (contract §1.11 usage/codex and
-- usage/claude). One row per provider, made here so recording one is always an update, never an
-- insert two sessions could race on.
CREATE TABLE usage_rate_limits (
    provider     VARCHAR(16)  NOT NULL PRIMARY KEY,
    windows_json TEXT,
    fetched_at   BIGINT       DEFAULT 0 NOT NULL
);
INSERT INTO usage_rate_limits (provider, windows_json, fetched_at) VALUES ('codex', NULL, 0);
INSERT INTO usage_rate_limits (provider, windows_json, fetched_at) VALUES ('claude', NULL, 0);

-- The kind of the usage snapshot a session's totals and a turn's diff last took in (contract §3:
-- token_usage_snapshot_kind, turn_diffs[].snapshot_kind); unknown until a turn has reported.
ALTER TABLE sessions ADD COLUMN usage_snapshot_kind VARCHAR(24);
ALTER TABLE turn_diffs ADD COLUMN snapshot_kind VARCHAR(24);
