#!/usr/bin/env bash
# Runs the whole test suite (unit and integration: real mosquitto, RTSP camera simulator, ffmpeg,
# ONNX Runtime with the real models, all on loopback) and ends with the totals alone on a line:
#   N passed, N failed
# --faults runs only the fault suite (tests/EdgeIngest.Tests/Faults: the real processes killed with
# SIGKILL) and prints each scenario's figures from .test-artifacts/faults/ before the totals.
# Run deploy/setup.sh first (the README's test command does both).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export EDGEINGEST_HOME="$root" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$root/.test-artifacts/results"
rm -rf "$results"
filter=()
case "${1:-}" in
  --faults) filter=(--filter "FullyQualifiedName~EdgeIngest.Tests.Faults") ;;
  "") ;;
  *) echo "usage: tests/run.sh [--faults]"; exit 2 ;;
esac
rm -rf "$root/.test-artifacts/faults"

if ! dotnet build EdgeIngest.sln -c Release --nologo -v quiet -clp:ErrorsOnly; then
  echo "tests: the build failed (see the errors above)"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test tests/EdgeIngest.Tests -c Release --no-build --nologo "${filter[@]}" \
  --logger "console;verbosity=normal" --logger "trx;LogFileName=results.trx" --results-directory "$results" \
  -- RunConfiguration.TestSessionTimeout=3000000
status=$?

trx="$results/results.trx"
if [ ! -f "$trx" ]; then
  echo "tests: no results were written (the test host crashed or timed out; see above)"
  echo "0 passed, 1 failed"
  exit 1
fi
if compgen -G "$root/.test-artifacts/faults/*.json" >/dev/null; then
  echo "Fault suite figures (.test-artifacts/faults/):"
  sed -n 's/^  "summary": "\(.*\)",\{0,1\}$/  \1/p' "$root"/.test-artifacts/faults/*.json
  # A scenario that did not recover: the last lines of each process's log, so that a CI failure
  # can be traced from its output alone (the whole logs are next to the figures).
  for figures in $(grep -l '"recovered": false' "$root"/.test-artifacts/faults/*.json); do
    scenario="${figures%.json}"
    for log in service receiver broker; do
      if [ -f "$scenario/$log.log" ]; then
        echo "  $(basename "$scenario") $log.log, last lines:"
        tail -n 8 "$scenario/$log.log" | cut -c1-220 | sed 's/^/    /'
      fi
    done
  done
fi
counters=$(grep -o '<Counters [^>]*>' "$trx")
passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
errors=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(( ${failed:-0} + ${errors:-0} ))
if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.*testName="\([^"]*\)".*/  - \1/p' \
    | sed 's/&quot;/"/g; s/&apos;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
fi
echo "${passed:-0} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
