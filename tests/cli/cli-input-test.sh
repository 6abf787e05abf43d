#!/bin/sh
# cli-input-test.sh: the command-line tool's tests on what it reads, one
# case per call:
#   cli-input-test.sh CASE
# with TOOL, HELPER (cli-image), META (cli-meta), DATA and VERSION in the
# environment: the memory check made from the header alone, broken and
# frameless JPEGs, the Exif orientation and the colour information carried
# to the output, pipes and FIFOs as input, --tables-from's errors.  Runs
# that the memory check must refuse run under a limit of the address space
# (ulimit -v), so that a tool without the check fails at once instead of
# taking the machine's memory.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu
# shellcheck source=cli-lib.sh
. "$(dirname "$0")/cli-lib.sh"
: "${META:?}"

# limit_memory KILOBYTES: limits this (sub)shell's address space, except
# for a sanitized tool (SANITIZED=1), whose AddressSanitizer shadow needs
# terabytes of it; a timeout stops a tool without the check there.
limit_memory() {
  if [ "${SANITIZED:-0}" = 1 ]; then
    return 0
  fi
  ulimit -v "$1"
}

# limited_run KILOBYTES ARGS...: run with the address space limited.
limited_run() {
  limit=$1
  shift
  status=0
  (limit_memory "$limit" && exec timeout 60 "$TOOL" "$@") >out.txt 2>err.txt \
    || status=$?
}

# expect_refused NAME NEEDS: the last run was refused by the memory check
# at once: NAME needs NEEDS, and some figure is free.
expect_refused() {
  expect_error 1 "'$1' needs $2 of memory for this run; "
  grep -E -q "; [0-9]+\.[0-9] [kMG]B is free\.$" err.txt \
    || fail "no free memory figure: $(cat err.txt)"
  [ ! -e out.png ] || fail "out.png was created"
}

case_memory_check_huge_jpeg() {
  # A small JPEG whose frame header says 65500 x 65500: 12.9 GB of RGB
  # pixels: them, the codec's working image and planes and, with the
  # table, its statistics (the coefficients and pieces its three file
  # sizes are kept from; the SSIM's reference is the input's pixels).
  "$HELPER" make-jpeg "$DATA/coffee.png" small.jpg 50
  "$META" jpeg-size small.jpg huge.jpg 65500 65500
  [ "$(wc -c <huge.jpg)" -lt 60000 ] || fail "huge.jpg is not small"
  limited_run 4000000 huge.jpg out.png
  expect_refused huge.jpg "56.1 GB"
  # Without the table (its statistics, and the working image: the codec
  # works in the pixels themselves) the run needs less, and is still
  # refused.  A sanitized tool runs with no address-space limit, so
  # there only the machine's free memory refuses it: with 19.4 GB free
  # the check lets it go, and it ends at the small file's missing data.
  limited_run 4000000 --quiet huge.jpg out.png
  if [ "${SANITIZED:-0}" = 1 ] && ! grep -q -F "needs " err.txt; then
    expect_error 1 "huge.jpg: broken JPEG file"
    [ ! -e out.png ] || fail "out.png was created"
  else
    expect_refused huge.jpg "19.4 GB"
  fi
}

case_memory_check_huge_png() {
  # The helper's all-black PNGs are valid: a small one reads as black.
  "$META" black-png black.png 300 200
  run --quiet black.png small.png
  expect_status 0
  expect_info small.png "300 200 3"
  "$HELPER" near small.png 0 0 0 0 || fail "the black PNG is not black"
  "$META" black-png huge.png 65535 65535
  [ "$(wc -c <huge.png)" -lt 13000000 ] || fail "huge.png is too big"
  limited_run 4000000 huge.png out.png
  expect_refused huge.png "56.2 GB"
  # Read from a pipe, its 12.5 MB of data count too.
  status=0
  (limit_memory 4000000 && exec timeout 60 "$TOOL" /dev/stdin out.png) \
    <huge.png >out.txt 2>err.txt || status=$?
  expect_refused /dev/stdin "56.2 GB"
  status=0
  (limit_memory 4000000 && cat huge.png | timeout 60 "$TOOL" /dev/stdin out.png) \
    >out.txt 2>err.txt || status=$?
  expect_refused /dev/stdin "56.2 GB"
}

