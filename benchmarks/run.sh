#!/usr/bin/env bash
# Runs the recognition benchmarks (per stage at 720p and 1080p: plate detector, character-band
# refiner, recogniser, text detector; the whole per-frame path with either finder, 720p throughput,
# tracking, hotlist match on 1M entries (and its 1 ms gate: exit 1 when missed), hotlist build and
# delta, JPEG snapshots, the motion gate) with BenchmarkDotNet, in-process, and
# prints a summary:
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
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

results="$root/benchmarks/results"
mkdir -p "$results"
rm -rf "$results/results"
figures="$results/figures.tsv"
rm -f "$figures"

status=0
dotnet build benchmarks/EdgeIngest.Benchmarks -c Release --nologo -v quiet -clp:ErrorsOnly
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
EDGEINGEST_BENCH_JOB=$job EDGEINGEST_BENCH_FIGURES="$figures" \
  dotnet benchmarks/EdgeIngest.Benchmarks/bin/Release/net10.0/EdgeIngest.Benchmarks.dll \
  --filter '*PlateDetectionStage*' '*RefinementStage*' '*RecognitionStage*' '*TextDetectionStage*' '*PerFrame*' '*Throughput*' '*TrackingBenchmarks*' '*HotlistMatch*' '*HotlistBuild*' '*SnapshotBenchmarks*' '*MotionGate*' \
  --artifacts "$results" || status=$?  # 1: the hotlist gate failed; the summary still prints
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
order = ["PlateDetectionStageBenchmarks", "RefinementStageBenchmarks", "RecognitionStageBenchmarks", "TextDetectionStageBenchmarks",
         "PerFrameBenchmarks", "ThroughputBenchmark", "TrackingBenchmarks", "HotlistMatchBenchmark", "HotlistBuildBenchmark", "SnapshotBenchmarks", "MotionGateBenchmarks"]
rows.sort(key=lambda r: order.index(r["class"]) if r["class"] in order else len(order))
stages = {}
for r in rows:
    # "[Finder=Plate, Height=720]": the height picks the column, any other parameter names the row.
    parameters = dict(p.split("=", 1) for p in r["parameters"].strip("[]").split(", ") if "=" in p)
    height = parameters.pop("Height", "")
    name = r["benchmark"] + "".join(f" — {v.lower()} {k.lower()}" for k, v in parameters.items())
    stages.setdefault(name, {})[height] = r
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
t = mean("throughput: 720p frames end to end (plate finder)", "")
if t:
    print(f"- Throughput: {1000 / t:.1f} frames/s at 720p with the plate finder, every frame through detection (1 / mean of {t:.1f} ms).")

# Overhead over raw inference, two ways. Directly: whole path minus the same frame's model runs
# (one finder run, one refiner run per candidate refined, one recogniser run per read),
# measured seconds apart on a shared box, so load swings can even make it negative. From the
# stages (default path only): the non-model stages' sum over that sum plus the model runs, which
# does not depend on the two whole-path runs agreeing. PerFrameBenchmarks' setup fails unless the
# plate finder takes 1 refinement + 1 recognition with a plate (the demo plate's band reads all 7
# characters surely, so it is neither widened nor reframed) and none without, as assumed here.
for finder in ("plate", "text"):
    for label, whole, models, (refines, reads) in (
            ("with a plate", "whole path: Recognize(frame with a plate)", "models alone: frame with a plate", (1, 1)),
            ("without a plate", "whole path: Recognize(frame without a plate)", "models alone: frame without a plate", (0, 0))):
        for height in ("720", "1080"):
            w, m = mean(f"{whole} — {finder} finder", height), mean(f"{models} — {finder} finder", height)
            if w and m:
                print(f"- Overhead, {finder} finder, {height}p frame {label}, direct: {w:.1f} ms whole − {m:.1f} ms models = {w - m:.1f} ms ({100 * (w - m) / w:.1f} % of the whole).")
            if finder != "plate":
                continue
            parts = [mean(n, height) for n in ("plate detector preprocessing (letterbox 640×384)", "plate detector decoding (peaks + NMS)",
                                               "candidate rules (box, band, text, regional fit)",
                                               "refiner preprocessing (window → 320×128)", "refiner post-processing (DB + band)",
                                               "recogniser preprocessing (crop + resize + normalise)", "CTC decoding",
                                               "plate detector inference (ORT run, 640×384)", "refiner inference (ORT run, 320×128)",
                                               "recogniser inference (ORT run)")]
            if all(p is not None for p in parts):
                ppre, ppost, rules, fpre, fpost, rpre, ctc, pinf, finf, rinf = parts
                rest = ppre + ppost + refines * (rules + fpre + fpost) + reads * (rpre + ctc)
                model = pinf + refines * finf + reads * rinf
                print(f"- Overhead, plate finder, {height}p frame {label}, from the stages: {rest:.2f} ms outside the models vs {model:.1f} ms in them ({100 * rest / (rest + model):.1f} %).")
PY
exit "$status"
