#!/usr/bin/env bash
# Refreshes console/openapi.json from a running server's /openapi (default http://127.0.0.1:4000),
# without its servers entry (the host differs per run). ConsoleIT fails while the two differ.
set -euo pipefail
cd "$(dirname "$0")"
url=${1:-http://127.0.0.1:4000}
curl -sf "$url/openapi?format=JSON" | node -e '
let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
  const doc = JSON.parse(s); delete doc.servers;
  const sort = (v) => Array.isArray(v) ? v.map(sort) : v && typeof v === "object"
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v;
  process.stdout.write(JSON.stringify(sort(doc), null, 1) + "\n");
});' > openapi.json
echo "console/openapi.json refreshed from $url"
