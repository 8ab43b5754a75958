#!/usr/bin/env bash
# A stand-in for the claude CLI that speaks its stream-json output as fast as a pipe carries it, so
# the benchmark measures Flightdeck's connector path (parse, map, persist, log, broadcast), not a model.
# For each user message on stdin it prints FAKE_ROWS assistant messages and a result.
# FAKE_ROWS_PER_SECOND paces the rows instead (the console benchmark's steady stream): row i is due
# i/rate seconds after the message, so a slow write does not push every later row back.
rows=${FAKE_ROWS:-10000}
rate=${FAKE_ROWS_PER_SECOND:-}
sid=$(cat /proc/sys/kernel/random/uuid)
printf '{"type":"system","subtype":"init","session_id":"%s","model":"claude-bench","cwd":"%s","uuid":"%s"}\n' \
  "$sid" "$PWD" "$(cat /proc/sys/kernel/random/uuid)"
row() { # k i
  printf '{"type":"assistant","session_id":"%s","parent_tool_use_id":null,"uuid":"b%d-%d","message":{"id":"m%d","role":"assistant","content":[{"type":"text","text":"Streamed row %d of the benchmark: a sentence of ordinary length so rows carry realistic text."}]}}\n' \
    "$sid" "$1" "$2" "$(( $1 * rows + $2 ))" "$2"
}
result() { # k
  printf '{"type":"result","subtype":"success","is_error":false,"session_id":"%s","result":"done","uuid":"r%d","usage":{"input_tokens":1,"output_tokens":1}}\n' \
    "$sid" "$1"
}
k=0
while IFS= read -r line; do
  case "$line" in
    *'"type":"user"'*)
      k=$((k + 1))
      if [ -n "$rate" ]; then
        # Microseconds since the epoch, from bash's own clock (no process per row).
        t0=${EPOCHREALTIME/./}
        for ((i = 1; i <= rows; i++)); do
          wait_us=$(( t0 + i * 1000000 / rate - ${EPOCHREALTIME/./} ))
          # The rate is the load's shape, not a wait for anything: sleep until the row's slot.
          [ "$wait_us" -le 0 ] || sleep "$(( wait_us / 1000000 )).$(printf %06d $(( wait_us % 1000000 )))"
          row "$k" "$i"
        done
        result "$k"
        continue
      fi
      awk -v n="$rows" -v sid="$sid" -v k="$k" 'BEGIN {
        for (i = 1; i <= n; i++)
          printf "{\"type\":\"assistant\",\"session_id\":\"%s\",\"parent_tool_use_id\":null,\"uuid\":\"b%d-%d\",\"message\":{\"id\":\"m%d\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Streamed row %d of the benchmark: a sentence of ordinary length so rows carry realistic text.\"}]}}\n", sid, k, i, k * n + i, i
        printf "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"session_id\":\"%s\",\"result\":\"done\",\"uuid\":\"r%d\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}\n", sid, k
        fflush()
      }' ;;
  esac
done
