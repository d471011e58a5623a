#!/usr/bin/env bash
# How many cameras one box serves (issue 20): N simulated 720p15 H.264 cameras (the demo clip,
# looping) through the real service on 127.0.0.1: camera simulator, ffmpeg decode, motion gate,
# recogniser, tracker, outbox, agency broker (mutual TLS) and receiver. For each N it counts the
# hotlist passes expected against the hits the receiver stored, the hit latency (received_at minus
# the capture time in the hit) and the CPU per camera, split into decoding, clip recording, the
# service process and the stand-ins for cameras and agency. It raises N until a hit is missed or
# the p95 latency passes the limit, then prints a table.
#
#   benchmarks/capacity/run.sh [--cameras 1,2,4,6,8] [--duration 80] [--analysis-fps 5]
#                              [--camera-options FRAGMENT.yaml] [--service-options FRAGMENT.yaml]
#                              [--latency-limit 2] [--keep-going] [--drain 8] [--build DIR]
#                              [--same-phase]
#
# The cameras' clips start at phases spread over the clip (the simulator's --stagger), as cars
# reach different cameras at different times; --same-phase shows every car on every camera at
# once, the worst case for the shared recogniser.
#
# After ./deploy/setup.sh. Each N takes about duration + 30 s. Each run's files (configs, logs, what
# the receiver stored) go to benchmarks/results/capacity/SERIES/nNN/ (git-ignored); summary.md
# there and one level up keeps the tables. Exit 0 when at least one N holds, 1 when none does, 130
# when interrupted; every process it started is stopped.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
case "${1:-}" in -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
for tool in mosquitto ffmpeg ffprobe /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "capacity: $tool is missing; run ./deploy/setup.sh" >&2; exit 2; }
done
./edgeingest --help >/dev/null   # builds the service once, before anything is timed

/usr/bin/python3 "$root/benchmarks/capacity/capacity.py" "$@" &
harness=$!
# The harness stops its children itself on SIGTERM/SIGINT; pass ours on to it, then wait for it.
trap 'kill -TERM "$harness" 2>/dev/null || true; wait "$harness" 2>/dev/null; exit 130' INT TERM HUP
wait "$harness"
