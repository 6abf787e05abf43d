#!/bin/sh
# cli-format-test.sh: the command-line tool's tests on reading and writing
# every format, one case per call:
#   cli-format-test.sh CASE
# with TOOL, HELPER (cli-image), DATA and VERSION in the environment: PNG
# (gray, gray+alpha, RGB, RGBA, palette, tRNS, interlaced, 16-bit), PPM,
# PGM and JPEG inputs, and PNM outputs.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu
# shellcheck source=cli-lib.sh
. "$(dirname "$0")/cli-lib.sh"

# The cases.

case_read_png_gray() {
  run --quiet "$DATA/coins.png" out.png
  expect_status 0
  expect_info out.png "384 303 1"
  ! "$HELPER" same "$DATA/coins.png" out.png 2>/dev/null || fail "the image did not change"
}

case_read_png_gray_alpha() {
  "$HELPER" make-png in.png gray-alpha 67 45
  run --quiet in.png out.png
  expect_status 0
  expect_info out.png "67 45 2"
  "$HELPER" same-alpha in.png out.png || fail "alpha changed"
  ! "$HELPER" same in.png out.png 2>/dev/null || fail "the image did not change"
}

case_read_png_rgb() {
  run --quiet "$DATA/coffee.png" out.png
  expect_status 0
  expect_info out.png "600 400 3"
  ! "$HELPER" same "$DATA/coffee.png" out.png 2>/dev/null || fail "the image did not change"
}

case_read_png_rgba() {
  "$HELPER" make-png in.png rgba 67 45
  run --quiet --generations 5 in.png out.png
  expect_status 0
  expect_info out.png "67 45 4"
  "$HELPER" same-alpha in.png out.png || fail "alpha changed"
  ! "$HELPER" same in.png out.png 2>/dev/null || fail "the image did not change"
}

case_read_png_palette() {
  # A palette expands to RGB, a palette with tRNS to RGBA; the results match
  # those of the same pixels given as RGB(A) in another way.
  "$HELPER" make-png pal.png palette 50 40
  "$HELPER" to-pnm pal.png pal.ppm
  run --quiet pal.png out.png
  expect_status 0
  expect_info out.png "50 40 3"
  run --quiet pal.ppm out-ppm.png
  expect_status 0
  "$HELPER" same out.png out-ppm.png || fail "palette PNG and PPM give different results"
  "$HELPER" make-png pala.png palette-alpha 50 40
  run --quiet pala.png outa.png
  expect_status 0
  expect_info outa.png "50 40 4"
  "$HELPER" same-alpha pala.png outa.png || fail "alpha from tRNS changed"
}

case_read_png_gray_trns() {
  # A gray PNG whose tRNS chunk makes one level transparent reads as gray +
  # alpha.
  "$HELPER" make-png in.png gray-trns 50 40
  run --quiet in.png out.png
  expect_status 0
  expect_info out.png "50 40 2"
  "$HELPER" same-alpha in.png out.png || fail "alpha from tRNS changed"
}

case_read_png_interlaced() {
  "$HELPER" make-png plain.png rgb 61 37
  "$HELPER" make-png adam7.png rgb-interlaced 61 37
  run --quiet plain.png out-plain.png
  expect_status 0
  run --quiet adam7.png out-adam7.png
  expect_status 0
  "$HELPER" same out-plain.png out-adam7.png || fail "interlaced PNG read differently"
}

case_read_png_16bit() {
  # 25829 / 257 = 100.502: rounding gives 101 where dropping the low byte
  # gives 100; alpha 4848 / 257 = 18.86 gives 19 (18 by truncation).  An
  # even colour passes quality 100 unchanged.
  "$HELPER" make-png16 deep.png 24 20 25829 4848
  run --quiet --quality 100 deep.png out.png
  expect_status 0
  expect_info out.png "24 20 4"
  "$HELPER" near out.png 0 101 101 101 19 || fail "16-bit samples not rounded to 8 bits"
}

case_read_ppm() {
  "$HELPER" to-pnm "$DATA/coffee.png" coffee.ppm
  run --quiet --generations 3 coffee.ppm from-ppm.png
  expect_status 0
  run --quiet --generations 3 "$DATA/coffee.png" from-png.png
  expect_status 0
  expect_info from-ppm.png "600 400 3"
  "$HELPER" same from-ppm.png from-png.png || fail "PPM and PNG of the same pixels give different results"
}

