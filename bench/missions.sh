#!/usr/bin/env bash
# The missions benchmark on a throwaway Liberty server (port 4200, temp data dir, embedded H2) pointed
# at the stub Linear that MissionBench serves (port 4298), with bench/fake-claude.sh as the agent:
#  1. the tick time of a mission tracking 1,000 issues (20 pages of 50), p50/p95 over BENCH_TICKS (20)
#     ticks, against the same GraphQL round trips made by a bare JDK client (ratio tick / tracker I/O);
#  2. signed Linear webhook -> the new issue's dispatched session, p50/p95 over BENCH_ROUNDS (10) rounds,
#     against the same work done by hand through the API plus one scheduler tick.
# Usage: bash bench/missions.sh   (BENCH_PORT, BENCH_LINEAR_PORT, BENCH_TICK_MS=100; BENCH_NO_BUILD=1
# reuses an EAR already built)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-4200}
linear_port=${BENCH_LINEAR_PORT:-4298}
tick_ms=${BENCH_TICK_MS:-100}
data=$(mktemp -d /tmp/flightdeck-bench.XXXXXX)
wlp=ear/target/liberty/wlp
server=flightdeck-bench
cleanup() { "$wlp/bin/server" stop $server >/dev/null 2>&1 || true; rm -rf "$data"; }
trap cleanup EXIT
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -q -ntp -DskipTests -DskipITs install
mvn -B -q -ntp -pl ear -DskipTests liberty:create liberty:deploy -Dliberty.server=$server >/dev/null
export FLIGHTDECK_PORT=$port FLIGHTDECK_DATA_DIR=$data FLIGHTDECK_MISSION_TICK_MS=$tick_ms
export FLIGHTDECK_LINEAR_API_URL=http://127.0.0.1:$linear_port/graphql
# The stand-in agent answers each message with one row and stops (agents get only allow-listed variables).
export FLIGHTDECK_CLAUDE_BIN=$PWD/bench/fake-claude.sh FLIGHTDECK_AGENT_ENV=FAKE_ROWS FAKE_ROWS=1
"$wlp/bin/server" start $server >/dev/null
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.2; done
java bench/MissionBench.java "http://127.0.0.1:$port" "$data/auth-token" "$data/repos" "$linear_port" "$tick_ms" \
  "${BENCH_TICKS:-20}" "${BENCH_ROUNDS:-10}"
