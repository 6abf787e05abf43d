#!/bin/sh
# gegl-test.sh: the GEGL operation ja:jpeg-artifacts run by the gegl
# command-line program, one case per call:
#   gegl-test.sh CASE
# with GEGL (the gegl program), GEGL_PATH (the build's gegl/ folder, then
# GEGL's own), TOOL (jpeg-artifacts), HELPER (tests/cli's cli-image) and
# DATA (the sample images) in the environment.  Each case runs
#   gegl IN -o OUT -- ja:jpeg-artifacts PROPERTY=VALUE...
# in a fresh folder and checks OUT against the tool's pixels for the same
# settings (gegl writes 16-bit PNGs; cli-image scales them back to 8 bits).
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

: "${GEGL:?}" "${GEGL_PATH:?}" "${TOOL:?}" "${HELPER:?}" "${DATA:?}"
LC_ALL=C
export LC_ALL GEGL_PATH

work=$(mktemp -d "${TMPDIR:-/tmp}/gegl-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
# No operation the user installed: only GEGL_PATH's.
XDG_DATA_HOME="$work/data"
export XDG_DATA_HOME

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# op IN OUT PROPERTY=VALUE...: runs the operation through gegl.
op() {
  in=$1
  out=$2
  shift 2
  "$GEGL" "$in" -o "$out" -- ja:jpeg-artifacts "$@" 2>gegl-err.txt \
    || fail "gegl failed: $(cat gegl-err.txt)"
  [ -s "$out" ] || fail "gegl wrote no $out: $(cat gegl-err.txt)"
}

# same_as_tool IN "PROPERTIES" "TOOL OPTIONS": gegl with PROPERTIES and the
# tool with OPTIONS give the same samples (colour and alpha) of IN.
same_as_tool() {
  # shellcheck disable=SC2086 # the settings are words
  op "$1" gegl.png $2
  # shellcheck disable=SC2086
  "$TOOL" --quiet $3 "$1" tool.png || fail "the tool failed on $1 with $3"
  "$HELPER" same tool.png gegl.png \
    || fail "$1: gegl with '$2' differs from the tool with '$3'"
  echo "same: $1 ($2)"
}

case_listed() {
  "$GEGL" --list-all 2>/dev/null | grep -qx 'ja:jpeg-artifacts' \
    || fail "gegl --list-all does not list ja:jpeg-artifacts"
  "$GEGL" --info ja:jpeg-artifacts >info.txt 2>/dev/null
  for property in quality generations subsampling dct decode jitter drift seed \
    offset-x offset-y schedule saturation contrast sharpen; do
    grep -q "^$property " info.txt || fail "no property $property: $(cat info.txt)"
  done
  grep -q '^categories  *distort' info.txt || fail "not in the distort category"
}

case_settings() {
  same_as_tool "$DATA/coffee.png" "quality=30 generations=10" \
    "--quality 30 --generations 10"
  same_as_tool "$DATA/chelsea.png" "quality=5 generations=3 subsampling=422" \
    "--quality 5 --generations 3 --subsampling 422"
  same_as_tool "$DATA/coffee.png" \
    "quality=60 generations=20 jitter=10 drift=5 seed=12345" \
    "--quality 60 --generations 20 --quality-jitter 10 --grid-drift 5 --seed 12345"
  same_as_tool "$DATA/chelsea.png" "quality=85 dct=fast subsampling=411 generations=4" \
    "--quality 85 --dct fast --subsampling 411 --generations 4"
  same_as_tool "$DATA/coffee.png" "quality=100 subsampling=444 generations=2" \
    "--quality 100 --subsampling 444 --generations 2"
  same_as_tool "$DATA/chelsea.png" "quality=40 dct=float decode=gimp generations=3" \
    "--quality 40 --dct float --decode-as gimp --generations 3"
  same_as_tool "$DATA/coffee.png" "" ""
  "$HELPER" same gegl.png "$DATA/coffee.png" 2>/dev/null \
    && fail "the defaults changed nothing"
  true
}

case_schedule() {
  same_as_tool "$DATA/chelsea.png" \
    "generations=4 schedule=q90;x0.5 saturation=1.3 sharpen=0.5" \
    "--generations 4 --schedule q90;x0.5 --saturation 1.3 --sharpen 0.5"
  same_as_tool "$DATA/coffee.png" \
    "generations=6 quality=15 saturation=1.15 contrast=1.06 sharpen=0.5" \
    "--generations 6 --quality 15 --saturation 1.15 --contrast 1.06 --sharpen 0.5"
  # The words of a step in one argument: gegl splits at spaces.
  op "$DATA/coffee.png" spaced.png generations=3 "schedule=q95; q50 x0.6 bicubic"
  "$TOOL" --quiet --generations 3 --schedule "q95; q50 x0.6 bicubic" \
    "$DATA/coffee.png" tool.png
  "$HELPER" same tool.png spaced.png || fail "a schedule with spaces differs"
}

case_alpha() {
  "$HELPER" make-png rgba.png rgba 67 45
  "$HELPER" make-png clear.png clear 40 24
  "$HELPER" make-png ga.png gray-alpha 33 17
  "$HELPER" make-png pal.png palette-alpha 50 40
  same_as_tool rgba.png "quality=20 generations=5" "--quality 20 --generations 5"
  "$HELPER" same-alpha rgba.png gegl.png || fail "alpha changed"
  same_as_tool rgba.png "quality=40 subsampling=444 drift=3 jitter=5 seed=7 generations=6" \
    "--quality 40 --subsampling 444 --grid-drift 3 --quality-jitter 5 --seed 7 --generations 6"
  same_as_tool clear.png "quality=25 generations=3" "--quality 25 --generations 3"
  "$HELPER" same-alpha clear.png gegl.png || fail "alpha changed"
  same_as_tool ga.png "quality=10 generations=3" "--quality 10 --generations 3"
  "$HELPER" info gegl.png | grep -qx '33 17 2' || fail "gray + alpha did not stay gray + alpha"
  same_as_tool pal.png "quality=35 generations=2" "--quality 35 --generations 2"
  "$HELPER" same-alpha pal.png gegl.png || fail "alpha from tRNS changed"
}

# A 16-bit input with alpha: the colours are the tool's (which reads the
# file in 8 bits), and the alpha keeps its 16 bits (1000 and 40001 are no
# 8-bit value times 257: in 8 bits they would come out as 1028 and 40092).
case_deep_alpha() {
  for alpha in 1000 40001; do
    "$HELPER" make-png16 deep.png 40 24 25700 "$alpha"
    same_as_tool deep.png "quality=20 generations=3" "--quality 20 --generations 3"
    kept=$("$HELPER" alpha16 gegl.png)
    [ "$kept" = "$alpha $alpha" ] \
      || fail "the 16-bit alpha $alpha came out as $kept (least, most)"
  done
}

case_gray() {
  same_as_tool "$DATA/coins.png" "quality=30 generations=10" \
    "--quality 30 --generations 10"
  "$HELPER" info gegl.png | grep -qx '384 303 1' || fail "gray did not stay gray"
}

case_odd_sizes() {
  for size in "1 1" "7 5" "17 1" "1 33" "61 37" "129 67"; do
    # shellcheck disable=SC2086
    "$HELPER" make-png odd.png rgb $size
    same_as_tool odd.png "quality=20 generations=3" "--quality 20 --generations 3"
    # shellcheck disable=SC2086
    "$HELPER" make-png odda.png rgba $size
    same_as_tool odda.png "quality=50 generations=2 subsampling=422" \
      "--quality 50 --generations 2 --subsampling 422"
  done
}

# offset-x/offset-y: the grid is taken modulo the MCU (16x16 for 4:2:0).
case_grid_offset() {
  op "$DATA/coffee.png" zero.png quality=20
  op "$DATA/coffee.png" whole.png quality=20 offset-x=32 offset-y=-16
  "$HELPER" same zero.png whole.png || fail "an offset of whole MCUs moved the grid"
  op "$DATA/coffee.png" moved.png quality=20 offset-x=3 offset-y=5
  "$HELPER" same zero.png moved.png 2>/dev/null && fail "offset 3, 5 did not move the grid"
  op "$DATA/coffee.png" moved2.png quality=20 offset-x=19 offset-y=-11
  "$HELPER" same moved.png moved2.png || fail "offsets 3, 5 and 19, -11 differ"
}

# An input whose bounding box starts past the buffer's origin (GIMP 3
# gives a filter the selection's box) keeps the image's grid: cropped at
# (3, 5), it is the cropped image with offset 3, 5, not with none.
case_cropped_input() {
  "$GEGL" "$DATA/coffee.png" -o crop.png -- \
    gegl:crop x=3 y=5 width=200 height=100 2>/dev/null || fail "gegl failed"
  "$GEGL" "$DATA/coffee.png" -o cropped.png -- \
    gegl:crop x=3 y=5 width=200 height=100 ja:jpeg-artifacts quality=20 \
    2>gegl-err.txt || fail "gegl failed: $(cat gegl-err.txt)"
  op crop.png offset.png quality=20 offset-x=3 offset-y=5
  "$HELPER" same offset.png cropped.png \
    || fail "the cropped input's grid is not the image's"
  op crop.png origin.png quality=20
  "$HELPER" same origin.png cropped.png 2>/dev/null \
    && fail "the cropped input's grid starts at its own corner"
  echo "same: the input cropped at (3, 5) and the crop with offset 3, 5"
}

# A schedule the codec cannot read: the input unchanged, and a warning.
case_bad_schedule() {
  op "$DATA/coffee.png" out.png "schedule=q75;bogus"
  "$HELPER" same "$DATA/coffee.png" out.png || fail "a bad schedule changed the image"
  grep -q 'ja:jpeg-artifacts: schedule "q75;bogus" at byte 4' gegl-err.txt \
    || fail "no warning: $(cat gegl-err.txt)"
}

# Inputs the codec cannot take pass through unchanged: an unbounded one (a
# colour, cropped after the operation) and one wider than 65535 pixels.
case_pass_through() {
  "$GEGL" -o unbounded.png -- gegl:color 'value=rgb(1,0,0)' \
    ja:jpeg-artifacts quality=5 gegl:crop width=20 height=10 2>/dev/null \
    || fail "gegl failed on an unbounded input"
  "$HELPER" near unbounded.png 0 255 0 0 255 || fail "an unbounded input changed"
  "$GEGL" -o wide-in.png -- gegl:color 'value=rgb(0.5,0.2,0.1)' \
    gegl:crop width=65536 height=2 2>/dev/null || fail "gegl failed"
  "$GEGL" -o wide.png -- gegl:color 'value=rgb(0.5,0.2,0.1)' \
    gegl:crop width=65536 height=2 ja:jpeg-artifacts quality=5 2>/dev/null \
    || fail "gegl failed on a 65536-pixel-wide input"
  "$HELPER" same wide-in.png wide.png || fail "a 65536-pixel-wide input changed"
}

name=$(echo "${1:?usage: gegl-test.sh CASE}" | tr - _)
"case_$name"
echo "ok: $1"
