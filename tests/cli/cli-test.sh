#!/bin/sh
# cli-test.sh: the command-line tool's tests on usage and input errors,
# --help and --version, one case per call:
#   cli-test.sh CASE
# with TOOL (jpeg-artifacts), HELPER (cli-image), DATA (the sample images)
# and VERSION (the project's version) in the environment.  Each case runs
# the tool in a fresh folder and checks its exit status, its output and the
# files it leaves; the first failed check prints what was expected and what
# came, and ends the case with status 1.  The other cases are in
# cli-output-test.sh (the output file), cli-format-test.sh (reading and
# writing every format), cli-options-test.sh (what the options do) and
# cli-input-test.sh (what the tool reads).
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu
# shellcheck source=cli-lib.sh
. "$(dirname "$0")/cli-lib.sh"

# The cases.

case_bad_option() {
  usage_error "unknown option --frobnicate" --frobnicate "$DATA/coffee.png" out.png
  usage_error "unknown option -x" -x "$DATA/coffee.png" out.png
  usage_error "ambiguous option --q" --q 50 "$DATA/coffee.png" out.png
  usage_error "option --flatten takes no value" --flatten=yes "$DATA/coffee.png" out.png
  usage_error "--quality needs a value" "$DATA/coffee.png" out.png --quality
  [ ! -e out.png ] || fail "out.png was created"
}

case_operands() {
  usage_error "missing INPUT and OUTPUT" --quality 50
  usage_error "missing the OUTPUT file" "$DATA/coffee.png"
  usage_error "not also extra.png" "$DATA/coffee.png" out.png extra.png
}

case_quality_range() {
  run --quality 300 "$DATA/coffee.png" out.png
  expect_error 2 "--quality must be 1 to 100, not 300"
  [ "$(cat err.txt)" = "jpeg-artifacts: --quality must be 1 to 100, not 300" ] \
    || fail "message: $(cat err.txt)"
  usage_error "--quality must be 1 to 100, not 0" --quality 0 "$DATA/coffee.png" out.png
  usage_error "--quality must be 1 to 100, not -5" --quality -5 "$DATA/coffee.png" out.png
  usage_error "--quality must be 1 to 100, not 99999999999999999999" \
    --quality 99999999999999999999 "$DATA/coffee.png" out.png
  usage_error "--quality must be a whole number from 1 to 100, not abc" \
    --quality abc "$DATA/coffee.png" out.png
  usage_error "--quality must be a whole number from 1 to 100, not 7.5" \
    --quality=7.5 "$DATA/coffee.png" out.png
}

case_generations_range() {
  usage_error "--generations must be 1 to 1000, not 0" --generations 0 "$DATA/coffee.png" out.png
  usage_error "--generations must be 1 to 1000, not 1001" --generations 1001 "$DATA/coffee.png" out.png
  usage_error "--generations must be a whole number from 1 to 1000, not ten" \
    --generations ten "$DATA/coffee.png" out.png
}

case_subsampling_value() {
  usage_error "--subsampling must be 444, 422, 420, 440 or 411, not 423" \
    --subsampling 423 "$DATA/coffee.png" out.png
  usage_error "--subsampling must be 444, 422, 420, 440 or 411, not 4:2:1" \
    --subsampling 4:2:1 "$DATA/coffee.png" out.png
  usage_error "--subsampling must be 444, 422, 420, 440 or 411, not " \
    --subsampling= "$DATA/coffee.png" out.png
}

case_jitter_range() {
  usage_error "--quality-jitter must be 0 to 50, not 51" --quality-jitter 51 "$DATA/coffee.png" out.png
  usage_error "--quality-jitter must be 0 to 50, not -1" --quality-jitter -1 "$DATA/coffee.png" out.png
}

case_drift_range() {
  usage_error "--grid-drift must be 0 to 7, not 8" --grid-drift 8 "$DATA/coffee.png" out.png
  usage_error "--grid-drift must be 0 to 7, not -1" --grid-drift -1 "$DATA/coffee.png" out.png
}

