#!/usr/bin/env bash
# Runs the recognition benchmarks (per stage at 720p and 1080p, the whole per-frame path, 720p
# throughput, tracking, hotlist match, JPEG snapshots, the motion gate) with BenchmarkDotNet, in-process, and prints a summary:
#
#   benchmarks/run.sh            3 warm-up + 10 measured iterations per benchmark (a few minutes)
#   benchmarks/run.sh --short    BenchmarkDotNet's ShortRun: 3 warm-up + 3 measured
#
# BenchmarkDotNet's reports (markdown, CSV, HTML) go to benchmarks/results/results/, the figures
# in fixed units to benchmarks/results/figures.tsv and the summary to benchmarks/results/summary.md.
# Frames come from the project's own demo clip, cached in .test-artifacts/. The hit-latency
# benchmark (needs mosquitto) is separate: see benchmarks/README.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export EDGEINGEST_HOME="$root" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

job=default
case "${1:-}" in
  --short) job=short ;;
  "") ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

results="$root/benchmarks/results"
mkdir -p "$results"
rm -rf "$results/results"
figures="$results/figures.tsv"
rm -f "$figures"

dotnet build benchmarks/EdgeIngest.Benchmarks -c Release --nologo -v quiet -clp:ErrorsOnly
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
EDGEINGEST_BENCH_JOB=$job EDGEINGEST_BENCH_FIGURES="$figures" \
  dotnet benchmarks/EdgeIngest.Benchmarks/bin/Release/net10.0/EdgeIngest.Benchmarks.dll \
  --filter '*DetectionStage*' '*RecognitionStage*' '*PerFrame*' '*Throughput*' '*TrackingBenchmarks*' '*HotlistMatch*' '*SnapshotBenchmarks*' '*MotionGate*' \
  --artifacts "$results"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
machine="$(nproc) cores ($cpu), $(uname -sr), .NET $(dotnet --version)"
/usr/bin/env python3 - "$figures" "$job" "$started" "$machine" "$load_before" "$load_after" <<'PY' | tee "$results/summary.md"
import csv, sys
path, job, started, machine, load_before, load_after = sys.argv[1:]
rows = list(csv.DictReader(open(path), delimiter="\t"))

def size(b):
    return "-" if b == "" else (f"{int(b):,} B" if int(b) < 10_000 else f"{int(b) / 1024:,.0f} KB")

def ms(v):
    v = float(v)
    return f"{v * 1e6:,.0f} ns" if v < 0.001 else (f"{v * 1e3:,.1f} µs" if v < 1 else f"{v:,.2f} ms")

print(f"Recognition benchmarks — {started}, job {'ShortRun (3+3)' if job == 'short' else '3 warm-up + 10 measured'}, in-process")
print(f"Machine: {machine}; load average (1/5/15 min) before {load_before}, after {load_after}")
print()
# Pipeline order, whatever order BenchmarkDotNet ran the classes in.
order = ["DetectionStageBenchmarks", "RecognitionStageBenchmarks", "PerFrameBenchmarks", "ThroughputBenchmark",
         "TrackingBenchmarks", "HotlistMatchBenchmark", "SnapshotBenchmarks", "MotionGateBenchmarks"]
rows.sort(key=lambda r: order.index(r["class"]) if r["class"] in order else len(order))
stages = {}
for r in rows:
    height = r["parameters"].strip("[]").replace("Height=", "")
    stages.setdefault(r["benchmark"], {})[height] = r
print("| Stage | 720p mean | 720p median | 1080p mean | 1080p median | Allocated per op |")
print("|---|---:|---:|---:|---:|---:|")
for name, by in stages.items():
    if "" in by:
        x = by[""]
        print(f"| {name} | {ms(x['mean_ms'])} | {ms(x['median_ms'])} | | | {size(x['allocated_bytes'])} |")
    else:
        a, b = by.get("720"), by.get("1080")
        alloc = " / ".join(dict.fromkeys(size(x["allocated_bytes"]) for x in (a, b) if x))
        cells = [ms(x[k]) if x else "-" for x in (a, b) for k in ("mean_ms", "median_ms")]
        print(f"| {name} | {' | '.join(cells)} | {alloc} |")

def mean(name, height):
    row = stages.get(name, {}).get(height)
    return float(row["mean_ms"]) if row else None

print()
t = mean("throughput: 720p frames end to end", "")
if t:
    print(f"- Throughput: {1000 / t:.1f} frames/s at 720p, every frame through detection (1 / mean of {t:.1f} ms).")

# Overhead over raw inference, two ways. Directly: whole path minus the same frame's model runs
# (one detector run + one recogniser run per box read), measured seconds apart on a shared box,
# so load swings can even make it negative. From the stages: the non-model stages' sum over
# that sum plus the model runs, which does not depend on the two whole-path runs agreeing.
for label, whole, models, recognitions in (
        ("with a plate", "whole path: Recognize(frame with a plate)", "models alone: frame with a plate", 1),
        ("without a plate", "whole path: Recognize(frame without a plate)", "models alone: frame without a plate", 0)):
    for height in ("720", "1080"):
        w, m = mean(whole, height), mean(models, height)
        if w and m:
            print(f"- Overhead, {height}p frame {label}, direct: {w:.1f} ms whole − {m:.1f} ms models = {w - m:.1f} ms ({100 * (w - m) / w:.1f} % of the whole).")
        parts = [mean(n, height) for n in ("detector preprocessing (resize + normalise)", "DB post-processing", "detector inference (ORT run)",
                                           "recogniser preprocessing (crop + resize + normalise)", "CTC decoding", "candidate filtering",
                                           "recogniser inference (ORT run)")]
        if all(p is not None for p in parts):
            dpre, post, dinf, rpre, ctc, filt, rinf = parts
            rest = dpre + post + filt + recognitions * (rpre + ctc)
            model = dinf + recognitions * rinf
            print(f"- Overhead, {height}p frame {label}, from the stages: {rest:.2f} ms outside the models vs {model:.1f} ms in them ({100 * rest / (rest + model):.1f} %).")
PY
