#!/usr/bin/env bash
# The conversation benchmark (issue 3, §9) on a throwaway Liberty server (port 4200, temp data dir,
# embedded H2), with bench/fake-claude.sh as the agent so the connector path is what is measured:
#  1. rows persisted and broadcast per second from a connector stream (BENCH_STREAM_ROWS, default 20000);
#  2. keyset page latency in a session of 1,000 rows against one of 1,000,000 rows, and search at 1,000,000.
# The two big sessions are filled by SQL while the server is stopped: a million rows through an agent
# would measure the stream again, for an hour. Usage: bash bench/conversation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-4200}
rows=${BENCH_STREAM_ROWS:-20000}
data=$(mktemp -d /tmp/flightdeck-bench.XXXXXX)
mvn -B -q -ntp -DskipTests -DskipITs install
wlp=ear/target/liberty/wlp
server=flightdeck-bench
mvn -B -q -ntp -pl ear -DskipTests liberty:create liberty:deploy -Dliberty.server=$server >/dev/null
export FLIGHTDECK_PORT=$port FLIGHTDECK_DATA_DIR=$data FLIGHTDECK_WS_QUEUE_CAPACITY=65536
# The agent environment is an allow-list: FAKE_ROWS must be named to reach the fake agent.
export FLIGHTDECK_CLAUDE_BIN=$PWD/bench/fake-claude.sh FAKE_ROWS=$rows FLIGHTDECK_AGENT_ENV=FAKE_ROWS
h2=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | tail -1)
cleanup() { "$wlp/bin/server" stop $server >/dev/null 2>&1 || true; rm -rf "$data"; }
trap cleanup EXIT
start() {
  "$wlp/bin/server" start $server >/dev/null
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.2; done
}
start
out=$(java bench/ConversationBench.java "http://127.0.0.1:$port" stream "$data/auth-token" "$rows")
echo "$out" | grep -v '^SMALL \|^BIG '
small=$(echo "$out" | awk '/^SMALL /{print $2}')
big=$(echo "$out" | awk '/^BIG /{print $2}')
"$wlp/bin/server" stop $server >/dev/null

# Rows shaped like the connector's: assistant text, and every 10th a tool row with a family and status.
# One row in the big session holds the word 'needle', for a selective search.
seed() { # session rows
  cat <<SQL
INSERT INTO conversation_rows (session_id, sequence, row_id, row_type, turn_id, turn_status, family, status, kind,
  duration_ms, search_text, row_json, content_json, created_at, updated_at)
SELECT '$1', X - 1, 'seed-' || X, CASE WHEN MOD(X, 10) = 0 THEN 'tool' ELSE 'assistant' END,
  'turn-' || (1 + (X - 1) / 20), 'active',
  CASE WHEN MOD(X, 10) = 0 THEN 'shell' END, CASE WHEN MOD(X, 10) = 0 THEN 'completed' END,
  CASE WHEN MOD(X, 10) = 0 THEN 'bash' END, NULL,
  'seeded row ' || X || ' of an ordinary conversation' || CASE WHEN X = $2 / 2 THEN ' needle' ELSE '' END,
  '{"row_type":"assistant","id":"seed-' || X || '","content":"Seeded row ' || X || ' of an ordinary conversation, with text of a usual length for one.","timestamp":"2026-01-01T00:00:00Z","is_streaming":false,"images":[],"turn_id":"turn-' || (1 + (X - 1) / 20) || '"}',
  NULL, 0, 0
FROM SYSTEM_RANGE(1, $2);
UPDATE sessions SET row_count = $2, turn_count = $2 / 20, turn_seq = $2 / 20 WHERE id = '$1';
SQL
}
t0=$(date +%s)
{ seed "$small" 1000; seed "$big" 1000000; } > "$data/seed.sql"
java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:$data/db/flightdeck" -user flightdeck -password flightdeck \
  -script "$data/seed.sql"
echo "(seeded 1,001,000 rows by SQL in $(( $(date +%s) - t0 )) s)"
start
java bench/ConversationBench.java "http://127.0.0.1:$port" pages "$data/auth-token" "$small" "$big"