case_seed_range() {
  usage_error "--seed must be 0 to 4294967295, not 4294967296" --seed 4294967296 "$DATA/coffee.png" out.png
  usage_error "--seed must be 0 to 4294967295, not -1" --seed -1 "$DATA/coffee.png" out.png
}

case_dct_value() {
  usage_error "--dct must be accurate, fast or float, not slow" --dct slow "$DATA/coffee.png" out.png
  usage_error "--decode-as must be viewers or gimp, not djpeg" --decode-as djpeg "$DATA/coffee.png" out.png
}

case_background_value() {
  usage_error "--background must be a colour written RRGGBB" --background 12345 "$DATA/coffee.png" out.png
  usage_error "not gggggg" --background gggggg "$DATA/coffee.png" out.png
}

case_missing_input() {
  io_error "cannot open nothere.png: No such file or directory" nothere.png out.png
}

case_input_directory() {
  mkdir folder.png
  io_error "cannot read folder.png: Is a directory" folder.png out.png
  if [ "$(id -u)" -ne 0 ]; then
    # Permissions do not stop root, so this part needs another user.
    cp "$DATA/coins.png" locked.png
    chmod 000 locked.png
    io_error "cannot open locked.png: Permission denied" locked.png out.png
  fi
}

case_input_not_image() {
  echo "just some text" >notes.png
  io_error "notes.png: not a PNG, PGM, PPM or JPEG file" notes.png out.png
  : >empty.png
  io_error "empty.png: the file is empty" empty.png out.png
  printf 'P3\n2 2\n255\n0 0 0 0 0 0 0 0 0 0 0 0\n' >plain.ppm
  io_error "plain.ppm: a netpbm file of type P3" plain.ppm out.png
}

case_input_truncated_png() {
  head -c 20000 "$DATA/coffee.png" >cut.png
  io_error "cut.png: broken PNG file" cut.png out.png
}

case_input_truncated_pnm() {
  "$HELPER" to-pnm "$DATA/coins.png" coins.pgm
  head -c 5000 coins.pgm >cut.pgm
  io_error "cut.pgm: the file ends too early" cut.pgm out.png
  printf 'P5\n4 4\n65535\n' >deep.pgm
  head -c 32 /dev/zero >>deep.pgm
  io_error "deep.pgm: maxval 65535; only PGM and PPM files with maxval 255" deep.pgm out.png
  printf 'P6\n4 x\n255\n' >bad.ppm
  io_error "bad.ppm: broken PPM header" bad.ppm out.png
}

case_input_truncated_jpeg() {
  head -c 60000 "$DATA/Garden.jpg" >cut.jpg
  io_error "cut.jpg: broken JPEG file" cut.jpg out.png
}

case_unwritable_output() {
  run "$DATA/coins.png" nothere/out.png
  expect_error 1 "cannot write nothere/out.png: No such file or directory"
  echo text >file
  run "$DATA/coins.png" file/out.png
  expect_error 1 "cannot write file/out.png: Not a directory"
  mkdir folder.png
  run "$DATA/coins.png" folder.png
  expect_error 1 "cannot write folder.png: Is a directory"
  expect_files . "err.txt file folder.png out.txt"
  expect_files folder.png ""
  if [ "$(id -u)" -ne 0 ]; then
    # Permissions do not stop root, so this part needs another user.
    mkdir locked
    chmod 555 locked
    run "$DATA/coins.png" locked/out.png
    expect_error 1 "cannot write locked/out.png: Permission denied"
    expect_files locked ""
  fi
}

case_unknown_extension() {
  usage_error "out.gif: unknown output format; name the output .png, .ppm, .pgm or .pnm" \
    "$DATA/coffee.png" out.gif
  usage_error "out: unknown output format" "$DATA/coffee.png" out
  usage_error "out.png.bak: unknown output format" "$DATA/coffee.png" out.png.bak
  # Known before the input is read.
  usage_error "out.jpg: unknown output format" nothere.png out.jpg
  expect_files . "err.txt out.txt"
}

