#!/usr/bin/env bash
# A stand-in for the claude CLI that speaks its stream-json output as fast as a pipe carries it, so
# the benchmark measures Flightdeck's connector path (parse, map, persist, log, broadcast), not a model.
# For each user message on stdin it prints FAKE_ROWS assistant messages and a result.
rows=${FAKE_ROWS:-10000}
sid=$(cat /proc/sys/kernel/random/uuid)
printf '{"type":"system","subtype":"init","session_id":"%s","model":"claude-bench","cwd":"%s","uuid":"%s"}\n' \
  "$sid" "$PWD" "$(cat /proc/sys/kernel/random/uuid)"
k=0
while IFS= read -r line; do
  case "$line" in
    *'"type":"user"'*)
      k=$((k + 1))
      awk -v n="$rows" -v sid="$sid" -v k="$k" 'BEGIN {
        for (i = 1; i <= n; i++)
          printf "{\"type\":\"assistant\",\"session_id\":\"%s\",\"parent_tool_use_id\":null,\"uuid\":\"b%d-%d\",\"message\":{\"id\":\"m%d\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Streamed row %d of the benchmark: a sentence of ordinary length so rows carry realistic text.\"}]}}\n", sid, k, i, k * n + i, i
        printf "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"session_id\":\"%s\",\"result\":\"done\",\"uuid\":\"r%d\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}\n", sid, k
        fflush()
      }' ;;
  esac
done
