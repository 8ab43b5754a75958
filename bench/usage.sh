#!/usr/bin/env bash
# The usage benchmark on a throwaway Liberty server (port 4200, temp data dir, embedded H2): latency of
# GET /api/usage/overview over a ledger of 1,000,000 turns spread over a year (BENCH_LEDGER_ROWS), against
# GET /api/server/ping (an authenticated no-op) on the same server, p50/p99 over BENCH_SAMPLES (50).
# The ledger is filled by SQL while the server is stopped: a million turns through the agents would
# measure the agents. Usage: bash bench/usage.sh   (BENCH_PORT; BENCH_NO_BUILD=1 reuses a built EAR; BENCH_EAR)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-4200}
rows=${BENCH_LEDGER_ROWS:-1000000}
data=$(mktemp -d /tmp/flightdeck-bench.XXXXXX)
wlp=ear/target/liberty/wlp
server=flightdeck-bench
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -q -ntp -DskipTests -DskipITs install
mvn -B -q -ntp -pl ear -DskipTests liberty:create liberty:deploy -Dliberty.server=$server >/dev/null
# BENCH_EAR: an EAR built in this clone (e.g. ear/target/flightdeck.ear after a reactor verify), deployed
# as is, when the local Maven repository is shared and may hold another build's modules.
[ -z "${BENCH_EAR:-}" ] || cp "$BENCH_EAR" "$wlp/usr/servers/$server/apps/flightdeck.ear"
export FLIGHTDECK_PORT=$port FLIGHTDECK_DATA_DIR=$data
h2=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | tail -1)
cleanup() { "$wlp/bin/server" stop $server >/dev/null 2>&1 || true; rm -rf "$data"; }
trap cleanup EXIT
start() {
  "$wlp/bin/server" start $server >/dev/null
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.2; done
}
# The first start migrates the schema (V8 makes the ledger's indexes, V13 the rollup, V14 the session totals) and writes the auth token.
start
"$wlp/bin/server" stop $server >/dev/null

# A year of a busy team, ending now: sessions of 200 turns each (5,000 at a million rows), one in ten a
# mission's (left out of every figure), Claude and Codex alternating, four model families.
now_ms=$(( $(date +%s) * 1000 ))
span_ms=$(( 365 * 86400 * 1000 ))
cat > "$data/seed.sql" <<SQL
INSERT INTO usage_turns (session_id, turn_seq, turn_id, provider, model, input_tokens, output_tokens,
  cache_read_tokens, cache_creation_tokens, context_window, estimated_cost_usd, reported_cost_usd, raw_usage,
  observed_at, snapshot_kind, model_family, direct, pricing_source, pricing_version, pricing_model_key,
  input_per_mtok, output_per_mtok, cache_read_per_mtok, cache_write_per_mtok)
SELECT 'bench-' || ((X - 1) / 200), MOD(X - 1, 200) + 1, 'turn-' || (MOD(X - 1, 200) + 1),
  CASE WHEN MOD((X - 1) / 200, 2) = 0 THEN 'claude' ELSE 'codex' END,
  CASE MOD((X - 1) / 200, 4) WHEN 0 THEN 'claude-sonnet-4-5' WHEN 1 THEN 'gpt-5-codex'
    WHEN 2 THEN 'claude-opus-4-5' ELSE 'gpt-5.1' END,
  1000 + MOD(X, 500), 200 + MOD(X, 50), 5000, 100, 200000, 0.01 + MOD(X, 7) / 1000.0, NULL, NULL,
  $now_ms - $span_ms + X * ($span_ms / $rows),
  'context_turn',
  CASE MOD((X - 1) / 200, 4) WHEN 0 THEN 'Sonnet' WHEN 1 THEN 'GPT-5' WHEN 2 THEN 'Opus' ELSE 'GPT-5.1' END,
  MOD((X - 1) / 200, 10) <> 9, 'flightdeck_list_prices', '2026-11', 'sonnet', 3, 15, 0.3, 3.75
FROM SYSTEM_RANGE(1, $rows);
-- The rollup the server keeps with each turn (V13), built here from the same rows with the migration's own
-- backfill, so the two tables agree as they would after recording these turns one by one.
INSERT INTO usage_rollup (bucket_start, session_id, provider, model_family, direct, turn_count, input_tokens,
    output_tokens, cache_read_tokens, cache_creation_tokens, estimated_cost_usd, reported_cost_usd, last_observed_at)
SELECT (observed_at / 900000) * 900, session_id, provider, model_family, direct, COUNT(*), SUM(input_tokens),
    SUM(output_tokens), SUM(cache_read_tokens), SUM(cache_creation_tokens), SUM(estimated_cost_usd),
    SUM(reported_cost_usd), MAX(observed_at)
  FROM usage_turns
 GROUP BY (observed_at / 900000) * 900, session_id, provider, model_family, direct;
-- The per-session running totals (V14), likewise from the migration's own backfill.
INSERT INTO usage_session_totals (session_id, provider, direct, turn_count, input_tokens, output_tokens,
    cache_read_tokens, cache_creation_tokens, estimated_cost_usd, reported_cost_usd, first_observed_at,
    last_observed_at)
SELECT session_id, MIN(provider), MIN(CASE WHEN direct THEN 1 ELSE 0 END) = 1, COUNT(*), SUM(input_tokens),
    SUM(output_tokens), SUM(cache_read_tokens), SUM(cache_creation_tokens), SUM(estimated_cost_usd),
    SUM(reported_cost_usd), MIN(observed_at), MAX(observed_at)
  FROM usage_turns
 GROUP BY session_id;
ANALYZE;
SQL
t0=$(date +%s)
java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:$data/db/flightdeck" -user flightdeck -password flightdeck \
  -script "$data/seed.sql"
echo "(seeded $rows ledger rows by SQL in $(( $(date +%s) - t0 )) s)"
start
java bench/UsageBench.java "http://127.0.0.1:$port" "$data/auth-token" "${BENCH_SAMPLES:-50}" "$rows"
