#!/bin/sh
# run-in-gimp.sh: the main job, end to end.  Builds the plug-in (in ./build,
# or $BUILD_DIR), installs it into a fresh, throw-away GIMP2_DIRECTORY,
# where GIMP's temporary and cache folders go too (the user's own GIMP
# settings, home and TMPDIR are never touched), starts GIMP 2.10 in batch
# mode, opens IMAGE (default: the embedded sample data/coffee.png), runs
# plug-in-jpeg-artifacts on its active layer, exports the result as
# STEM-jpeg-artifacts.png beside IMAGE (or to --output), and prints the
# per-generation table the procedure returned.  While another run
# (run-tests.sh, or run-in-gimp.sh) uses the build folder, it says which,
# once, and waits.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

# The clone's folder, also when this script is reached through a link.
top=$(cd "$(dirname -- "$(readlink -f -- "$0")")/.." && pwd)
build=${BUILD_DIR:-$top/build}
# One run at a time in a build folder (lock_build), with run-tests.sh's.
. "$top/tools/build-lock.sh"

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
  --dct METHOD         accurate, fast or float (default accurate)
  --quality-jitter J   0 to 50 (default 0)
  --grid-drift S       0 to 7 (default 0)
  --seed N             0 to 2147483647 (default 0)
  --output FILE        where to write the PNG instead
  -h, --help           show this help
  --                   the next argument is IMAGE, even if it starts with -
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
image=

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
        accurate) dct=0 ;; fast) dct=1 ;; float) dct=2 ;;
        *) fail "--dct takes accurate, fast or float" ;;
      esac
      shift 2 ;;
    --quality-jitter) jitter=${2:?--quality-jitter needs a value}; shift 2 ;;
    --grid-drift) drift=${2:?--grid-drift needs a value}; shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    --output) output=${2:?--output needs a file name}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) [ $# -eq 2 ] || fail "one IMAGE after -- (see --help)"
        [ -z "$image" ] || fail "one IMAGE only, not also $2"
        image=$2; shift 2 ;;
    -*) fail "unknown option $1 (see --help)" ;;
    *) [ -z "$image" ] || fail "one IMAGE only, not also $1"
       image=$1; shift ;;
  esac
done
[ -n "$image" ] || image=$top/data/coffee.png

# NAME VALUE LOW HIGH: VALUE is a whole number from LOW to HIGH (checked
# as text first: the shell's arithmetic wraps past 64 bits).
in_range ()
{
  case $2 in
    ''|*[!0-9]*) fail "$1 '$2' is not a whole number" ;;
  esac
  n=$(printf '%s' "$2" | sed 's/^0*//')
  [ ${#n} -le 10 ] && [ "${n:-0}" -ge "$3" ] && [ "${n:-0}" -le "$4" ] \
    || fail "$1 is $2; it takes $3 to $4"
}
in_range --quality "$quality" 1 100
in_range --generations "$generations" 1 1000
in_range --quality-jitter "$jitter" 0 50
in_range --grid-drift "$drift" 0 7
in_range --seed "$seed" 0 2147483647
[ -f "$image" ] || fail "no such image: $image"
folder=$(cd "$(dirname -- "$image")" && pwd)
image=$folder/$(basename -- "$image")
if [ -z "$output" ]; then
  # The suffix of the file's name only, not a dot in a folder's.
  name=$(basename -- "$image")
  stem=${name%.*}
  output=$folder/${stem:-$name}-jpeg-artifacts.png
fi
case $output in
  /*) ;;
  *) output=$(pwd)/$output ;;
esac
# Where the result goes, checked before the build and GIMP's run.
[ ! -d "$output" ] || fail "--output $output is a folder; give a file name"
outdir=$(dirname -- "$output")
[ -d "$outdir" ] || fail "no folder $outdir to write $(basename -- "$output") in"
[ -w "$outdir" ] \
  || fail "cannot write into $outdir; give --output a file in a folder you can write in"

# The build folder, or the folder it is to be made in (a read-only clone
# needs BUILD_DIR elsewhere).
writes=$build
while [ ! -e "$writes" ]; do
  writes=$(dirname -- "$writes")
done
if [ ! -d "$writes" ] || [ ! -w "$writes" ]; then
  fail "cannot write in $writes to build the plug-in; set BUILD_DIR to a folder you can write in"
fi

gimp=$(command -v gimp-console-2.10 || command -v gimp-console) \
  || fail "gimp-console-2.10 not found (tools/setup-debian.sh installs it)"

work=$(mktemp -d "${TMPDIR:-/tmp}/jpeg-artifacts-gimp.XXXXXX")
gimp_pid=
# A signal ends GIMP's run too (in the background, GIMP ignores Ctrl-C),
# then the script, whose EXIT trap removes the work folder.
stop ()
{
  [ -z "$gimp_pid" ] || kill "$gimp_pid" 2>/dev/null || true
  [ -z "$build_lock_wait" ] || kill "$build_lock_wait" 2>/dev/null || true
  exit "$1"
}
trap 'unlock_build; rm -rf "$work"' EXIT
trap 'stop 130' INT
trap 'stop 143' TERM

# Build the plug-in (quietly: its output shows when it fails), one run at
# a time per build folder (two first runs would both set it up), run-tests.sh's
# too: under the build folder's lock (tools/build-lock.sh), held until the
# plug-in is copied.
lock_build "$build" run-in-gimp.sh
if ! sh -c '
     [ -f "$1/build.ninja" ] || meson setup "$1" "$2" || exit 1
     meson compile -C "$1" plugin/gimp-jpeg-artifacts' build "$build" "$top" \
     >"$work/build.log" 2>&1 9<&-; then
  cat "$work/build.log" >&2
  echo "run-in-gimp.sh: building the plug-in in $build failed (above)" >&2
  exit 1
fi

# GIMP's data folders, which it would otherwise name in an error.
for data in brushes dynamics fonts gradients palettes patterns \
  tool-presets plug-ins scripts templates; do
  mkdir -p "$work/$data"
done
mkdir -p "$work/plug-ins/gimp-jpeg-artifacts"
cp "$build/plugin/gimp-jpeg-artifacts" "$work/plug-ins/gimp-jpeg-artifacts/"
unlock_build

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

printf 'GIMP: %s, quality %s, %s generation(s)\n' "$(basename -- "$image")" \
  "$quality" "$generations"
# GIMP's and GEGL's temporary, cache and data folders in the work folder
# too: it would make them in TMPDIR, ~/.cache and ~/.local/share.
GIMP2_DIRECTORY=$work GIMP2_TEMPDIR=$work/tmp XDG_CACHE_HOME=$work/cache \
  XDG_DATA_HOME=$work/share "$gimp" -i -n -d -f -s --console-messages \
  -b "$batch" -b '(gimp-quit 0)' >"$work/gimp.out" 2>&1 &
gimp_pid=$!
status=0
wait "$gimp_pid" || status=$?
gimp_pid=
if [ "$status" -ne 0 ] || [ ! -s "$log" ] || [ ! -s "$result" ]; then
  cat "$work/gimp.out" >&2
  echo "run-in-gimp.sh: GIMP did not finish the job" >&2
  exit 1
fi

mv -f "$result" "$output" \
  || { echo "run-in-gimp.sh: could not write $output" >&2; exit 1; }
OUT=$output awk '
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
    printf "wrote %s\n", ENVIRON["OUT"]
  }' "$log"