case_alpha_to_pnm() {
  "$HELPER" make-png rgba.png rgba 40 30
  usage_error "out.ppm: PGM and PPM files have no alpha channel" rgba.png out.ppm
  usage_error "out.pnm: PGM and PPM files have no alpha channel" rgba.png out.pnm
  "$HELPER" make-png ga.png gray-alpha 40 30
  usage_error "out.pgm: PGM and PPM files have no alpha channel" ga.png out.pgm
  expect_files . "err.txt ga.png out.txt rgba.png"
}

case_channels_mismatch() {
  usage_error "out.ppm: a PPM file holds RGB only and the image is gray" "$DATA/coins.png" out.ppm
  usage_error "out.pgm: a PGM file holds gray only and the image is RGB" "$DATA/coffee.png" out.pgm
  expect_files . "err.txt out.txt"
}

case_help() {
  run --help
  expect_status 0
  [ ! -s err.txt ] || fail "stderr not empty: $(cat err.txt)"
  grep -q "^Usage: jpeg-artifacts \[OPTION\]... INPUT OUTPUT$" out.txt || fail "no usage line"
  for option in --quality --generations --subsampling --dct --quality-jitter \
    --grid-drift --seed --flatten --background --no-stop --quiet --help --version; do
    grep -q -e "^ .*$option" out.txt || fail "--help does not describe $option"
  done
  cp out.txt help.txt
  # -h is the same, and --help wins over what follows it.
  run -h --quality 500
  expect_status 0
  cmp -s out.txt help.txt || fail "-h differs from --help"
}

# In German (LOCALEDIR: the build's catalogues): the usage line and every
# option's description come from de.po, as gettext(1) reads them from the
# same catalogue; "Qualität" is there, so an English fallback cannot pass.
case_help_german() {
  : "${LOCALEDIR:?}"
  status=0
  LC_ALL=de_DE.UTF-8 LANGUAGE=de JPEG_ARTIFACTS_LOCALEDIR=$LOCALEDIR \
    "$TOOL" --help >out.txt 2>err.txt || status=$?
  expect_status 0
  [ ! -s err.txt ] || fail "stderr not empty: $(cat err.txt)"
  usage=$(LC_ALL=de_DE.UTF-8 LANGUAGE=de TEXTDOMAINDIR=$LOCALEDIR \
    gettext -e -d gimp-jpeg-artifacts "Usage: jpeg-artifacts [OPTION]... INPUT OUTPUT\\n")
  [ "$usage" != "Usage: jpeg-artifacts [OPTION]... INPUT OUTPUT" ] \
    || fail "de.po does not translate the usage line"
  grep -q -F -x "$usage" out.txt || fail "no German usage line '$usage' in: $(cat out.txt)"
  grep -q "Qualität" out.txt || fail "no 'Qualität' in: $(cat out.txt)"
  ! grep -q "^Usage:" out.txt || fail "the English usage line is still there"
  for option in --quality --generations --subsampling --dct --quality-jitter \
    --grid-drift --seed --flatten --background --no-stop --quiet --help --version; do
    grep -q -e "^ .*$option" out.txt || fail "the German --help does not describe $option"
  done
}

case_version() {
  run --version
  expect_status 0
  [ ! -s err.txt ] || fail "stderr not empty: $(cat err.txt)"
  line=$(cat out.txt)
  case "$line" in
    "jpeg-artifacts $VERSION (codec "[0-9]*.[0-9]*.[0-9]*")") ;;
    *) fail "--version printed \"$line\"" ;;
  esac
  [ "$(wc -l <out.txt)" -eq 1 ] || fail "--version printed more than one line"
}

# An option that takes no value given one is a usage error naming it.
case_help_with_value() {
  usage_error "option --help takes no value" --help=1
  usage_error "option --version takes no value" --version=yes
  usage_error "option --quiet takes no value" --quiet=1 "$DATA/coins.png" out.png
  [ ! -e out.png ] || fail "out.png was created"
}

name=$(echo "${1:?usage: cli-test.sh CASE}" | tr - _)
"case_$name"
echo "ok: $1"
