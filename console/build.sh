#!/usr/bin/env bash
# Builds or tests the console with the toolchain pinned in package-lock.json. Called by Maven
# (console/pom.xml); node and npm come from the machine, as for the agent CLIs.
set -euo pipefail
cd "$(dirname "$0")"
# npm ci only when the lockfile changed since the last install: it wipes node_modules each time.
stamp=node_modules/.flightdeck-lock
if ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
case "${1:-build}" in
  build) npm run --silent build ;;
  test) npm run --silent test ;;
  *) echo "usage: build.sh build|test" >&2; exit 2 ;;
esac
