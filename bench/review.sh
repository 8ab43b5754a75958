#!/usr/bin/env bash
# The worktree and review benchmark (issue 5, §8) on a throwaway Liberty server (port 4200, temp data
# dir, embedded H2) and real git repositories in a temp dir:
#  1. GET /api/sessions/{id}/review on a repo whose working tree differs from HEAD by 5,000 lines
#     across 200 files (150 modified, 50 untracked), against the same git steps run bare;
#  2. POST /api/worktrees against a bare `git worktree add` of the same repo, as a ratio.
# Usage: bash bench/review.sh   (BENCH_SAMPLES, default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-4200}
data=$(mktemp -d /tmp/flightdeck-bench.XXXXXX)
mvn -B -q -ntp -DskipTests -DskipITs install
wlp=ear/target/liberty/wlp
server=flightdeck-bench
mvn -B -q -ntp -pl ear -DskipTests liberty:create liberty:deploy -Dliberty.server=$server >/dev/null
# Sessions are only created here, never run: the stand-in agent keeps the connector check satisfied.
export FLIGHTDECK_PORT=$port FLIGHTDECK_DATA_DIR=$data FLIGHTDECK_CLAUDE_BIN=$PWD/bench/fake-claude.sh
cleanup() { "$wlp/bin/server" stop $server >/dev/null 2>&1 || true; rm -rf "$data"; }
trap cleanup EXIT
"$wlp/bin/server" start $server >/dev/null
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.2; done
java bench/ReviewBench.java "http://127.0.0.1:$port" "$data/auth-token" "$data/repos" "${BENCH_SAMPLES:-30}"
