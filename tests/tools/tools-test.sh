#!/bin/sh
# tools-test.sh: the scripts of tools/ that build, one case per call:
#   tools-test.sh CASE
# with SRC (the clone) and LSAN_LEAK (lsan-leak, for lsan-options-quoted)
# in the environment.  Their lock on a build folder (tools/build-lock.sh):
# a run that finds another holding it says once which, and waits;
# run-tests.sh and run-in-gimp.sh both take it before they set up or
# compile anything, and a signal stops their wait.  No case builds
# anything: the runs waiting are stopped before the lock is free.  The
# GIMP 3 chroots' lock: setup-gimp3.sh replaces a chroot only when no
# command of in-gimp3-chroot.sh runs in it, and such a command waits for
# a replacement under way.  And LeakSanitizer's options (tools/lsan-options.sh), which must name the
# suppressions file whatever the clone's path holds.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

work=$(mktemp -d "${TMPDIR:-/tmp}/tools-test.XXXXXX")
holder_pid=
pid=
cleanup() {
  # A script under test that did not wait is stopped with its build.
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [ -n "$holder_pid" ]; then
    echo >"$work/release" &
    wait "$holder_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# hold DIR: a shell (id in $holder_pid) takes DIR's build lock as the
# scripts do, naming itself holder.sh, and keeps it until release; then
# it appends "released" to the file order, and gives the lock up.
hold() {
  mkfifo release
  SRC=$SRC sh -c '
    . "$SRC/tools/build-lock.sh"
    lock_build "$1" holder.sh
    : >locked
    read -r _ <release
    echo released >>order
    unlock_build' holder "$1" &
  holder_pid=$!
  wait_locked
}

# wait_locked: until the holder says it has its lock (the file locked).
wait_locked() {
  tries=0
  until [ -e locked ]; do
    tries=$((tries + 1))
    [ "$tries" -lt 1000 ] || fail "the holder never took the lock"
    sleep 0.01
  done
}

release() {
  echo >release
  wait "$holder_pid" || fail "the holder failed"
  holder_pid=
}

# wait_for_message PID ERR DIR WHO: the process PID says on stderr (the file
# ERR) that WHO waits for the holder; fails when it ends first or when DIR
# gets a build (meson's files) meanwhile.
wait_for_message() {
  tries=0
  until [ -s "$2" ]; do
    kill -0 "$1" 2>/dev/null || fail "$4 ended without waiting: $(cat "$2")"
    [ ! -e "$3/meson-private" ] || fail "$4 set up $3 while another run held its lock"
    tries=$((tries + 1))
    [ "$tries" -lt 3000 ] || fail "$4 said nothing in 30 s"
    sleep 0.01
  done
  # The line may be on its way.
  sleep 0.1
  [ "$(wc -l <"$2")" -eq 1 ] || fail "$4 printed: $(cat "$2")"
  case "$(cat "$2")" in
    "$4: waiting for holder.sh (process $holder_pid, since "*") to finish with $3") ;;
    *) fail "$4's message: $(cat "$2")" ;;
  esac
  [ ! -e "$3/meson-private" ] || fail "$4 set up $3 while another run held its lock"
}

