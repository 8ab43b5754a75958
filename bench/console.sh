#!/usr/bin/env bash
# The console's performance budgets (issue 14, "Budgets") on a throwaway Liberty server (port 4250,
# temp data dir, embedded H2), measured in Debian's Chromium driven by playwright-core:
#  1. the compressed script of the first load, against the 250 KB budget;
#  2. time to interactive of the dashboard with 200 active sessions, against a bare static page
#     served by the same Liberty (a one-line WAR beside the EAR);
#  3. frame rate while 20 rows per second stream into a 10,000-row conversation, against the same
#     page with nothing arriving (idle), in the same browser.
# Figures, not pass/fail. The sessions and the 10,000 rows are written by SQL while the server is
# stopped; the streamed rows come through the real connector path (bench/fake-claude.sh, paced).
# Usage: bash bench/console.sh
#   BENCH_PORT (4250), BENCH_RUNS (5), BENCH_STREAM_SECONDS (15), BENCH_STREAM_RATE (20 rows/s),
#   BENCH_SESSIONS (200), BENCH_ROWS (10000), BENCH_NO_BUILD=1 reuses a built EAR, BENCH_EAR (an EAR
#   to deploy; default the one this clone builds), CHROMIUM (/usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-4250}
sessions=${BENCH_SESSIONS:-200}
rows=${BENCH_ROWS:-10000}
seconds=${BENCH_STREAM_SECONDS:-15}
rate=${BENCH_STREAM_RATE:-20}
ear=${BENCH_EAR:-ear/target/flightdeck.ear}
wlp=ear/target/liberty/wlp
server=flightdeck-bench
srv=$wlp/usr/servers/$server
# Another server on the port would be measured instead of this one.
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "port $port is in use; set BENCH_PORT" >&2
  exit 1
fi
# package, not install: install would replace the modules in the local Maven repository, which
# other checkouts' builds and tests on the machine read. The EAR is deployed from this clone below.
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -q -ntp -DskipTests -DskipITs package
[ -f "$ear" ] || { echo "no EAR at $ear (build first, or set BENCH_EAR)" >&2; exit 1; }
[ -d console/node_modules/playwright-core ] || bash console/build.sh build >/dev/null
# create only: liberty:deploy resolves the EAR's modules from the local repository (only install
# puts them there), so the EAR is copied in and named in a config dropin instead.
mvn -B -q -ntp -pl ear -DskipTests liberty:create -Dliberty.server=$server >/dev/null
data=$(mktemp -d /tmp/flightdeck-bench.XXXXXX)
apps=$srv/configDropins/overrides/bench-console-apps.xml
cleanup() {
  "$wlp/bin/server" stop $server >/dev/null 2>&1 || true
  # The other benchmarks deploy to the same server with liberty:deploy; a second declaration of the
  # EAR would clash with theirs.
  rm -rf "$apps" "$srv/apps/flightdeck.ear" "$srv/apps/expanded/flightdeck.ear"
  rm -rf "$data"
}
trap cleanup EXIT
cp "$ear" "$srv/apps/flightdeck.ear"
# The ceiling of the load-time figure: a static page with nothing in it, served by the same runtime
# (same HTTP endpoint, same compression settings) from a plain WAR without a servlet of its own.
mkdir -p "$data/bare.war" "$data/work"
cat > "$data/bare.war/index.html" <<'HTML'
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare</title></head>
<body><h1>Bare page</h1></body></html>
HTML
mkdir -p "$(dirname "$apps")"
cat > "$apps" <<XML
<server>
  <enterpriseApplication id="flightdeck" name="flightdeck" location="flightdeck.ear"/>
  <webApplication id="bare" name="bare" location="$data/bare.war" contextRoot="/bare"/>