case_jpeg_without_frame() {
  printf '\377\330\377\331' >t.jpg
  io_error "t.jpg: not a JPEG image: it has no frame" t.jpg out.png
  cp err.txt first.txt
  io_error "t.jpg: not a JPEG image: it has no frame" t.jpg out.png
  cmp -s err.txt first.txt || fail "another message the second time: $(cat err.txt)"
  [ "$(cat err.txt)" = "jpeg-artifacts: t.jpg: not a JPEG image: it has no frame" ] \
    || fail "message: $(cat err.txt)"
}

case_jpeg_warning_stops() {
  "$HELPER" make-jpeg "$DATA/coins.png" good.jpg 80
  size=$(wc -c <good.jpg)
  # 48 bytes of garbage before the end-of-image marker.
  head -c $((size - 2)) good.jpg >extra.jpg
  head -c 48 /dev/zero >>extra.jpg
  printf '\377\331' >>extra.jpg
  io_error "extra.jpg: broken JPEG file: Corrupt JPEG data: " extra.jpg out.png
  grep -q "extraneous bytes before marker 0xd9$" err.txt || fail "message: $(cat err.txt)"
  head -c $((size / 2)) good.jpg >cut.jpg
  io_error "cut.jpg: broken JPEG file: Premature end of JPEG file" cut.jpg out.png
}

case_exif_orientation_upright() {
  # chelsea.png is 451 x 300: a turn shows in the size as in the pixels.
  "$HELPER" make-jpeg "$DATA/chelsea.png" plain.jpg 90
  run --quiet --quality 60 plain.jpg stored.png
  expect_status 0
  for o in 1 2 3 4 5 6 7 8; do
    "$META" jpeg-exif plain.jpg turned$o.jpg $o
    run --quiet --quality 60 turned$o.jpg out$o.png
    expect_status 0
    [ ! -s err.txt ] || fail "orientation $o: stderr: $(cat err.txt)"
    "$META" turned stored.png out$o.png $o || fail "orientation $o is not applied to the result"
  done
  # A PPM output is turned the same way.
  run --quiet --quality 60 turned6.jpg out6.ppm
  expect_status 0
  "$HELPER" same out6.png out6.ppm || fail "the PPM output is not turned as the PNG"
  # A PNG's eXIf chunk too.
  "$META" png plain.png 61 37
  "$META" png turned.png 61 37 exif=8
  run --quiet plain.png plain-out.png
  expect_status 0
  run --quiet turned.png turned-out.png
  expect_status 0
  "$META" turned plain-out.png turned-out.png 8 || fail "a PNG's orientation is not applied"
}

case_icc_profile_kept() {
  "$META" icc rgb.icc rgb
  "$HELPER" make-jpeg "$DATA/chelsea.png" plain.jpg 90
  # In three APP2 markers of 200 bytes, the last one first.
  "$META" jpeg-icc plain.jpg icc.jpg rgb.icc 200
  run --quiet icc.jpg out.png
  expect_status 0
  [ ! -s err.txt ] || fail "stderr: $(cat err.txt)"
  [ "$("$META" chunks out.png got.icc)" = "iCCP 576" ] \
    || fail "out.png's colour chunks: $("$META" chunks out.png)"
  cmp -s got.icc rgb.icc || fail "out.png's profile is not the JPEG's"
  # A PNG's iCCP chunk.
  "$META" png in.png 40 30 icc=rgb.icc
  run --quiet in.png out2.png
  expect_status 0
  rm got.icc
  [ "$("$META" chunks out2.png got.icc)" = "iCCP 576" ] \
    || fail "out2.png's colour chunks: $("$META" chunks out2.png)"
  cmp -s got.icc rgb.icc || fail "out2.png's profile is not the input's"
  # A PPM cannot hold it: a note says so; nothing is said when there is
  # nothing to drop.
  run icc.jpg out.ppm
  expect_status 0
  [ "$(cat err.txt)" = "jpeg-artifacts: note: out.ppm: PGM and PPM files hold no colour profile, gamma or chromaticities; those of icc.jpg are left out (a .png output keeps them)" ] \
    || fail "stderr: $(cat err.txt)"
  run plain.jpg plain.ppm
  expect_status 0
  [ ! -s err.txt ] || fail "a note without a profile: $(cat err.txt)"
  # A profile libpng refuses for the image (gray, on RGB) is left out with
  # libpng's reason.
  "$META" icc gray.icc gray
  "$META" jpeg-icc plain.jpg gray.jpg gray.icc 1000
  run gray.jpg gray.png
  expect_status 0
  grep -q "^jpeg-artifacts: note: gray.png: the colour profile, gamma and chromaticities of gray.jpg are left out, as libpng refuses them: .*[Gg]ray" err.txt \
    || fail "stderr: $(cat err.txt)"
  [ -z "$("$META" chunks gray.png)" ] || fail "gray.png has colour chunks: $("$META" chunks gray.png)"
}