# no_process_on DIR: no process but the holder has DIR open (a stopped
# script's wait for its lock is gone too).
no_process_on() {
  for fd in /proc/[0-9]*/fd/*; do
    [ "$(readlink "$fd" 2>/dev/null)" = "$1" ] || continue
    owner=${fd#/proc/}
    owner=${owner%%/*}
    [ "$owner" = "$holder_pid" ] \
      || fail "process $owner still has $1 open: $(tr '\0' ' ' <"/proc/$owner/cmdline")"
  done
}

# A second run waits for the first's lock, says so once, and takes the
# lock only once the first has given it up.
case_lock_waits() {
  hold "$work/build"
  SRC=$SRC sh -c '
    . "$SRC/tools/build-lock.sh"
    lock_build "$1" waiter.sh
    echo taken >>order
    cat "$1/.build-lock" >note
    unlock_build' waiter "$work/build" 2>err.txt &
  waiter=$!
  wait_for_message "$waiter" err.txt "$work/build" waiter.sh
  release
  wait "$waiter" || fail "the waiter failed: $(cat err.txt)"
  [ "$(cat order)" = "$(printf 'released\ntaken')" ] || fail "order: $(cat order)"
  case "$(cat note)" in
    "waiter.sh (process "*", since "*")") ;;
    *) fail "the waiter's note: $(cat note)" ;;
  esac
  [ ! -e "$work/build/.build-lock" ] || fail "the note stayed: $(cat "$work/build/.build-lock")"
}

# script_waits NAME [ARGUMENT...]: tools/NAME, with BUILD_DIR a folder
# whose lock another run holds, waits for it before it sets it up; SIGTERM
# stops it there, its wait included, and it writes nothing.
script_waits() {
  hold "$work/build"
  script=$1
  shift
  PASSES=1 BUILD_DIR=$work/build "$SRC/tools/$script" "$@" >out.txt 2>err.txt &
  pid=$!
  wait_for_message "$pid" err.txt "$work/build" "$script"
  kill -TERM "$pid"
  status=0
  wait "$pid" || status=$?
  pid=
  [ "$status" -eq 143 ] || fail "$script ended with status $status, expected 143: $(cat err.txt)"
  no_process_on "$work/build"
  release
  [ ! -e out.png ] || fail "$script wrote out.png"
}

case_run_tests_waits() {
  script_waits run-tests.sh
}

case_run_in_gimp_waits() {
  script_waits run-in-gimp.sh --output "$work/out.png"
}

# When meson test dies before writing its log, run-tests.sh's pass fails
# as one that wrote no log, and no earlier run's log (here with a test
# named stale-test, which passed) is counted instead.  meson is a stand-in
# on PATH: setup and compile do nothing, test is killed.
case_run_tests_no_log() {
  mkdir bin build build/meson-logs
  cat >bin/meson <<'STANDIN'
#!/bin/sh
case $1 in
  setup | compile) exit 0 ;;
  test) case " $* " in *" --list "*) exit 1 ;; esac; kill -KILL $$ ;;
esac
exit 2
STANDIN
  chmod +x bin/meson
  echo '{"name": "stale-test", "result": "OK", "duration": 1.0}' \
    >build/meson-logs/testlog.json
  status=0
  PATH=$work/bin:$PATH PASSES=1 BUILD_DIR=$work/build \
    "$SRC/tools/run-tests.sh" >out.txt 2>err.txt || status=$?
  [ "$status" -eq 1 ] || fail "status $status, expected 1: $(cat out.txt err.txt)"
  [ "$(tail -n 1 out.txt)" = "0 passed, 1 failed" ] \
    || fail "the tally: $(tail -n 1 out.txt)"
  grep -q -x -F "=== run-tests.sh: pass 1: every suite but gimp and dialog (pass 3 runs them): meson test wrote no log in $work/build/meson-logs (it ended before its tests' results): the pass FAILED" out.txt \
    || fail "no message on the missing log: $(cat out.txt)"
  grep -q -x -F -- "--- pass 1: every suite but gimp and dialog (pass 3 runs them): meson test wrote no log in $work/build/meson-logs" out.txt \
    || fail "the missing log is not among the failures: $(cat out.txt)"
  ! grep -q stale-test out.txt || fail "the earlier run's log was read: $(cat out.txt)"
}

# hold_chroot_lock MODE FILE [COMMAND]: a shell (id in $holder_pid) holds
# an flock (-s or -x) on FILE, as in-gimp3-chroot.sh and setup-gimp3.sh
# take it, until release; then it runs COMMAND and gives the lock up.
hold_chroot_lock() {
  mkfifo release
  flock "$1" "$2" sh -c ': >locked; read -r _ <release; eval "$1"' \
    holder "${3:-:}" &
  holder_pid=$!
  wait_locked
}

# wait_for_line PID FILE LINE: the process PID writes LINE into FILE;
# fails when it ends first.
wait_for_line() {
  tries=0
  until grep -q -x -F -- "$3" "$2" 2>/dev/null; do
    kill -0 "$1" 2>/dev/null || fail "it ended without saying '$3': $(cat "$2")"
    tries=$((tries + 1))
    [ "$tries" -lt 3000 ] || fail "no '$3' in 30 s: $(cat "$2")"
    sleep 0.01
  done
}

# setup-gimp3.sh replaces a chroot only once no command runs in it
# (in-gimp3-chroot.sh holds a shared lock on CHROOT.lock while one does):
# it says so once and waits, the old chroot whole till then.  mmdebstrap
# is a stand-in on PATH that makes a chroot of two files.
case_chroot_setup_waits() {
  mkdir bin cache
  cat >bin/mmdebstrap <<'STANDIN'
#!/bin/sh
eval "target=\${$(($# - 1))}"
mkdir -p "$target/usr/bin"
: >"$target/usr/bin/gimp-console-3.0"
: >"$target/new"
STANDIN
  chmod +x bin/mmdebstrap
  root=$work/cache/chroot-trixie
  mkdir -p "$root/usr/bin"
  : >"$root/usr/bin/gimp-console-3.0"
  : >"$root/old"
  echo another-recipe >"$root.stamp"
  hold_chroot_lock -s "$root.lock"
  PATH=$work/bin:$PATH GIMP3_CHROOT_CACHE=$work/cache \
    "$SRC/tools/setup-gimp3.sh" trixie >out.txt 2>err.txt &
  pid=$!
  wait_for_line "$pid" out.txt "setup-gimp3.sh: waiting for the commands running in $root (tools/in-gimp3-chroot.sh) to end before replacing it"
  sleep 0.2
  kill -0 "$pid" 2>/dev/null || fail "setup-gimp3.sh did not wait: $(cat out.txt err.txt)"
  [ -e "$root/old" ] || fail "the chroot was replaced while a command ran in it"
  [ -e "$root.new/new" ] || fail "no new chroot beside the old one"
  release
  status=0
  wait "$pid" || status=$?
  pid=
  [ "$status" -eq 0 ] || fail "setup-gimp3.sh ended with status $status: $(cat out.txt err.txt)"
  [ ! -e "$root/old" ] && [ -e "$root/new" ] && [ ! -e "$root.new" ] \
    || fail "the chroot was not replaced: $(ls "$work/cache" "$root")"
  [ "$(grep -c waiting out.txt)" -eq 1 ] || fail "setup-gimp3.sh printed: $(cat out.txt)"
}

# in-gimp3-chroot.sh waits while setup-gimp3.sh holds a chroot's
# exclusive lock (replacing it), and looks at the chroot only then: the
# holder removes GIMP from it before it lets go, and the command is
# refused for that.
case_chroot_command_waits() {
  root=$work/cache/chroot-trixie
  mkdir -p "$root/usr/bin"
  : >"$root/usr/bin/gimp-console-3.0"
  hold_chroot_lock -x "$root.lock" "rm '$root/usr/bin/gimp-console-3.0'"
  GIMP3_CHROOT_CACHE=$work/cache "$SRC/tools/in-gimp3-chroot.sh" trixie true \
    >out.txt 2>err.txt &
  pid=$!
  wait_for_line "$pid" err.txt "in-gimp3-chroot.sh: waiting for setup-gimp3.sh to finish replacing $root"
  sleep 0.2
  kill -0 "$pid" 2>/dev/null || fail "in-gimp3-chroot.sh did not wait: $(cat err.txt)"
  release
  status=0
  wait "$pid" || status=$?
  pid=
  [ "$status" -eq 1 ] || fail "in-gimp3-chroot.sh ended with status $status: $(cat err.txt)"
  grep -q -F "in-gimp3-chroot.sh: no GIMP 3 chroot at $root" err.txt \
    || fail "in-gimp3-chroot.sh looked at the chroot before it was made: $(cat err.txt)"
}

# LeakSanitizer reads the suppressions file export_lsan_options names in
# a folder whose name holds a single quote, a double quote, both, or
# spaces, colons and commas (which split the sanitizers' options); the
# copy made for a path with both kinds of quotes is removed by
# remove_lsan_copy.  Without the file, the leak is reported.
case_lsan_options_quoted() {
  status=0
  env -u LSAN_OPTIONS "$LSAN_LEAK" 2>err.txt || status=$?
  if [ "$status" -eq 0 ] || ! grep -q leak_on_purpose err.txt; then
    fail "lsan-leak's leak went unreported (status $status): $(cat err.txt)"
  fi
  for folder in "it's" 'say "cheese"' "both ' and \"" 'spaces, colons: and commas'; do
    mkdir -p "$work/$folder"
    echo 'leak:leak_on_purpose' >"$work/$folder/lsan.supp"
    # shellcheck source=../../tools/lsan-options.sh
    . "$SRC/tools/lsan-options.sh"
    export_lsan_options "$work/$folder/lsan.supp"
    # shellcheck disable=SC2154 # set by export_lsan_options
    copy=$lsan_copy
    status=0
    "$LSAN_LEAK" 2>err.txt || status=$?
    if [ "$status" -ne 0 ] || [ -s err.txt ]; then
      fail "with the suppressions in $work/$folder (LSAN_OPTIONS=$LSAN_OPTIONS), status $status: $(cat err.txt)"
    fi
    remove_lsan_copy
    unset LSAN_OPTIONS
    [ -z "$copy" ] || [ ! -e "$copy" ] || fail "the copy $copy stayed"
    case $folder in
      *\'*\"*) [ -n "$copy" ] || fail "no copy for $folder" ;;
    esac
  done
}

name=$(echo "$1" | tr - _)
"case_$name"
