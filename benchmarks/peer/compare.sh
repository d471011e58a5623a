#!/usr/bin/env bash
# Side by side with a peer: the same annotated images through Guten OCR (@gutenye/ocr-node,
# PaddleOCR PP-OCRv4 on onnxruntime-node) and through `edgeingest eval`, one after the other.
#
#   benchmarks/peer/compare.sh [DIR]      DIR: an OpenALPR-annotated folder
#                                         (default: ../shared/datasets/openalpr-benchmarks/us)
#
# Prints exact-plate accuracy, median ms per image and peak resident memory of each engine, the
# ratios, and the load average; writes both engines' raw JSON to benchmarks/results/peer-<date>.json.
# The peer is a benchmark-only dev dependency, installed into benchmarks/peer/node_modules
# (git-ignored) from the pinned package-lock.json; nothing of it ships.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
results="$root/benchmarks/results"

say() { printf 'compare: %s\n' "$*" >&2; }
fail() { printf 'compare: error: %s\n' "$*" >&2; exit 1; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

[ $# -le 1 ] || fail "usage: benchmarks/peer/compare.sh [DIR]"
dir=${1:-"$root/../shared/datasets/openalpr-benchmarks/us"}
[ -d "$dir" ] || fail "evaluation folder not found: $dir"
dir=$(cd "$dir" && pwd)
compgen -G "$dir/*.txt" >/dev/null || fail "no OpenALPR annotations (*.txt) in $dir"

command -v node >/dev/null || fail "node is not on PATH (Node.js 18 or later is needed for the peer; deploy/setup.sh installs it)"
command -v npm >/dev/null || fail "npm is not on PATH (it comes with Node.js; deploy/setup.sh installs it)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || fail "node $(node --version) is too old; the peer needs Node.js 18 or later"

# --- install the peer (pinned by package-lock.json; no install scripts run) ----------------------
install_log=$(mktemp)
trap 'rm -f "$install_log"' EXIT
if [ ! -f "$here/package-lock.json" ]; then
  say "installing the peer (npm install --ignore-scripts; writes package-lock.json)"
  (cd "$here" && npm install --ignore-scripts --no-audit --no-fund >"$install_log" 2>&1) \
    || { cat "$install_log" >&2; fail "npm install in benchmarks/peer failed (output above)"; }
elif [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  say "installing the peer (npm ci --ignore-scripts)"
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund >"$install_log" 2>&1) \
    || { cat "$install_log" >&2; fail "npm ci in benchmarks/peer failed (output above)"; }
  touch "$here/node_modules/.package-lock.json"
fi
# onnxruntime-node ships its native binding and libonnxruntime.so.1 inside the npm tarball (its
# install script only fetches optional CUDA/TensorRT parts), so --ignore-scripts leaves it usable;
# sharp's libvips comes as the optional package @img/sharp-linux-x64. Check both load before timing.
(cd "$here" && node --input-type=module -e "await import('onnxruntime-node'); await import('sharp')" >"$install_log" 2>&1) \
  || { cat "$install_log" >&2; fail "the peer's native parts (onnxruntime-node, sharp) do not load on this machine (output above); rm -rf benchmarks/peer/node_modules and rerun"; }

# --- build EdgeIngest before anything is measured -------------------------------------------------
"$root/edgeingest" --help >/dev/null || fail "./edgeingest does not build or run (see above)"

# --- measure ---------------------------------------------------------------------------------------
# run_measured STDOUT_FILE PEAK_KB_FILE COMMAND...: runs COMMAND with its stdout to STDOUT_FILE and
# writes its peak resident set size in KiB to PEAK_KB_FILE.
run_measured() {
  local out=$1 peak=$2; shift 2
  if [ -x /usr/bin/time ]; then
    local timing; timing=$(mktemp)
    if ! /usr/bin/time -v -o "$timing" "$@" >"$out"; then
      rm -f "$timing"; return 1
    fi
    awk -F': *' '/Maximum resident set size/ { print $2 }' "$timing" >"$peak"
    rm -f "$timing"
  else
    # No GNU time: poll VmHWM (the kernel's own high-water mark) while the process runs.
    "$@" >"$out" &
    local pid=$! hwm=0 now
    while kill -0 "$pid" 2>/dev/null; do
      now=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$now" ] && [ "$now" -gt "$hwm" ] && hwm=$now
      sleep 0.2
    done
    wait "$pid" || return 1
    echo "$hwm" >"$peak"
  fi
}

mkdir -p "$results"
work=$(mktemp -d)
trap 'rm -f "$install_log"; rm -rf "$work"' EXIT
images=$(find "$dir" -maxdepth 1 -name '*.txt' | wc -l)

load_start=$(loadavg)
say "load average $load_start on $(nproc) cores; Guten OCR over $images annotated images in $dir ..."
run_measured "$work/peer.json" "$work/peer.kb" node "$here/peer.mjs" "$dir" \
  || fail "the peer run failed (node benchmarks/peer/peer.mjs $dir)"
load_between=$(loadavg)
say "load average $load_between; EdgeIngest over the same images ..."
run_measured "$work/edgeingest.json" "$work/edgeingest.kb" "$root/edgeingest" eval "$dir" --json \
  || fail "the EdgeIngest run failed (./edgeingest eval $dir --json; output above)"
load_end=$(loadavg)
say "load average $load_end"

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null | head -1 || true)
stamp=$(date +%Y-%m-%d-%H%M%S)
report="$results/peer-$stamp.json"

COMMIT=$commit${dirty:+ (with uncommitted changes)} DATASET=$dir CORES=$(nproc) ROOT=$root \
LOAD_START=$load_start LOAD_BETWEEN=$load_between LOAD_END=$load_end \
  node --input-type=module - "$work" "$report" <<'EOF'
import fs from 'node:fs'
const [work, report] = process.argv.slice(2)
const env = process.env
const read = (name) => JSON.parse(fs.readFileSync(work + '/' + name, 'utf8').trim().split('\n').pop())
const peakMb = (name) => Math.round(Number(fs.readFileSync(work + '/' + name, 'utf8').trim()) / 1024)
const peer = { ...read('peer.json'), peak_rss_mb: peakMb('peer.kb') }
const edge = { ...read('edgeingest.json'), peak_rss_mb: peakMb('edgeingest.kb') }
if (peer.images !== edge.images || peer.plates !== edge.plates) {
  console.error('compare: warning: the engines saw different sets: peer ' + peer.images + ' images / ' + peer.plates +
    ' plates, EdgeIngest ' + edge.images + ' / ' + edge.plates)
}
const ratios = {
  speed_up: +(peer.median_ms / edge.median_ms).toFixed(2),
  memory_ratio: +(edge.peak_rss_mb / peer.peak_rss_mb).toFixed(2),
  accuracy_points: +((edge.accuracy - peer.accuracy) * 100).toFixed(1),
}
const all = {
  date: new Date().toISOString(),
  commit: env.COMMIT,
  dataset: env.DATASET,
  cores: Number(env.CORES),
  load_average: { before: env.LOAD_START, between: env.LOAD_BETWEEN, after: env.LOAD_END },
  peer, edgeingest: edge, ratios,
}
fs.writeFileSync(report, JSON.stringify(all, null, 2) + '\n')

const pct = (x) => (x * 100).toFixed(1) + ' %'
const rows = [
  ['engine', 'exact plates', 'detection', 'median ms/image', 'peak memory MB'],
  ['Guten OCR 1.4.8 (peer)', pct(peer.accuracy) + ' (' + peer.exact_reads + '/' + peer.plates + ')', pct(peer.detection_recall),
    peer.median_ms.toFixed(1), String(peer.peak_rss_mb)],
  ['EdgeIngest ' + all.commit, pct(edge.accuracy) + ' (' + edge.exact_reads + '/' + edge.plates + ')', pct(edge.detection_recall),
    edge.median_ms.toFixed(1), String(edge.peak_rss_mb)],
]
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)))
for (const r of rows) console.log(r.map((cell, c) => c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])).join('  '))
console.log('')
console.log('EdgeIngest vs peer: ' + ratios.speed_up + 'x faster (median), ' + ratios.memory_ratio + 'x the peak memory, ' +
  (ratios.accuracy_points >= 0 ? '+' : '') + ratios.accuracy_points + ' points of exact-plate accuracy')
console.log('peer: mean ' + peer.mean_ms.toFixed(1) + ' ms/image, model load ' + peer.load_ms.toFixed(0) + ' ms; with EdgeIngest\'s ' +
  'current character rule (lower case dropped, not folded) ' + pct(peer.strict_characters.accuracy))
console.log('load average (1/5/15 min) on ' + all.cores + ' cores: before ' + all.load_average.before + ', between ' +
  all.load_average.between + ', after ' + all.load_average.after)
console.log('raw JSON: ' + report.replace(env.ROOT + '/', ''))
EOF
