#!/usr/bin/env bash
# Builds the EAR, starts it on a throwaway Liberty server (port 4200, temp data dir, embedded H2),
# measures time to /health/ready, runs FoundationBench against it, and stops it.
# Usage: bash bench/run.sh            (BENCH_SECONDS=10 by default per load phase)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-4200}
data=$(mktemp -d /tmp/flightdeck-bench.XXXXXX)
mvn -B -q -ntp -DskipTests -DskipITs install
wlp=ear/target/liberty/wlp
server=flightdeck-bench
mvn -B -q -ntp -pl ear -DskipTests liberty:create liberty:deploy -Dliberty.server=$server >/dev/null
export FLIGHTDECK_PORT=$port FLIGHTDECK_DATA_DIR=$data FLIGHTDECK_WS_QUEUE_CAPACITY=4096
cleanup() { "$wlp/bin/server" stop $server >/dev/null 2>&1 || true; rm -rf "$data"; }
trap cleanup EXIT
start=$(date +%s%N)
"$wlp/bin/server" start $server >/dev/null
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.05; done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
echo "== Startup: server start -> /health/ready 200 in ${ready} ms (target <= 12000 ms; includes JVM launch and the schema migration of an empty database)"
java -Dseconds="${BENCH_SECONDS:-10}" bench/FoundationBench.java "http://127.0.0.1:$port" "$data/auth-token"
echo "== Server-side fan-out (queueing one event to all its subscribers), from /metrics"
curl -s "http://127.0.0.1:$port/metrics" | grep -E '^flightdeck_ws_fanout_seconds(\{.*quantile="0\.(5|99)"|_max|_count)' || true
if command -v wrk >/dev/null; then
  echo "== The same two endpoints under wrk (a lighter load generator than the JDK client): 2 threads, 32 connections, 10 s"
  token=$(cat "$data/auth-token")
  session=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"provider\":\"claude\",\"cwd\":\"$data\"}" "http://127.0.0.1:$port/api/sessions" | sed 's/.*"session_id":"\([^"]*\)".*/\1/')
  for path in /api/server/ping "/api/sessions/$session/detail"; do
    wrk -t2 -c32 -d3s -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path" >/dev/null
    printf '%-60s ' "$path"; wrk -t2 -c32 -d10s --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path" \
      | awk '/Requests\/sec/{r=$2} /^ +50%/{p50=$2} /^ +99%/{p99=$2} END{printf "%s req/s  p50 %s  p99 %s\n", r, p50, p99}'
  done
fi
