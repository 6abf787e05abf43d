#!/bin/sh
# run-in-gimp.sh: the main job, end to end.  Builds the plug-in (in ./build,
# or $BUILD_DIR), installs it into a fresh, throw-away GIMP2_DIRECTORY (the
# user's own GIMP settings are never touched), starts GIMP 2.10 in batch
# mode, opens IMAGE (default: the embedded sample data/coffee.png), runs
# plug-in-jpeg-artifacts on its active layer, exports the result as
# STEM-jpeg-artifacts.png beside IMAGE (or to --output), and prints the
# per-generation table the procedure returned.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}

usage ()
{
  cat <<EOF
Usage: $0 [OPTION]... [IMAGE]
Run the JPEG Artifacts plug-in inside GIMP 2.10 (batch mode) on IMAGE
(default: $top/data/coffee.png) and write STEM-jpeg-artifacts.png beside it.

Options (the procedure's parameters):
  --quality N          1 to 100 (default 30)
  --generations N      1 to 1000 (default 10)
  --subsampling MODE   444, 422, 420, 440 or 411 (default 420)
  --dct METHOD         accurate or fast (default accurate)
  --quality-jitter J   0 to 50 (default 0)
  --grid-drift S       0 to 7 (default 0)
  --seed N             (default 0)
  --output FILE        where to write the PNG instead
  -h, --help           show this help
EOF
}

fail ()
{
  echo "run-in-gimp.sh: $*" >&2
  exit 2
}

quality=30
generations=10
subsampling=2
dct=0
jitter=0
drift=0
seed=0
output=
image=$top/data/coffee.png

while [ $# -gt 0 ]; do
  case $1 in
    --quality) quality=${2:?--quality needs a value}; shift 2 ;;
    --generations) generations=${2:?--generations needs a value}; shift 2 ;;
    --subsampling)
      case ${2:-} in
        444) subsampling=0 ;; 422) subsampling=1 ;; 420) subsampling=2 ;;
        440) subsampling=3 ;; 411) subsampling=4 ;;
        *) fail "--subsampling takes 444, 422, 420, 440 or 411" ;;
      esac
      shift 2 ;;
    --dct)
      case ${2:-} in
        accurate) dct=0 ;; fast) dct=1 ;;
        *) fail "--dct takes accurate or fast" ;;
      esac
      shift 2 ;;
    --quality-jitter) jitter=${2:?--quality-jitter needs a value}; shift 2 ;;
    --grid-drift) drift=${2:?--grid-drift needs a value}; shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    --output) output=${2:?--output needs a file name}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) fail "unknown option $1 (see --help)" ;;
    *) image=$1; shift ;;
  esac
done

for n in "$quality" "$generations" "$jitter" "$drift" "$seed"; do
  case $n in
    ''|*[!0-9]*) fail "'$n' is not a whole number" ;;
  esac
done
[ -f "$image" ] || fail "no such image: $image"
image=$(cd "$(dirname "$image")" && pwd)/$(basename "$image")
if [ -z "$output" ]; then
  stem=${image%.*}
  output=$stem-jpeg-artifacts.png
fi
case $output in
  /*) ;;
  *) output=$(pwd)/$output ;;
esac

# Build the plug-in (quietly; the build's own errors still show).
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" >/dev/null
fi
meson compile -C "$build" plugin/gimp-jpeg-artifacts >/dev/null

gimp=$(command -v gimp-console-2.10 || command -v gimp-console) \
  || fail "gimp-console-2.10 not found (tools/setup-debian.sh installs it)"

work=$(mktemp -d "${TMPDIR:-/tmp}/jpeg-artifacts-gimp.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/plug-ins/gimp-jpeg-artifacts"
cp "$build/plugin/gimp-jpeg-artifacts" "$work/plug-ins/gimp-jpeg-artifacts/"

# Script-Fu strings: backslashes and double quotes escaped.
scheme_quote ()
{
  printf '"%s"' "$(printf '%s' "$1" | sed 's/[\\"]/\\&/g')"
}
log=$work/table.txt
result=$work/result.png

batch="
(let* ((img (car (gimp-file-load RUN-NONINTERACTIVE $(scheme_quote "$image")
                                 $(scheme_quote "$image"))))
       (layer (car (gimp-image-get-active-drawable img)))
       (r (plug-in-jpeg-artifacts RUN-NONINTERACTIVE img layer
                                  $quality $generations $subsampling $dct
                                  $jitter $drift $seed 0 0 0 0))
       (table (list-ref r 4))
       (port (open-output-file $(scheme_quote "$log"))))
  (display (list-ref r 1) port) (display \" \" port)
  (display (list-ref r 2) port) (newline port)
  (let loop ((i 0))
    (if (< i (vector-length table))
        (begin (display (vector-ref table i) port) (display \" \" port)
               (if (= (modulo (+ i 1) 5) 0) (newline port))
               (loop (+ i 1)))))
  (close-output-port port)
  (file-png-save2 RUN-NONINTERACTIVE img (list-ref r 0)
                  $(scheme_quote "$result") $(scheme_quote "$result")
                  0 9 0 0 0 0 0 0 1))
"

echo "GIMP: $(basename "$image"), quality $quality, $generations generation(s)"
if ! GIMP2_DIRECTORY=$work "$gimp" -i -n -d -f -s --console-messages \
       -b "$batch" -b '(gimp-quit 0)' >"$work/gimp.out" 2>&1 \
     || [ ! -s "$log" ] || [ ! -s "$result" ]; then
  cat "$work/gimp.out" >&2
  echo "run-in-gimp.sh: GIMP did not finish the job" >&2
  exit 1
fi

mv -f "$result" "$output"
awk -v out="$output" '
  NR == 1 { run = $1; fixed = $2; next }
  NR == 2 { printf "%10s %7s %3s %3s %14s %10s\n",
                   "generation", "quality", "dx", "dy", "pixels changed",
                   "PSNR (dB)" }
  { printf "%10d %7d %3d %3d %14d %10s\n", NR - 1, $1, $2, $3, $4,
           ($5 ~ /inf/ ? "inf" : sprintf("%.2f", $5)) }
  END {
    if (fixed > 0)
      printf "converged at generation %d: it changed no pixel, so every later generation is the same\n", fixed
    else
      printf "%d generation(s), not converged\n", run
    printf "wrote %s\n", out
  }' "$log"
