# cli-lib.sh: what the command-line tool's test scripts (cli-test.sh,
# cli-output-test.sh, cli-format-test.sh, cli-options-test.sh,
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
# The user's presets (GIMP's folder) of this case only.
GIMP2_DIRECTORY="$work/gimp"
export GIMP2_DIRECTORY

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

# check_table GENERATIONS: the last run printed the heading (after the line
# on the schedule, when there is one) and then GENERATIONS rows numbered 1,
# 2, ... with well-formed columns.
check_table() {
  heading=$(grep -v '^the schedule has ' out.txt | sed -n 1p)
  [ "$heading" = "generation  quality  dx  dy  changed pixels  PSNR (dB)     SSIM   JPEG (kB)  optimized (kB)  progressive (kB)" ] \
    || fail "unexpected heading: $heading"
  rows=$(table_rows | wc -l)
  [ "$rows" -eq "$1" ] || fail "$rows rows, expected $1: $(cat out.txt)"
  table_rows | awk '
    NF != 10 { print "bad row: " $0; exit 1 }
    $1 != NR { print "row " NR " is generation " $1; exit 1 }
    $2 !~ /^[0-9]+$/ || $3 !~ /^[0-9]+$/ || $4 !~ /^[0-9]+$/ || $5 !~ /^[0-9]+$/ {
      print "bad row: " $0; exit 1 }
    $6 !~ /^([0-9]+\.[0-9][0-9]|inf)$/ { print "bad PSNR: " $0; exit 1 }
    $7 !~ /^-?[01]\.[0-9][0-9][0-9][0-9]$/ || $7 > 1 || $7 < -1 {
      print "bad SSIM: " $0; exit 1 }
    $8 !~ /^[0-9]+\.[0-9]$/ || $8 <= 0 { print "bad JPEG size: " $0; exit 1 }
    $9 !~ /^[0-9]+\.[0-9]$/ || $9 <= 0 || $9 > $8 { print "bad optimized size: " $0; exit 1 }
    $10 !~ /^[0-9]+\.[0-9]$/ || $10 <= 0 { print "bad progressive size: " $0; exit 1 }
  ' >awk.txt || fail "$(cat awk.txt)"
}

# wait_for_temp DIR: waits (at most 20 s) until the tool's temporary file
# is in DIR.
wait_for_temp() {
  tries=0
  until ls -A "$1" | grep -q jpeg-artifacts; do
    tries=$((tries + 1))
    [ "$tries" -le 200 ] || fail "no temporary file appeared in $1"
    sleep 0.1
  done
}

# LONG_RUN: the options of a run that takes minutes on a large image: the
# quality jitter and the grid drift change every generation, so that each
# costs its round trip and its row of the table (statistics of the whole
# image) however fast the codec is; without them a run converges and
# --no-stop's later generations, which change nothing, cost nothing.
LONG_RUN="--no-stop --generations 1000 --quality-jitter 10 --grid-drift 4"

# start_long_run OUTPUT [small]: starts, in the background with every
# signal at its default (as from a terminal: a shell gives a background job
# SIGINT and SIGQUIT ignored, and a test run under nohup, as CI may be, has
# SIGHUP ignored; the tool keeps a signal it was given ignored), a LONG_RUN
# on a large image (long enough for two signals to come during one
# generation), and waits until its temporary file is there; its id in
# $pid.  With "small", on a 1000 x 700 image: still minutes of
# generations, for a case that sends one signal and has no need of long
# ones (the 6 MP image's reading and first generation are most of a run
# that is cancelled at once, under AddressSanitizer seconds each).
start_long_run() {
  image=big.png width=3000 height=2000
  if [ "${2:-}" = small ]; then
    image=small.png width=1000 height=700
  fi
  [ -e "$image" ] || "$HELPER" make-png "$image" rgb "$width" "$height"
  # shellcheck disable=SC2086 # the options are meant to split into words
  env --default-signal "$TOOL" $LONG_RUN \
    "$image" "$1" >out.txt 2>err.txt &
  pid=$!
  wait_for_temp "$(dirname "$1")"
}

# expect_killed_by SIGNAL: the process $pid ended by SIGNAL (a name such as
# TERM).
expect_killed_by() {
  status=0
  wait "$pid" || status=$?
  [ "$status" -gt 128 ] && [ "$(kill -l $((status - 128)))" = "$1" ] \
    || fail "status $status, expected death by SIG$1: $(cat err.txt)"
}

# jpeg_kb IMAGE QUALITY SUBSAMPLING DCT [CODING]: the size in kB (1000
# bytes, one decimal) of the file tjCompress2 writes for IMAGE (CODING
# standard, optimized or progressive).
jpeg_kb() {
  bytes=$("$HELPER" jpeg-size "$@") || fail "cli-image jpeg-size $*"
  awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1000 }'
}