case_read_pgm() {
  "$HELPER" to-pnm "$DATA/coins.png" coins.pgm
  run --quiet --generations 3 coins.pgm from-pgm.png
  expect_status 0
  run --quiet --generations 3 "$DATA/coins.png" from-png.png
  expect_status 0
  expect_info from-pgm.png "384 303 1"
  "$HELPER" same from-pgm.png from-png.png || fail "PGM and PNG of the same pixels give different results"
}

case_read_jpeg() {
  # PPM outputs: compressing 4 megapixels of PNG would take most of the time.
  "$HELPER" jpeg-to-pnm "$DATA/Garden.jpg" garden.ppm
  run --quiet "$DATA/Garden.jpg" from-jpeg.ppm
  expect_status 0
  expect_info from-jpeg.ppm "2560 1600 3"
  run --quiet garden.ppm from-ppm.ppm
  expect_status 0
  "$HELPER" same from-jpeg.ppm from-ppm.ppm || fail "the JPEG was decoded differently"
}

case_read_jpeg_gray() {
  "$HELPER" make-jpeg "$DATA/coins.png" coins.jpg 85
  "$HELPER" jpeg-to-pnm coins.jpg coins.pgm
  run --quiet coins.jpg from-jpeg.png
  expect_status 0
  expect_info from-jpeg.png "384 303 1"
  run --quiet coins.pgm from-pgm.png
  expect_status 0
  "$HELPER" same from-jpeg.png from-pgm.png || fail "the gray JPEG was decoded differently"
}

case_write_pnm() {
  run --quiet "$DATA/coffee.png" out.png
  expect_status 0
  run --quiet "$DATA/coffee.png" out.ppm
  expect_status 0
  run --quiet "$DATA/coffee.png" out.PNM
  expect_status 0
  [ "$(head -c 2 out.ppm)" = P6 ] || fail "out.ppm is not a P6 file"
  [ "$(head -c 2 out.PNM)" = P6 ] || fail "out.PNM is not a P6 file"
  "$HELPER" same out.png out.ppm || fail "PPM and PNG outputs differ"
  "$HELPER" same out.png out.PNM || fail "PNM and PNG outputs differ"
  run --quiet "$DATA/coins.png" gray.pgm
  expect_status 0
  run --quiet "$DATA/coins.png" gray.pnm
  expect_status 0
  run --quiet "$DATA/coins.png" gray.png
  expect_status 0
  [ "$(head -c 2 gray.pgm)" = P5 ] || fail "gray.pgm is not a P5 file"
  [ "$(head -c 2 gray.pnm)" = P5 ] || fail "gray.pnm is not a P5 file"
  "$HELPER" same gray.png gray.pgm || fail "PGM and PNG outputs differ"
  "$HELPER" same gray.png gray.pnm || fail "PNM and PNG outputs differ"
}

# A PNG output: every row with the Up filter, deflated at a fast level
# (zlib's FLEVEL 1: levels 2 to 5), for colour, gray and alpha; its pixels
# are the PPM output's.
case_write_png_filter_up() {
  "$HELPER" make-png rgba.png rgba 67 45
  for input in "$DATA/coffee.png" "$DATA/coins.png" rgba.png; do
    run --quiet "$input" out.png
    expect_status 0
    python3 - out.png >py.txt 2>&1 <<'PY' || fail "$input: $(cat py.txt)"
import struct, sys, zlib
data = open (sys.argv[1], "rb").read ()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, ihdr = 8, b"", None
while pos < len (data):
    length, kind = struct.unpack (">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        ihdr = struct.unpack (">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
width, height, depth, colour = ihdr[:4]
channels = {0: 1, 4: 2, 2: 3, 6: 4}[colour]
assert idat[1] >> 6 == 1, "zlib FLEVEL %d, not 1" % (idat[1] >> 6)
raw = zlib.decompress (idat)
row = 1 + width * channels
assert len (raw) == row * height, (len (raw), row, height)
filters = set (raw[y * row] for y in range (height))
assert filters == {2}, "row filters %s, not Up (2) alone" % sorted (filters)
PY
  done
  run --quiet "$DATA/coffee.png" out.ppm
  expect_status 0
  run --quiet "$DATA/coffee.png" out.png
  "$HELPER" same out.png out.ppm || fail "PNG and PPM outputs differ"
}

name=$(echo "${1:?usage: cli-format-test.sh CASE}" | tr - _)
"case_$name"
echo "ok: $1"
