#!/usr/bin/env bash
# The agent benchmark (issue 4, §5) on a throwaway Liberty server (port 4200, temp data dir, embedded
# H2) whose agents are the real Claude Code and Codex CLIs, pinned as the tests pin them, pointed at
# the tests' scripted model (started by the benchmark on port 4299):
#  1. message accepted -> first agent row broadcast, per connector, p50/p99 over BENCH_TURNS (50) turns;
#  2. shell output: a command printing BENCH_SHELL_MB (200) MiB, drained, capped and streamed.
# Usage: bash bench/agents.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-4200}
model_port=${BENCH_MODEL_PORT:-4299}
data=$(mktemp -d /tmp/flightdeck-bench.XXXXXX)
mvn -B -q -ntp -DskipTests -DskipITs install
agents=$PWD/ear/target/agents
version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" ear/pom.xml | head -1; }
bash ear/src/it-server/install-agents.sh "$agents" "$(version claude.version)" "$(version codex.version)" >/dev/null
cp=$(mvn -q -ntp -pl ear dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
wlp=ear/target/liberty/wlp
server=flightdeck-bench
mvn -B -q -ntp -pl ear -DskipTests liberty:create liberty:deploy -Dliberty.server=$server >/dev/null
mkdir -p "$data/codex-home"
cat > "$data/codex-home/config.toml" <<TOML
model = "gpt-scripted"
model_provider = "scripted"
sandbox_mode = "danger-full-access"

[model_providers.scripted]
name = "scripted"
base_url = "http://127.0.0.1:$model_port/v1"
wire_api = "responses"
TOML
export FLIGHTDECK_PORT=$port FLIGHTDECK_DATA_DIR=$data
export FLIGHTDECK_CLAUDE_BIN=$agents/node_modules/@anthropic-ai/claude-code/bin/claude.exe
export FLIGHTDECK_CODEX_BIN=$agents/node_modules/.bin/codex CODEX_HOME=$data/codex-home
export ANTHROPIC_BASE_URL=http://127.0.0.1:$model_port ANTHROPIC_API_KEY=sk-flightdeck-bench
export CLAUDE_CONFIG_DIR=$data/claude-config CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 DISABLE_AUTOUPDATER=1 DISABLE_TELEMETRY=1
cleanup() { "$wlp/bin/server" stop $server >/dev/null 2>&1 || true; rm -rf "$data"; }
trap cleanup EXIT
"$wlp/bin/server" start $server >/dev/null
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.2; done
java -cp "ear/target/test-classes:$cp" bench/AgentBench.java "http://127.0.0.1:$port" "$data/auth-token" "$model_port" \
  "${BENCH_TURNS:-50}" "${BENCH_SHELL_MB:-200}"
