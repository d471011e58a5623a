#!/usr/bin/env bash
# Hit latency as the agency sees it: from the capture of a pass's first readable frame
# (the hit's first_read_at, stamped by the device) to the receiver storing it (received_at,
# stamped by the receiver), for every hit of one demo run at its default settings. Both clocks
# are this machine's.
#
#   benchmarks/latency/run.sh [SECONDS]    run the demo for SECONDS (default 120), then print
#                                          count, p50, p95 and max, and each hit's latency
#
# Needs ./deploy/setup.sh first (the demo's camera simulator, broker and receiver).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
seconds=${1:-120}
case "$seconds" in ''|*[!0-9]*) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;; esac

started=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
./edgeingest demo --seconds "$seconds" > "$log" 2>&1 || { tail -20 "$log"; exit 1; }
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$root/.demo/agency/hits.jsonl" "$started" "$load_before" "$load_after" "$(git rev-parse --short HEAD)" <<'PY'
import json, sys
from datetime import datetime

path, started, load_before, load_after, commit = sys.argv[1:]
def at(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))

since = at(started[:26] + "Z")
rows = []
with open(path) as f:
    for line in f:
        hit = json.loads(line)
        received = at(hit["received_at"])
        if received < since:
            continue  # an earlier run's
        first = hit.get("first_read_at") or hit["occurred_at"]
        rows.append(((received - at(first)).total_seconds(), hit["plate"], hit["camera_id"], "first_read_at" in hit and hit["first_read_at"] is not None))

if not rows:
    sys.exit("no hit stored in this run: see the demo's output")
latencies = sorted(r[0] for r in rows)
def pct(p):
    return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))]
print(f"commit {commit}, load {load_before} before, {load_after} after")
for latency, plate, camera, has_first in rows:
    print(f"  {camera:10} {plate:10} {latency * 1000:8.0f} ms{'' if has_first else '  (no first_read_at: from occurred_at)'}")
print(f"hits {len(latencies)}   p50 {pct(50) * 1000:.0f} ms   p95 {pct(95) * 1000:.0f} ms   max {latencies[-1] * 1000:.0f} ms")
PY
