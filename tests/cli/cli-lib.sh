# cli-lib.sh: what the command-line tool's test scripts (cli-test.sh,
# cli-input-test.sh) share, sourced by them: a fresh folder for the case,
# running the tool, and the checks on its status, output and files.  TOOL,
# HELPER, META, DATA and VERSION come from the environment.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

: "${TOOL:?}" "${HELPER:?}" "${DATA:?}" "${VERSION:?}"
LC_ALL=C
export LC_ALL

work=$(mktemp -d "${TMPDIR:-/tmp}/cli-test.XXXXXX")
cleanup() {
  chmod -R u+rwx "$work" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# run ARGS...: runs the tool; its status in $status, its output in the
# files out.txt and err.txt.
run() {
  status=0
  "$TOOL" "$@" >out.txt 2>err.txt || status=$?
}

# expect_status N: the last run ended with status N.
expect_status() {
  if [ "$status" -ne "$1" ]; then
    echo "stdout:" >&2
    cat out.txt >&2
    echo "stderr:" >&2
    cat err.txt >&2
    fail "exit status $status, expected $1"
  fi
}

# expect_error STATUS TEXT: the last run ended with STATUS, printed nothing
# on stdout, and one line on stderr that starts with the program's name and
# contains TEXT.
expect_error() {
  expect_status "$1"
  [ ! -s out.txt ] || fail "stdout not empty: $(cat out.txt)"
  lines=$(wc -l <err.txt)
  [ "$lines" -eq 1 ] || fail "stderr has $lines lines, expected 1: $(cat err.txt)"
  case "$(cat err.txt)" in
    "jpeg-artifacts: "*) ;;
    *) fail "stderr does not start with the program's name: $(cat err.txt)" ;;
  esac
  grep -F -q -e "$2" err.txt || fail "stderr lacks \"$2\": $(cat err.txt)"
}

# usage_error TEXT ARGS...: running the tool with ARGS is a usage error
# (status 2) whose message contains TEXT.
usage_error() {
  text=$1
  shift
  run "$@"
  expect_error 2 "$text"
}

# io_error TEXT ARGS...: running the tool with ARGS fails with status 1 and
# a message containing TEXT, and leaves no output.
io_error() {
  text=$1
  shift
  run "$@"
  expect_error 1 "$text"
  [ ! -e out.png ] || fail "out.png was created"
}

# expect_files DIR NAMES: DIR holds exactly NAMES (sorted, space separated):
# in particular no temporary file is left behind.
expect_files() {
  found=$(ls -A "$1" | sort | tr '\n' ' ' | sed 's/ $//')
  [ "$found" = "$2" ] || fail "$1 holds \"$found\", expected \"$2\""
}

# expect_info FILE "W H C": FILE's size and channels, as the helper reads
# them.
expect_info() {
  info=$("$HELPER" info "$1")
  [ "$info" = "$2" ] || fail "$1 is \"$info\" (width height channels), expected \"$2\""
}

# table_rows: the rows of the last run's table, without the heading.
table_rows() {
  awk '$1 ~ /^[0-9]+$/' out.txt
}

# check_table GENERATIONS: the last run printed the heading and then
# GENERATIONS rows numbered 1, 2, ... with well-formed columns.
check_table() {
  heading=$(sed -n 1p out.txt)
  [ "$heading" = "generation  quality  dx  dy  changed pixels  PSNR (dB)     SSIM   JPEG (kB)" ] \
    || fail "unexpected heading: $heading"
  rows=$(table_rows | wc -l)
  [ "$rows" -eq "$1" ] || fail "$rows rows, expected $1: $(cat out.txt)"
  table_rows | awk '
    NF != 8 { print "bad row: " $0; exit 1 }
    $1 != NR { print "row " NR " is generation " $1; exit 1 }
    $2 !~ /^[0-9]+$/ || $3 !~ /^[0-9]+$/ || $4 !~ /^[0-9]+$/ || $5 !~ /^[0-9]+$/ {
      print "bad row: " $0; exit 1 }
    $6 !~ /^([0-9]+\.[0-9][0-9]|inf)$/ { print "bad PSNR: " $0; exit 1 }
    $7 !~ /^-?[01]\.[0-9][0-9][0-9][0-9]$/ || $7 > 1 || $7 < -1 {
      print "bad SSIM: " $0; exit 1 }
    $8 !~ /^[0-9]+\.[0-9]$/ || $8 <= 0 { print "bad JPEG size: " $0; exit 1 }
  ' >awk.txt || fail "$(cat awk.txt)"
}

# jpeg_kb IMAGE QUALITY SUBSAMPLING DCT: the size in kB (1000 bytes, one
# decimal) of the file tjCompress2 writes for IMAGE.
jpeg_kb() {
  bytes=$("$HELPER" jpeg-size "$@") || fail "cli-image jpeg-size $*"
  awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1000 }'
}
