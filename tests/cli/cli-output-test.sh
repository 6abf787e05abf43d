#!/bin/sh
# cli-output-test.sh: the command-line tool's tests on the output file, one
# case per call:
#   cli-output-test.sh CASE
# with TOOL, HELPER (cli-image), DATA and VERSION in the environment:
# replacing an existing file, failed writes and interruptions that keep the
# old one, closed or full standard streams, signals that leave no
# temporary file behind, symlinked outputs, the mode and owner the output
# keeps, and outputs that are not regular files.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu
# shellcheck source=cli-lib.sh
. "$(dirname "$0")/cli-lib.sh"

# The cases.

case_replace_output() {
  mkdir result
  echo "an old file" >result/out.png
  chmod 640 result/out.png
  old_inode=$(ls -i result/out.png | awk '{print $1}')
  run --quiet "$DATA/coins.png" result/out.png
  expect_status 0
  expect_info result/out.png "384 303 1"
  expect_files result "out.png"
  [ "$(stat -c %a result/out.png)" = 640 ] || fail "mode $(stat -c %a result/out.png), expected 640 kept"
  new_inode=$(ls -i result/out.png | awk '{print $1}')
  [ "$old_inode" != "$new_inode" ] || fail "out.png was rewritten in place, not replaced by a rename"
  # A new file gets 0666 less the umask.
  (umask 027 && "$TOOL" --quiet "$DATA/coins.png" result/new.png)
  [ "$(stat -c %a result/new.png)" = 640 ] || fail "new file mode $(stat -c %a result/new.png), expected 640"
  expect_files result "new.png out.png"
}

case_failed_write_keeps_old() {
  mkdir result
  cp "$DATA/chelsea.png" result/out.png
  cp "$DATA/chelsea.png" saved.png
  # A file-size limit of a few kilobytes makes writing the PNG fail midway.
  status=0
  (ulimit -f 8 && exec "$TOOL" "$DATA/coffee.png" result/out.png) >out.txt 2>err.txt || status=$?
  expect_status 1
  [ "$(wc -l <err.txt)" -eq 1 ] || fail "stderr: $(cat err.txt)"
  grep -q "^jpeg-artifacts: cannot write result/out.png: File too large$" err.txt \
    || fail "message: $(cat err.txt)"
  cmp -s result/out.png saved.png || fail "the old output was changed"
  expect_files result "out.png"
  # The run itself went through: the table was printed.
  check_table 1
}

case_interrupt_keeps_old() {
  mkdir result
  cp "$DATA/chelsea.png" result/out.png
  # shellcheck disable=SC2086 # the options are meant to split into words
  env --default-signal "$TOOL" $LONG_RUN "$DATA/Garden.jpg" result/out.png \
    >out.txt 2>err.txt &
  pid=$!
  sleep 1
  kill -TERM "$pid"
  status=0
  wait "$pid" || status=$?
  [ "$status" -eq 143 ] || fail "status $status, expected 143 (ended by SIGTERM)"
  cmp -s result/out.png "$DATA/chelsea.png" || fail "the old output was changed"
  expect_files result "out.png"
}

# A closed stdout is not given to the temporary file (which would put the
# table into the image): the image is the one a --quiet run writes, and
# the table's loss is said on stderr with status 0.
case_closed_stdout_keeps_image() {
  "$TOOL" --quiet --quality 20 "$DATA/coins.png" quiet.png
  : >out.txt
  status=0
  "$TOOL" --quality 20 "$DATA/coins.png" out.png >&- 2>err.txt || status=$?
  expect_status 0
  cmp -s out.png quiet.png || fail "the image differs from a --quiet run's: $("$HELPER" info out.png 2>&1)"
  [ "$(cat err.txt)" = "jpeg-artifacts: the table could not be written to the standard output (Bad file descriptor); out.png was written" ] \
    || fail "stderr: $(cat err.txt)"
  status=0
  "$TOOL" --quality 20 "$DATA/coins.png" all-closed.png <&- >&- 2>&- || status=$?
  expect_status 0
  cmp -s all-closed.png quiet.png || fail "with 0, 1 and 2 closed the image differs from a --quiet run's"
  expect_files . "all-closed.png err.txt out.png out.txt quiet.png"
}

