-- Each session's running usage total (all its turns), kept by UsageService.record in the transaction that
-- appends the turn to usage_turns, so it always equals the ledger's sums for the session. The sessions
-- route pages sessions by last use: a session whose turns all fall inside the asked range is answered from
-- this row alone, in the index's order, and only the few sessions that straddle a bound of the range are
-- summed from the rollup and the ledger.
CREATE TABLE usage_session_totals (
    session_id             VARCHAR(64)      NOT NULL PRIMARY KEY,
    provider               VARCHAR(16)      NOT NULL,
    direct                 BOOLEAN          NOT NULL,
    turn_count             BIGINT           NOT NULL,
    input_tokens           BIGINT           NOT NULL,
    output_tokens          BIGINT           NOT NULL,
    cache_read_tokens      BIGINT           NOT NULL,
    cache_creation_tokens  BIGINT           NOT NULL,
    estimated_cost_usd     DOUBLE PRECISION NOT NULL,
    -- NULL while no turn of the session reported a cost, as SUM over its ledger rows would be.
    reported_cost_usd      DOUBLE PRECISION,
    -- The session's first and latest turn (epoch ms): whether it lies wholly inside a range, and the order.
    first_observed_at      BIGINT           NOT NULL,
    last_observed_at       BIGINT           NOT NULL
);
-- The sessions route: direct sessions, newest use first.
CREATE INDEX usage_session_totals_last ON usage_session_totals (direct, last_observed_at, session_id);
-- A straddling session's part of a range is summed from the rollup by session.
CREATE INDEX usage_rollup_session ON usage_rollup (session_id, direct, bucket_start);

INSERT INTO usage_session_totals (session_id, provider, direct, turn_count, input_tokens, output_tokens,
    cache_read_tokens, cache_creation_tokens, estimated_cost_usd, reported_cost_usd, first_observed_at,
    last_observed_at)
SELECT session_id, MIN(provider), MIN(CASE WHEN direct THEN 1 ELSE 0 END) = 1, COUNT(*), SUM(input_tokens),
    SUM(output_tokens), SUM(cache_read_tokens), SUM(cache_creation_tokens), SUM(estimated_cost_usd),
    SUM(reported_cost_usd), MIN(observed_at), MAX(observed_at)
  FROM usage_turns
 GROUP BY session_id;
