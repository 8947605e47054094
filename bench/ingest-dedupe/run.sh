#!/usr/bin/env bash
# Times 60 sequential Segment batches of 500 live events (30,000) sent to `usagelens serve` on a copy of a
# workspace, once per CLI build given, so two builds compare on the same data in the same run:
#   bench/ingest-dedupe/run.sh WORKSPACE.duckdb CLI_DIR [CLI_DIR...]
# CLI_DIR holds a built `usagelens` (e.g. src/UsageLens.Cli/bin/Release/net10.0).
set -euo pipefail
workspace=$1; shift
batches=$(mktemp -d)
python3 - "$batches" <<'PY'
import json, sys
for b in range(60):
    batch = [{"type": "track", "messageId": f"bench-{b}-{i}", "userId": f"u-{i % 50}", "event": "api_call",
              "context": {"groupId": f"acct-{i % 500:04d}"}, "properties": {"quantity": 1},
              "timestamp": "2026-12-06T10:00:00Z"} for i in range(500)]
    open(f"{sys.argv[1]}/batch{b}.json", "w").write(json.dumps({"batch": batch}))
PY
port=5611
for cli in "$@"; do
  run=$(mktemp -d)
  cp "$workspace" "$run/usagelens.duckdb"
  key=$("$cli/usagelens" keys create --role writer --db "$run/usagelens.duckdb" 2>/dev/null | head -1)
  "$cli/usagelens" serve --db "$run/usagelens.duckdb" --urls "http://127.0.0.1:$port" > "$run/serve.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  until curl -s -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.5; done
  start=$(date +%s.%N)
  for b in $(seq 0 59); do
    code=$(curl -s -o /dev/null -w "%{http_code}" -u "$key:" -H 'Content-Type: application/json' --data-binary "@$batches/batch$b.json" "http://127.0.0.1:$port/v1/batch")
    [ "$code" = 200 ] || { echo "batch $b answered $code" >&2; exit 1; }
  done
  end=$(date +%s.%N)
  echo "$cli: 30000 events in $(echo "$end - $start" | bc) s"
  kill "$server"; wait "$server" || true
  rm -rf "$run"
done
rm -rf "$batches"