# A reader of the table that goes away (head) does not stop the run: the
# image is written, no temporary file is left, and stderr says so.
case_sigpipe_leaves_no_temp() {
  mkdir result
  "$TOOL" --quiet --no-stop --generations 30 "$DATA/coffee.png" quiet.png
  { status=0
    "$TOOL" --no-stop --generations 30 "$DATA/coffee.png" result/out.png 2>err.txt \
      || status=$?
    echo "$status" >status.txt; } | head -2 >out.txt
  status=$(cat status.txt)
  expect_status 0
  [ "$(wc -l <out.txt)" -eq 2 ] || fail "head printed: $(cat out.txt)"
  expect_files result "out.png"
  cmp -s result/out.png quiet.png || fail "the image differs from a --quiet run's"
  [ "$(cat err.txt)" = "jpeg-artifacts: the table could not be written to the standard output (Broken pipe); result/out.png was written" ] \
    || fail "stderr: $(cat err.txt)"
}

# A second interrupt while the first cancels the run ends the process at
# once, and still removes the temporary file; OUTPUT is untouched.
case_second_interrupt_leaves_no_temp() {
  mkdir result
  cp "$DATA/chelsea.png" result/out.png
  for signal in INT TERM HUP; do
    start_long_run result/out.png
    kill -s "$signal" "$pid"
    # Signals sent at once would merge into one.
    sleep 0.1
    kill -s "$signal" "$pid"
    expect_killed_by "$signal"
    cmp -s result/out.png "$DATA/chelsea.png" || fail "SIG$signal: the old output was changed"
    expect_files result "out.png"
  done
}

# A signal ignored when the tool started (SIGINT and SIGHUP of a job
# started with nohup, or in the background of a shell without job control)
# stays ignored: the run goes on through them; one it was not given ignored
# (SIGTERM) still cancels it.
case_ignored_signals_stay_ignored() {
  mkdir result
  cp "$DATA/chelsea.png" result/out.png
  [ -e big.png ] || "$HELPER" make-png big.png rgb 3000 2000
  # shellcheck disable=SC2086 # the options are meant to split into words
  env --default-signal --ignore-signal=INT,HUP "$TOOL" $LONG_RUN \
    big.png result/out.png >out.txt 2>err.txt &
  pid=$!
  wait_for_temp result
  kill -s INT "$pid"
  kill -s HUP "$pid"
  sleep 0.5
  kill -0 "$pid" 2>/dev/null || fail "SIGINT or SIGHUP, ignored when the tool started, ended it: $(cat err.txt)"
  ls -A result | grep -q jpeg-artifacts || fail "the run's temporary file went away after the ignored signals"
  kill -s TERM "$pid"
  expect_killed_by TERM
  cmp -s result/out.png "$DATA/chelsea.png" || fail "the old output was changed"
  expect_files result "out.png"
}

# Every signal that ends a process and can be caught removes the temporary
# file, and the process ends by it.
case_signals_leave_no_temp() {
  mkdir result
  cp "$DATA/chelsea.png" result/out.png
  for signal in INT QUIT USR1 USR2 ALRM XCPU VTALRM PROF; do
    start_long_run result/out.png small
    kill -s "$signal" "$pid"
    expect_killed_by "$signal"
    cmp -s result/out.png "$DATA/chelsea.png" || fail "SIG$signal: the old output was changed"
    expect_files result "out.png"
  done
}

# SIGKILL cannot be caught: the file it leaves names the output it was for,
# and the next run is not disturbed by it.
case_killed_run_temp_named() {
  mkdir result
  cp "$DATA/chelsea.png" result/out.png
  start_long_run result/out.png
  kill -s KILL "$pid"
  expect_killed_by KILL
  left=$(ls -A result | grep -v '^out\.png$')
  case "$left" in
    .out.png.jpeg-artifacts-tmp-??????) ;;
    *) fail "the killed run left \"$left\", expected .out.png.jpeg-artifacts-tmp-XXXXXX" ;;
  esac
  cmp -s result/out.png "$DATA/chelsea.png" || fail "the old output was changed"
  run --quiet "$DATA/coins.png" result/out.png
  expect_status 0
  expect_info result/out.png "384 303 1"
  expect_files result "$left out.png"
  # A name too long for the suffix is cut so that the file can be made.
  long=$(printf '%0250d' 0).png
  run --quiet "$DATA/coins.png" "result/$long"
  expect_status 0
  expect_info "result/$long" "384 303 1"
  expect_files result "$left $long out.png"
}

