# Shared by the clip scripts in this folder (sourced, not run): the car sprite with its plate,
# the overlay that drives cars across, and the deterministic H.264 encode. Each script sets
# WIDTH, HEIGHT, FPS, CAR_W, CAR_H, CAR_Y, CROSS_S, PLATE_X, PLATE_Y, PLATE_W, PLATE_H,
# FONT_SIZE and FONT before calling these.

# car_sprite INPUT LABEL PLATE: the filter that draws, on lavfi input INPUT (a CAR_W×CAR_H colour
# clip), dark windows, wheels, a white plate with a thin dark border and PLATE in black, centred;
# the result is [LABEL].
car_sprite() {
  local input=$1 label=$2 plate=$3 graph
  graph="[${input}:v]"
  graph+="drawbox=x=60:y=0:w=300:h=70:color=0x20262E:t=fill,"
  graph+="drawbox=x=40:y=190:w=80:h=40:color=0x111111:t=fill,"
  graph+="drawbox=x=340:y=190:w=80:h=40:color=0x111111:t=fill,"
  graph+="drawbox=x=${PLATE_X}:y=${PLATE_Y}:w=${PLATE_W}:h=${PLATE_H}:color=white:t=fill,"
  graph+="drawbox=x=${PLATE_X}:y=${PLATE_Y}:w=${PLATE_W}:h=${PLATE_H}:color=0x202020:t=3,"
  graph+="drawtext=fontfile=${FONT}:text=${plate}:fontsize=${FONT_SIZE}:fontcolor=black:"
  graph+="x=${PLATE_X}+(${PLATE_W}-text_w)/2:y=${PLATE_Y}+(${PLATE_H}-text_h)/2[${label}];"
  printf '%s' "$graph"
}

# car_speed: pixels per second for a car to cross from just off the left edge to just off the right in CROSS_S.
car_speed() { awk -v w="$WIDTH" -v c="$CAR_W" -v s="$CROSS_S" 'BEGIN { printf "%.6f", (w + c) / s }'; }

# drive_across BACKGROUND CAR START: the overlay of [CAR] on [BACKGROUND] entering at START
# seconds and leaving CROSS_S later, moving right at car_speed (no output label: the caller adds one).
drive_across() {
  local background=$1 car=$2 start=$3 v end
  v=$(car_speed)
  end=$(awk -v s="$start" -v c="$CROSS_S" 'BEGIN { printf "%.3f", s + c }')
  printf '%s' "[${background}][${car}]overlay=x='-${CAR_W}+(t-${start})*${v}':y=${CAR_Y}:enable='between(t,${start},${end})'"
}

# encode_clip OUT FRAMES GRAPH INPUT...: renders GRAPH's [out] to OUT as H.264 yuv420p, a keyframe
# every second (clips are cut at keyframes), bit-exact and without metadata (the same script gives
# the same bytes), written to a temporary file first and then moved into place.
encode_clip() {
  local out=$1 frames=$2 graph=$3 dir tmp
  shift 3
  dir=$(dirname "$out")
  mkdir -p "$dir"
  tmp=$(mktemp "$dir/.clip.XXXXXX.mp4")
  trap 'rm -f "$tmp"' EXIT
  ffmpeg -nostdin -hide_banner -loglevel error -y "$@" \
    -filter_complex "$graph" -map '[out]' -frames:v "$frames" \
    -c:v libx264 -preset veryfast -crf 26 -pix_fmt yuv420p -threads 2 \
    -g "$FPS" -keyint_min "$FPS" -sc_threshold 0 \
    -map_metadata -1 -fflags +bitexact -flags:v +bitexact -movflags +faststart \
    "$tmp"
  chmod 644 "$tmp"
  mv -f "$tmp" "$out"
  trap - EXIT
}