case_gamma_chrm_kept() {
  "$META" png in.png 40 30 gamma=45455 chrm=31270,32900,64000,33000,21000,71000,15000,6000
  run --quiet in.png out.png
  expect_status 0
  "$META" chunks out.png >got.txt
  printf 'gAMA 45455\ncHRM 31270,32900,64000,33000,21000,71000,15000,6000\n' >want.txt
  cmp -s got.txt want.txt || fail "out.png's colour chunks: $(cat got.txt)"
  # PNM holds none of it.
  run in.png out.ppm
  expect_status 0
  grep -q -x "jpeg-artifacts: note: out.ppm: PGM and PPM files hold no colour profile, gamma or chromaticities; those of in.png are left out (a .png output keeps them)" err.txt \
    || fail "stderr: $(cat err.txt)"
}

case_srgb_kept() {
  "$META" png in.png 40 30 srgb=1
  run --quiet in.png out.png
  expect_status 0
  "$META" chunks out.png | grep -q -x "sRGB 1" || fail "out.png's colour chunks: $("$META" chunks out.png)"
}

case_fifo_input() {
  "$TOOL" --quiet "$DATA/coins.png" from-file.png
  status=0
  cat "$DATA/coins.png" | "$TOOL" --quiet /dev/stdin from-pipe.png >out.txt 2>err.txt || status=$?
  expect_status 0
  "$HELPER" same from-file.png from-pipe.png || fail "the piped PNG gave another result"
  "$TOOL" --quiet "$DATA/Garden.jpg" from-file.ppm
  mkfifo fifo.jpg
  cat "$DATA/Garden.jpg" >fifo.jpg &
  run --quiet fifo.jpg from-fifo.ppm
  wait
  expect_status 0
  cmp -s from-file.ppm from-fifo.ppm || fail "the JPEG from a FIFO gave another result"
  "$HELPER" to-pnm "$DATA/coins.png" coins.pgm
  "$TOOL" --quiet coins.pgm pgm-file.png
  status=0
  "$TOOL" --quiet /dev/stdin pgm-pipe.png <coins.pgm >out.txt 2>err.txt || status=$?
  expect_status 0
  "$HELPER" same pgm-file.png pgm-pipe.png || fail "the PGM from stdin gave another result"
  # What is no image is told from its first bytes.
  status=0
  echo "just some text" | "$TOOL" /dev/stdin out.png >out.txt 2>err.txt || status=$?
  expect_error 1 "/dev/stdin: not a PNG, PGM, PPM or JPEG file"
  status=0
  "$TOOL" /dev/stdin out.png </dev/null >out.txt 2>err.txt || status=$?
  expect_error 1 "/dev/stdin: the file is empty"
}

case_tables_from_folder() {
  mkdir tables.jpg
  usage_error "--tables-from: tables.jpg is a folder" --tables-from tables.jpg "$DATA/coffee.png" out.png
  [ ! -e out.png ] || fail "out.png was created"
}

# A table entry of 0 (a file no baseline encoder writes) is named as
# outside 1 to 255.
case_tables_from_zero_entry() {
  python3 - "$DATA/Garden.jpg" zero.jpg <<'PY'
import sys
data = bytearray (open (sys.argv[1], "rb").read ())
at = data.find (b"\xff\xdb")
data[at + 10] = 0
open (sys.argv[2], "wb").write (data)
PY
  usage_error "--tables-from: zero.jpg cannot be re-saved with its own settings: a quantization table has an entry outside 1 to 255" \
    --tables-from zero.jpg "$DATA/coffee.png" out.png
  [ ! -e out.png ] || fail "out.png was created"
}

case_tables_from_truncated_one_line() {
  head -c 300 "$DATA/Garden.jpg" >cut.jpg
  usage_error "--tables-from: cut.jpg is not a JPEG file: Premature end of JPEG file" \
    --tables-from cut.jpg "$DATA/coffee.png" out.png
  [ ! -e out.png ] || fail "out.png was created"
}

name=$(echo "${1:?usage: cli-input-test.sh CASE}" | tr - _)
"case_$name"
echo "ok: $1"