</server>
XML
export FLIGHTDECK_PORT=$port FLIGHTDECK_DATA_DIR=$data
# The streamed rows: each message makes the stand-in agent print rate rows a second for 5 s longer
# than the measured window, which starts at the first row on screen and so must not outlast the stream.
export FLIGHTDECK_CLAUDE_BIN=$PWD/bench/fake-claude.sh FAKE_ROWS=$(( rate * (seconds + 5) )) FAKE_ROWS_PER_SECOND=$rate
# The agent environment is an allow-list: the two must be named to reach the fake agent.
export FLIGHTDECK_AGENT_ENV=FAKE_ROWS,FAKE_ROWS_PER_SECOND
h2=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | tail -1)
base=http://127.0.0.1:$port
start() {
  "$wlp/bin/server" start $server >/dev/null
  until curl -sf "$base/health/ready" >/dev/null; do sleep 0.2; done
  until curl -sf -o /dev/null "$base/bare/"; do sleep 0.2; done
}
# The first start migrates the schema and writes the token. Two sessions are made the ordinary way, so
# every column holds what the server itself writes: one is the template of the dashboard's cards, the
# other the conversation the rows stream into.
start
token=$(cat "$data/auth-token")
create() {
  curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"provider\":\"claude\",\"cwd\":\"$data/work\"}" "$base/api/sessions" |
    sed 's/.*"session_id":"\([^"]*\)".*/\1/'
}
card=$(create)
stream=$(create)
"$wlp/bin/server" stop $server >/dev/null

# The other cards: copies of the template's row under new ids, spread over 20 projects with their own
# names, so the dashboard groups and titles them as it would real sessions. With the stream session
# that makes BENCH_SESSIONS active ones.
# The 10,000 rows: shaped like the connector's (conversation.sh's seed), assistant text with every
# 10th a tool row, in 20-row turns.
cat > "$data/seed.sql" <<SQL
CREATE TABLE bench_cards AS SELECT s.*, X AS bench_n FROM sessions s, SYSTEM_RANGE(1, $(( sessions - 2 ))) WHERE s.id = '$card';
UPDATE bench_cards SET id = 'bench-card-' || bench_n, custom_name = 'Benchmark session ' || bench_n,
  project_path = '$data/work/project-' || MOD(bench_n, 20), project_name = 'project-' || MOD(bench_n, 20),
  last_activity_at = last_activity_at - bench_n * 1000;
ALTER TABLE bench_cards DROP COLUMN bench_n;
INSERT INTO sessions SELECT * FROM bench_cards;
DROP TABLE bench_cards;
INSERT INTO conversation_rows (session_id, sequence, row_id, row_type, turn_id, turn_status, family, status, kind,
  duration_ms, search_text, row_json, content_json, created_at, updated_at)
SELECT '$stream', X - 1, 'seed-' || X, CASE WHEN MOD(X, 10) = 0 THEN 'tool' ELSE 'assistant' END,
  'turn-' || (1 + (X - 1) / 20), 'active',
  CASE WHEN MOD(X, 10) = 0 THEN 'shell' END, CASE WHEN MOD(X, 10) = 0 THEN 'completed' END,
  CASE WHEN MOD(X, 10) = 0 THEN 'bash' END, NULL,
  'seeded row ' || X || ' of an ordinary conversation',
  CASE WHEN MOD(X, 10) = 0
    THEN '{"row_type":"tool","id":"seed-' || X || '","family":"shell","kind":"bash","status":"completed","title":"ls -la src/module-' || X || '","timestamp":"2026-01-01T00:00:00Z","turn_id":"turn-' || (1 + (X - 1) / 20) || '"}'
    ELSE '{"row_type":"assistant","id":"seed-' || X || '","content":"Seeded row ' || X || ' of an ordinary conversation, with text of a usual length for one.","timestamp":"2026-01-01T00:00:00Z","is_streaming":false,"images":[],"turn_id":"turn-' || (1 + (X - 1) / 20) || '"}'
  END,
  NULL, 0, 0
FROM SYSTEM_RANGE(1, $rows);
UPDATE sessions SET row_count = $rows, turn_count = $rows / 20, turn_seq = $rows / 20 WHERE id = '$stream';
ANALYZE;
SQL
java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:$data/db/flightdeck" -user flightdeck -password flightdeck \
  -script "$data/seed.sql"
start

# The browser side: node resolves playwright-core from the console's own node_modules (bench/console/lib.mjs).
export BENCH_BASE=$base BENCH_TOKEN=$token
# Each step's details as they come; the figure lines are gathered for the block at the end.
step() { node "$@" | tee -a "$data/figures.out" | sed '/^FIGURE /d'; }
step bench/console/script.mjs
step bench/console/tti.mjs "$sessions" "${BENCH_RUNS:-5}"
step bench/console/frames.mjs "$stream" "$rows" "$seconds" "$rate"
echo
echo "== Figures (console budgets, issue 14)"
sed -n 's/^FIGURE //p' "$data/figures.out"
