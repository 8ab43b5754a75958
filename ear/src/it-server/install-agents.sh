#!/usr/bin/env bash
# Installs the agent CLIs the end-to-end tests drive, at pinned versions, into one directory.
# Usage: install-agents.sh <dir> <claude-code version> <codex version>
set -euo pipefail
dir="$1"; claude_version="$2"; codex_version="$3"
claude="$dir/node_modules/@anthropic-ai/claude-code/bin/claude.exe"
codex="$dir/node_modules/.bin/codex"
if [ -x "$claude" ] && "$claude" --version 2>/dev/null | grep -q "^$claude_version " \
   && [ -x "$codex" ] && "$codex" --version 2>/dev/null | grep -q " $codex_version$"; then
  exit 0
fi
mkdir -p "$dir"
npm install --no-audit --no-fund --loglevel=error --prefix "$dir" \
  "@anthropic-ai/claude-code@$claude_version" "@openai/codex@$codex_version"
# npm may refuse to run install scripts; the package's own postinstall puts Claude's native binary in place.
(cd "$dir/node_modules/@anthropic-ai/claude-code" && node install.cjs)
"$claude" --version
"$codex" --version
