#!/usr/bin/env bash
# How fast an approved footage window reaches the agency (issue 21): a 10-minute window of 720p15
# H.264 (2 s MPEG-TS segments, 2 Mbit/s unless --bitrate says otherwise) placed in the device's
# recording folder as the recorder names its segments, then asked for with `edgeingest request
# footage`, approved on the console's Requests page over HTTP (first-run setup, cookies,
# antiforgery tokens) and delivered through the real service, the agency broker (mutual TLS)
# and the receiver, all on 127.0.0.1. It times the approval to the receiver's custody.json,
# checks the delivered file's sha256 against the manifest's and the segments' own, and prints
# bytes, seconds, MB/s, Mbit/s, the ratio to real time and the CPU seconds of the service.
#
#   benchmarks/footage/run.sh [--bitrate KBITS] [--minutes 10] [--runs 1] [--timeout 1800] [--keep]
#
# After ./deploy/setup.sh. The video is encoded once per bit rate (testsrc2 with noise, libx264
# ultrafast) into benchmarks/results/footage/ (git-ignored), where each run's configs, logs and
# what the receiver stored go too (the video itself is deleted unless --keep), and summary.md
# keeps the figures. Exit 0 when every delivery verified, 1 when one did not, 130 when
# interrupted; every process it started is stopped.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
case "${1:-}" in -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
for tool in mosquitto ffmpeg /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "footage: $tool is missing; run ./deploy/setup.sh" >&2; exit 2; }
done
./edgeingest --help >/dev/null   # builds the service once, before anything is timed

/usr/bin/python3 "$root/benchmarks/footage/footage.py" "$@" &
harness=$!
# The harness stops its children itself on SIGTERM/SIGINT; pass ours on to it, then wait for it.
trap 'kill -TERM "$harness" 2>/dev/null || true; wait "$harness" 2>/dev/null; exit 130' INT TERM HUP
wait "$harness"
