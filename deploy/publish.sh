#!/usr/bin/env bash
# Makes the appliance's installer: one archive, .build/publish/edgeingest-linux-x64.tar.gz, holding
# a self-contained linux-x64 build (no .NET runtime or SDK needed on the appliance), the models,
# install.sh, the systemd unit and the example configuration. On the appliance:
#   tar -xzf edgeingest-linux-x64.tar.gz && sudo ./edgeingest-linux-x64/install.sh
# Needs the .NET 10 SDK and the models (./deploy/setup.sh fetches them). The build runs on a copy
# of src/ under .build/publish/, so it never disturbs the development build in src/*/obj.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly NAME=edgeingest RID=linux-x64
out="$root/.build/publish"
stage="$out/$NAME-$RID"
source_copy="$out/source"
archive="$out/$NAME-$RID.tar.gz"
readonly MODELS=(
  plate-detector.onnx plate-recognizer.onnx plate-recognizer-keys.txt
  ch_PP-OCRv4_det_infer.onnx ch_PP-OCRv4_rec_infer.onnx ppocr_keys_v1.txt
)

say() { printf 'publish: %s\n' "$*" >&2; }
fail() { printf 'publish: error: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || fail "the .NET 10 SDK (dotnet) is not on PATH"
for m in "${MODELS[@]}"; do
  [ -f "$root/models/$m" ] || fail "models/$m is missing: run ./deploy/setup.sh first"
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
started=$(date +%s)

# The sources as git sees them (tracked and new files, ignored build output left out).
rm -rf "$source_copy" "$stage" "$archive"
mkdir -p "$source_copy"
(cd "$root" && git ls-files -z --cached --others --exclude-standard -- src Directory.Build.props Directory.Packages.props \
  | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
  | tar --null -T - -cf -) | tar -xf - -C "$source_copy"

say "building a self-contained $RID release (a few minutes on a small machine)"
log=$(mktemp)
if ! dotnet publish "$source_copy/src/EdgeIngest/EdgeIngest.csproj" -c Release -r "$RID" --self-contained true \
    -o "$stage/app" --nologo -v quiet >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"; fail "dotnet publish failed (errors above)"
fi
rm -f "$log"

mkdir -p "$stage/models" "$stage/systemd"
for m in "${MODELS[@]}"; do cp "$root/models/$m" "$stage/models/"; done
cp "$root/models/README.md" "$stage/models/"
# The plate layouts of each region (recognition.region), read at start like the models.
mkdir -p "$stage/models/regions"
cp "$root"/models/regions/*.txt "$stage/models/regions/"
(cd "$stage/models" && sha256sum "${MODELS[@]}" regions/*.txt > SHA256SUMS)
cp "$root/deploy/install.sh" "$stage/"
cp "$root/deploy/INSTALL.md" "$root/deploy/edgeingest.example.yaml" "$root/THIRD_PARTY_NOTICES.md" "$stage/"
cp "$root/deploy/systemd/$NAME.service" "$root/deploy/systemd/$NAME.tmpfiles" "$stage/systemd/"
version=$(cd "$root" && git describe --always --dirty 2>/dev/null || echo unknown)
printf '%s %s built %s\n' "$NAME" "$version" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$stage/VERSION"

tar -C "$out" -czf "$archive" "$NAME-$RID"
rm -rf "$source_copy"
say "$archive: $(du -m "$archive" | cut -f1) MB ($(du -sm "$stage" | cut -f1) MB unpacked), $(( $(date +%s) - started )) s"
printf '%s\n' "$archive"
