#!/usr/bin/env bash
# Installs the agent CLIs the end-to-end tests drive, at pinned versions, into one directory.
# Usage: install-agents.sh <dir> <claude-code version>
set -euo pipefail
dir="$1"; claude_version="$2"
bin="$dir/node_modules/@anthropic-ai/claude-code/bin/claude.exe"
if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "^$claude_version "; then
  exit 0
fi
mkdir -p "$dir"
npm install --no-audit --no-fund --loglevel=error --prefix "$dir" "@anthropic-ai/claude-code@$claude_version"
# npm may refuse to run install scripts; the package's own postinstall puts the native binary in place.
(cd "$dir/node_modules/@anthropic-ai/claude-code" && node install.cjs)
"$bin" --version
