#!/usr/bin/env bash
# Renders the demo camera clip: a grey road seen from the side, six cars crossing one after
# another, each with a white US-style licence plate in black DejaVu Sans Bold, large enough for
# the plate reader (capital height ≈ 41 px). 1280×720, 15 fps, H.264 yuv420p, a keyframe every
# second (clips are later cut at keyframes), 40 s, no other text on screen (a timestamp overlay
# would be read as a plate).
#
#   make-demo-video.sh OUT.mp4     render the clip (deterministic; written to a temp file, then moved)
#   make-demo-video.sh --list      print the plates and their time windows (tab-separated)
#
# The plate list and the timing below are the single source of truth: the demo hotlist and the
# tests take plates and windows from `--list`.
set -euo pipefail
# shellcheck source=clip-parts.sh
source "$(dirname "${BASH_SOURCE[0]}")/clip-parts.sh"

# --- The cars: one plate each, in order of appearance. -----------------------------------------
PLATES=(7ABC123 KXT4821 8GHJ552 LPR2024 3MNO987 TRK5150)
CAR_COLOURS=(0xB22222 0x1E5AA8 0x2E8B57 0xD08A10 0x6A3D9A 0x505860)

FIRST_CAR_S=0.5      # when the first car's nose enters the frame
CAR_SPACING_S=6.5    # one car enters this long after the previous one
CROSS_S=6            # time from the nose entering to the tail leaving
DURATION_S=40

# --- Geometry (pixels). -------------------------------------------------------------------------
WIDTH=1280
HEIGHT=720
FPS=15
CAR_W=460
CAR_H=230
CAR_Y=380            # top of the car body sprite
PLATE_W=320
PLATE_H=80
PLATE_X=70           # plate position inside the car sprite (centred horizontally)
PLATE_Y=100
FONT_SIZE=56         # DejaVu Sans Bold capitals are 0.73 em: ≈ 41 px tall
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

# Car i enters at FIRST_CAR_S + i*CAR_SPACING_S and moves right at a constant speed.
enter_s() { awk -v f="$FIRST_CAR_S" -v g="$CAR_SPACING_S" -v i="$1" 'BEGIN { printf "%.3f", f + i * g }'; }

list_windows() {
  local v i start
  v=$(car_speed)
  printf 'plate\tenters_s\tleaves_s\tplate_fully_visible_from_s\tplate_fully_visible_to_s\n'
  for i in "${!PLATES[@]}"; do
    start=$(enter_s "$i")
    # The plate's left edge is at x = -CAR_W + PLATE_X + v*(t-start); it is fully in frame while
    # that edge lies in [0, WIDTH - PLATE_W].
    awk -v p="${PLATES[$i]}" -v s="$start" -v v="$v" -v cross="$CROSS_S" -v cw="$CAR_W" \
        -v px="$PLATE_X" -v pw="$PLATE_W" -v w="$WIDTH" 'BEGIN {
      from = s + (cw - px) / v; to = s + (w - pw + cw - px) / v;
      printf "%s\t%.2f\t%.2f\t%.2f\t%.2f\n", p, s, s + cross, from, to }'
  done
}

render() {
  local out=$1 graph inputs i
  [ -r "$FONT" ] || { echo "make-demo-video: font not found: $FONT (install fonts-dejavu-core)" >&2; exit 1; }

  # Background: grass verge, grey road, darker lane band, a white edge line.
  graph="[0:v]drawbox=x=0:y=300:w=${WIDTH}:h=380:color=0x6E6E6E:t=fill,"
  graph+="drawbox=x=0:y=420:w=${WIDTH}:h=150:color=0x4A4A4A:t=fill,"
  graph+="drawbox=x=0:y=640:w=${WIDTH}:h=6:color=0xE0E0E0:t=fill[bg0];"
  inputs=(-f lavfi -i "color=c=0x5B7F3A:s=${WIDTH}x${HEIGHT}:r=${FPS}:d=${DURATION_S}")

  for i in "${!PLATES[@]}"; do
    inputs+=(-f lavfi -i "color=c=${CAR_COLOURS[$i]}:s=${CAR_W}x${CAR_H}:r=${FPS}:d=${DURATION_S}")
    graph+=$(car_sprite $((i + 1)) "car$i" "${PLATES[$i]}")
  done

  for i in "${!PLATES[@]}"; do
    graph+=$(drive_across "bg$i" "car$i" "$(enter_s "$i")")
    if (( i + 1 < ${#PLATES[@]} )); then graph+="[bg$((i + 1))];"; else graph+="[out]"; fi
  done

  encode_clip "$out" $((DURATION_S * FPS)) "$graph" "${inputs[@]}"
}

case "${1:-}" in
  --list) list_windows ;;
  ""|-h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; [ -n "${1:-}" ] ;;
  *) render "$1" ;;
esac
