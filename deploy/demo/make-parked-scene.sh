#!/usr/bin/env bash
# Renders a test scene for stopped vehicles: a car parked across the road for the whole clip, its
# plate small and soft (capital height ≈ 17 px, slightly blurred: each read of it differs a
# little), and three cars with large plates driving past in front of it, hiding it as they pass.
# 1280×720, 15 fps, H.264, a keyframe every second, 30 s; no car is moving at the clip's start or
# end, so the clip loops without a jump.
#
#   make-parked-scene.sh OUT.mp4     render the clip (deterministic)
#   make-parked-scene.sh --list      print the plates, where the parked one stands and when the others pass
set -euo pipefail
# shellcheck source=clip-parts.sh
source "$(dirname "${BASH_SOURCE[0]}")/clip-parts.sh"

PARKED_PLATE=4KLM219
PARKED_X=760         # the parked car sprite's top-left corner
PARKED_Y=300
PASSING=(KXT4821 LPR2024 TRK5150)
PASSING_COLOURS=(0x1E5AA8 0x2E8B57 0xD08A10)
FIRST_PASS_S=4
PASS_SPACING_S=8
CROSS_S=6
DURATION_S=30

WIDTH=1280
HEIGHT=720
FPS=15
CAR_W=460
CAR_H=230
CAR_Y=380
PLATE_X=70           # the passing cars' plates, inside their sprite
PLATE_Y=100
PLATE_W=320
PLATE_H=80
FONT_SIZE=56
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

enter_s() { awk -v f="$FIRST_PASS_S" -v g="$PASS_SPACING_S" -v i="$1" 'BEGIN { printf "%.3f", f + i * g }'; }

list() {
  local i
  printf 'plate\tkind\tenters_s\tleaves_s\tplate_x\tplate_y\n'
  # The parked car's plate: 150×40 at (PARKED_X + 65, PARKED_Y + 95).
  printf '%s\tparked\t0\t%s\t%s\t%s\n' "$PARKED_PLATE" "$DURATION_S" $((PARKED_X + 65)) $((PARKED_Y + 95))
  for i in "${!PASSING[@]}"; do
    start=$(enter_s "$i")
    printf '%s\tpassing\t%s\t%s\t-\t-\n' "${PASSING[$i]}" "$start" "$(awk -v s="$start" -v c="$CROSS_S" 'BEGIN { printf "%.3f", s + c }')"
  done
}

render() {
  local out=$1 graph inputs i
  [ -r "$FONT" ] || { echo "make-parked-scene: font not found: $FONT (install fonts-dejavu-core)" >&2; exit 1; }
  graph="[0:v]drawbox=x=0:y=260:w=${WIDTH}:h=420:color=0x6E6E6E:t=fill,"
  graph+="drawbox=x=0:y=420:w=${WIDTH}:h=150:color=0x4A4A4A:t=fill,"
  graph+="drawbox=x=0:y=640:w=${WIDTH}:h=6:color=0xE0E0E0:t=fill[bg];"
  inputs=(-f lavfi -i "color=c=0x5B7F3A:s=${WIDTH}x${HEIGHT}:r=${FPS}:d=${DURATION_S}")

  # The parked car, seen from behind and further away: a 280×150 sprite, its plate 150×40.
  inputs+=(-f lavfi -i "color=c=0x8A8F96:s=280x150:r=${FPS}:d=${DURATION_S}")
  graph+="[1:v]drawbox=x=30:y=0:w=220:h=55:color=0x20262E:t=fill,"
  graph+="drawbox=x=65:y=95:w=150:h=40:color=0xE8E8E8:t=fill,"
  graph+="drawbox=x=65:y=95:w=150:h=40:color=0x303030:t=2,"
  graph+="drawtext=fontfile=${FONT}:text=${PARKED_PLATE}:fontsize=23:fontcolor=0x202020:"
  graph+="x=65+(150-text_w)/2:y=95+(40-text_h)/2,boxblur=1:1[parked];"
  graph+="[bg][parked]overlay=x=${PARKED_X}:y=${PARKED_Y}[bg0];"

  for i in "${!PASSING[@]}"; do
    inputs+=(-f lavfi -i "color=c=${PASSING_COLOURS[$i]}:s=${CAR_W}x${CAR_H}:r=${FPS}:d=${DURATION_S}")
    graph+=$(car_sprite $((i + 2)) "car$i" "${PASSING[$i]}")
  done

  for i in "${!PASSING[@]}"; do
    graph+=$(drive_across "bg$i" "car$i" "$(enter_s "$i")")
    if (( i + 1 < ${#PASSING[@]} )); then graph+="[bg$((i + 1))];"; else graph+="[out]"; fi
  done

  encode_clip "$out" $((DURATION_S * FPS)) "$graph" "${inputs[@]}"
}

case "${1:-}" in
  --list) list ;;
  ""|-h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; [ -n "${1:-}" ] ;;
  *) render "$1" ;;
esac
