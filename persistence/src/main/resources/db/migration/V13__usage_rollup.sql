-- The usage routes' rollup of the ledger: one row per quarter hour (UTC), session, provider, model family
-- and direct flag, with the sums the routes report. UsageService.record adds each turn to its row in the
-- turn's own transaction, so the rollup always equals the ledger; the routes read it for every whole
-- quarter hour of a range and read usage_turns only for the partial quarter hours at a range's edges.
-- Quarter hours, not hours: every time zone in use today is a whole number of quarter hours from UTC
-- (India +5:30, Nepal +5:45), so a caller's day boundaries fall on bucket edges.
CREATE TABLE usage_rollup (
    bucket_start           BIGINT           NOT NULL,
    session_id             VARCHAR(64)      NOT NULL,
    provider               VARCHAR(16)      NOT NULL,
    model_family           VARCHAR(40)      NOT NULL,
    direct                 BOOLEAN          NOT NULL,
    turn_count             BIGINT           NOT NULL,
    input_tokens           BIGINT           NOT NULL,
    output_tokens          BIGINT           NOT NULL,
    cache_read_tokens      BIGINT           NOT NULL,
    cache_creation_tokens  BIGINT           NOT NULL,
    estimated_cost_usd     DOUBLE PRECISION NOT NULL,
    -- NULL while no turn of the row reported a cost, as SUM over the ledger's rows would be.
    reported_cost_usd      DOUBLE PRECISION,
    -- The latest turn's observed_at (epoch ms): the sessions route orders by it.
    last_observed_at       BIGINT           NOT NULL,
    PRIMARY KEY (bucket_start, session_id, provider, model_family, direct)
);
-- Every route filters direct rows by a bucket range.
CREATE INDEX usage_rollup_time ON usage_rollup (direct, bucket_start, session_id);

-- The turns recorded before the rollup existed. bucket_start is in seconds; observed_at (ms) is never
-- negative, so integer division floors.
INSERT INTO usage_rollup (bucket_start, session_id, provider, model_family, direct, turn_count, input_tokens,
    output_tokens, cache_read_tokens, cache_creation_tokens, estimated_cost_usd, reported_cost_usd, last_observed_at)
SELECT (observed_at / 900000) * 900, session_id, provider, model_family, direct, COUNT(*), SUM(input_tokens),
    SUM(output_tokens), SUM(cache_read_tokens), SUM(cache_creation_tokens), SUM(estimated_cost_usd),
    SUM(reported_cost_usd), MAX(observed_at)
  FROM usage_turns
 GROUP BY (observed_at / 900000) * 900, session_id, provider, model_family, direct;