# A full stdout loses the table, not the image: OUTPUT is written and the
# status is 0, with one line on stderr that names OUTPUT as written.
case_full_stdout_exit_0() {
  "$TOOL" --quiet --quality 20 "$DATA/coins.png" quiet.png
  : >out.txt
  status=0
  "$TOOL" --quality 20 "$DATA/coins.png" out.png >/dev/full 2>err.txt || status=$?
  expect_status 0
  cmp -s out.png quiet.png || fail "the image differs from a --quiet run's"
  [ "$(cat err.txt)" = "jpeg-artifacts: the table could not be written to the standard output (No space left on device); out.png was written" ] \
    || fail "stderr: $(cat err.txt)"
  # A failed run with a full stdout says only why it failed.
  status=0
  "$TOOL" --quality 20 nothere.png out2.png >/dev/full 2>err.txt || status=$?
  expect_error 1 "cannot open nothere.png"
  [ ! -e out2.png ] || fail "out2.png was created"
}

# A symbolic link as OUTPUT (through a chain of links, relative and
# absolute) updates the file it names, in that file's folder; the links
# stay links.  A dangling link makes the file it names.
case_symlink_output_updates_target() {
  mkdir real links
  cp "$DATA/chelsea.png" real/target.png
  chmod 640 real/target.png
  ln -s ../real/target.png links/first.png
  ln -s "$work/links/first.png" links/second.png
  run --quiet "$DATA/coins.png" links/second.png
  expect_status 0
  [ -L links/second.png ] && [ -L links/first.png ] || fail "a link was replaced"
  [ "$(readlink links/first.png)" = ../real/target.png ] || fail "links/first.png changed"
  expect_info real/target.png "384 303 1"
  [ "$(stat -c %a real/target.png)" = 640 ] || fail "mode $(stat -c %a real/target.png), expected 640 kept"
  expect_files real "target.png"
  expect_files links "first.png second.png"
  ln -s ../real/new.png links/dangling.png
  run --quiet "$DATA/coins.png" links/dangling.png
  expect_status 0
  [ -L links/dangling.png ] || fail "the dangling link was replaced"
  expect_info real/new.png "384 303 1"
  expect_files real "new.png target.png"
  ln -s loop-b.png links/loop-a.png
  ln -s loop-a.png links/loop-b.png
  io_error "cannot write links/loop-a.png: Too many levels of symbolic links" \
    "$DATA/coins.png" links/loop-a.png
}

# The replaced file keeps its permission bits but never setuid, setgid or
# sticky.
case_output_mode_no_setuid() {
  echo "an old file" >out.png
  chmod 4755 out.png
  run --quiet "$DATA/coins.png" out.png
  expect_status 0
  [ "$(stat -c %a out.png)" = 755 ] || fail "mode $(stat -c %a out.png), expected 755"
  chmod 7664 out.png
  run --quiet "$DATA/coins.png" out.png
  expect_status 0
  [ "$(stat -c %a out.png)" = 664 ] || fail "mode $(stat -c %a out.png), expected 664"
}

# The replaced file keeps its owner and group (when the tool runs as root,
# as someone else's files are replaced by an administrator).
case_output_owner_kept() {
  echo "an old file" >out.png
  if [ "$(id -u)" -eq 0 ]; then
    chown nobody:nogroup out.png
  fi
  owner=$(stat -c %U:%G out.png)
  run --quiet "$DATA/coins.png" out.png
  expect_status 0
  expect_info out.png "384 303 1"
  [ "$(stat -c %U:%G out.png)" = "$owner" ] || fail "owner $(stat -c %U:%G out.png), expected $owner"
}

# An OUTPUT that exists and is not a regular file (a FIFO, a device, a link
# to one) is refused with a message naming it, before any work (no table),
# and is left as it was.
case_output_not_regular_refused() {
  mkfifo fifo.png
  io_error "cannot write fifo.png: it is not a regular file" "$DATA/coins.png" fifo.png
  [ -p fifo.png ] || fail "fifo.png is no longer a FIFO"
  ln -s /dev/full full.png
  io_error "cannot write full.png: it links to /dev/full, which is not a regular file" \
    "$DATA/coins.png" full.png
  [ "$(readlink full.png)" = /dev/full ] || fail "full.png is no longer a link to /dev/full"
  [ -c /dev/full ] || fail "/dev/full is no longer a device"
  expect_files . "err.txt fifo.png full.png out.txt"
}

name=$(echo "${1:?usage: cli-output-test.sh CASE}" | tr - _)
"case_$name"
echo "ok: $1"
