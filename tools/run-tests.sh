#!/bin/sh
# run-tests.sh: every test the project has, in five passes, each a meson
# test run over a build of its own:
#   1. ./build (or $BUILD_DIR), the normal build (gcc): every suite but
#      gimp and dialog;
#   2. the codec's quick tests, the fuzz corpus, a photo and the params
#      suite again, under valgrind (memcheck: no invalid access, no leak);
#   3. ./build-sanitize (or $SANITIZE_DIR), clang with AddressSanitizer and
#      UndefinedBehaviorSanitizer and the libFuzzer target: every suite
#      (less the forced-kernel-path re-runs of the codec tests, which the
#      fuzzer covers, the GEGL operation's, which pass 1 runs, and the
#      suites arithmetic, big-photo and photo-repeats), and a bounded
#      minute of fuzzing; passes 2 and 3 compare the codec's statistics at
#      generations 1 and 2 and run the photo tests at two qualities, where
#      pass 1 checks every generation and quality (see the passes below);
#   4. GIMP 3.0 in the Debian 13 (trixie) chroot and
#   5. GIMP 3.2 in the forky chroot that tools/setup-gimp3.sh makes (and
#      keeps between runs; made during passes 1 to 3): what the gimp3 suite
#      needs of the tree built inside with -Dgimp=3 in
#      ./build-gimp3.0 and ./build-gimp3.2, and its suite gimp3 (the
#      plug-in in GIMP 3 in batch mode and its dialog under Xvfb).
# The suites that start GIMP or the dialog under Xvfb (gimp, dialog) run in
# pass 3 only, with the sanitized plug-in and harness.  It ends with one
# line "N passed, N failed" over all five; the exit status is 0 only when
# every pass passed; each pass, and the whole run, says how long it took
# ("=== run-tests.sh: pass N took S s", with its builds).  README's test
# command and CI run this after setup-debian.sh.  QUICK=1 runs pass 1
# only, with every suite; PASSES="4 5" (any of 1 to 5) runs only the
# passes it names.  Ctrl-C,
# SIGTERM or SIGHUP stops it at once, with the step it was running and the
# chroots' making, and leaves no temporary file.  A build folder is used by
# one run at a time (tools/build-lock.sh): a run that finds another
# run-tests.sh or run-in-gimp.sh in it says which, once, and waits.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

case "${1:-}" in
  -h|--help) sed -n '2,/^# Copyright/{/^# Copyright/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
  ?*) echo "run-tests.sh: no arguments but --help, not $1" >&2; exit 2 ;;
esac
for pass in ${PASSES:-}; do
  case $pass in
    [1-5]) ;;
    *) echo "run-tests.sh: PASSES names passes 1 to 5 with spaces between," \
         "not '$PASSES'" >&2; exit 2 ;;
  esac
done

# A relative BUILD_DIR or SANITIZE_DIR names a folder in the caller's
# folder, as for run-in-gimp.sh; the script works in its clone's (found
# through a link to the script too).
build=${BUILD_DIR:-build}
sanitize=${SANITIZE_DIR:-build-sanitize}
case ${BUILD_DIR:-/} in /*) ;; *) build=$(pwd)/$build ;; esac
case ${SANITIZE_DIR:-/} in /*) ;; *) sanitize=$(pwd)/$sanitize ;; esac
cd "$(dirname -- "$(readlink -f -- "$0")")/.."
# One run at a time in a build folder (lock_build), with run-in-gimp.sh's.
. tools/build-lock.sh
# LeakSanitizer's options (export_lsan_options).
. tools/lsan-options.sh

# The temporary files (the failures' report, the chroots' log) are removed
# however the script ends: at its end, on a failed step (set -e), or on
# Ctrl-C, SIGTERM or SIGHUP, which also stop the step then running and the
# GIMP 3 chroots' making (mmdebstrap takes down its mounts on SIGTERM).
failures=$(mktemp)
chroots_log=
chroots_pid=
step_pid=

# tree PID: PID and the processes below it, parents first.
# shellcheck disable=SC2317 # cleanup calls it, from the EXIT trap
tree ()
{
  echo "$1"
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    tree "$child"
  done
}

# stop PID: sends SIGTERM to PID, a child of the script, and to every
# process below it (the GIMP 3 passes' unshare holds SIGTERM for the
# processes in its namespace, meson compile for its ninja, setup-gimp3.sh
# for its mmdebstrap), and waits up to a minute for them to end.
# shellcheck disable=SC2317 # cleanup calls it, from the EXIT trap
stop ()
{
  pids=$(tree "$1")
  # shellcheck disable=SC2086 # one PID a word
  kill $pids 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  tries=0
  # shellcheck disable=SC2086
  while [ $tries -lt 300 ] \
        && ps -o stat= -p "$(echo $pids | tr ' ' ,)" | grep -qv '^Z'; do
    sleep 0.2
    tries=$((tries + 1))
  done
}

# shellcheck disable=SC2317 # the EXIT trap calls it
cleanup ()
{
  [ -z "$step_pid" ] || stop "$step_pid"
  [ -z "$chroots_pid" ] || stop "$chroots_pid"
  [ -z "$build_lock_wait" ] || stop "$build_lock_wait"
  unlock_build
  remove_lsan_copy
  rm -f "$failures" ${chroots_log:+"$chroots_log"}
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# step COMMAND [ARGUMENT...]: runs COMMAND and returns its status.  It runs
# in the background, waited for: the shell would hold a signal's trap
# until a command in the foreground ends, which can take minutes.  The
# build folder's lock stays the script's (a process a test leaves running
# must not keep it).
step ()
{
  "$@" 9<&- &
  step_pid=$!
  step_status=0
  wait "$step_pid" || step_status=$?
  step_pid=
  return "$step_status"
}

# configure DIR [meson options]: sets up DIR, or reconfigures it.
configure ()
{
  dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    step meson setup --reconfigure "$dir" "$@"
  else
    step meson setup "$dir" "$@"
  fi
  step meson compile -C "$dir"
}

passed=0
failed=0
status=0
run_start=$(date +%s)

# took WHAT START: prints how long WHAT took since START (date +%s).
took ()
{
  echo "=== run-tests.sh: $1 took $(( $(date +%s) - $2 )) s"
}

# tally DIR PASS: adds the results of DIR's last meson test run (its
# newest testlog*.json: a --wrap run writes testlog-WRAPPER.json; the
# passes remove the older ones first) to the counts, and the name of each
# test that did not pass, with the last lines it printed, to $failures:
# printed again at the very end, where a CI log cut to its tail still
# shows what failed.  A run that wrote no log (meson test died before) is
# one failure, said as such.
tally ()
{
  log=$(ls -t "$1"/meson-logs/testlog*.json 2>/dev/null | head -n 1)
  if [ -z "$log" ]; then
    echo "=== run-tests.sh: $2: meson test wrote no log in $1/meson-logs" \
      "(it ended before its tests' results): the pass FAILED"
    echo "--- $2: meson test wrote no log in $1/meson-logs" >>"$failures"
    failed=$((failed + 1))
    status=1
    return
  fi
  counts=$(python3 - "$log" "$2" "$failures" <<'EOF'
import json, sys
ok = bad = 0
with open(sys.argv[1]) as log, open(sys.argv[3], "a") as failures:
    for line in log:
        test = json.loads(line)
        if test["result"] in ("OK", "EXPECTEDFAIL", "SKIP"):
            ok += 1
            continue
        bad += 1
        failures.write("--- %s: %s: %s (%.1f s)\n"
                       % (sys.argv[2], test["name"], test["result"],
                          test.get("duration", 0)))
        output = (test.get("stdout") or "") + (test.get("stderr") or "")
        for text in output.splitlines()[-25:]:
            failures.write("    %s\n" % text[:300])
print(ok, bad)
EOF
  )
  passed=$((passed + ${counts% *}))
  failed=$((failed + ${counts#* }))
}

# run_pass NAME DIR [meson test options]: one pass; its failure is
# remembered, and the passes after it still run.
run_pass ()
{
  name=$1
  dir=$2
  shift 2
  echo "=== run-tests.sh: $name"
  # Only this run's log is tallied, or none.
  rm -f "$dir"/meson-logs/testlog*.json
  if step meson test -C "$dir" --print-errorlogs --num-processes 2 "$@"; then
    echo "=== run-tests.sh: $name passed"
  else
    echo "=== run-tests.sh: $name FAILED"
    status=1
  fi
  tally "$dir" "$name"
}

# wanted N: whether pass N runs (QUICK=1: pass 1 only; PASSES: those named).
wanted ()
{
  if [ "${QUICK:-0}" = 1 ]; then
    [ "$1" = 1 ]
  else
    case " ${PASSES:-1 2 3 4 5} " in
      *" $1 "*) return 0 ;;
      *) return 1 ;;
    esac
  fi
}

# writable DIR WHAT: DIR, or the folder it is to be made in, can be
# written; else the script stops, saying so, WHAT and what to change.
writable ()
{
  folder=$1
  while [ ! -e "$folder" ]; do
    folder=$(dirname -- "$folder")
  done
  if [ ! -d "$folder" ] || [ ! -w "$folder" ]; then
    echo "run-tests.sh: cannot write in $(cd -- "$folder" && pwd), where $2" >&2
    exit 2
  fi
}
if wanted 1 || wanted 2; then
  writable "$build" "pass 1 builds; set BUILD_DIR to a folder you can write in"
fi
if wanted 3; then
  writable "$sanitize" \
    "pass 3 builds; set SANITIZE_DIR to a folder you can write in"
fi
if wanted 4 || wanted 5; then
  writable build-gimp3.0 "passes 4 and 5 build (in the clone, which their \
chroots see); clone it where you can write, or run PASSES=\"1 2 3\""
fi

# The GIMP 3 chroots (made once, then kept) are made while passes 1 to 3
# run: most of their making is downloading and unpacking.
if wanted 4 || wanted 5; then
  chroots_log=$(mktemp)
  tools/setup-gimp3.sh trixie forky > "$chroots_log" 2>&1 &
  chroots_pid=$!
fi

# Pass 1's time holds the build it shares with pass 2 (pass 2's, with
# PASSES=2).
pass_start=$(date +%s)
if wanted 1 || wanted 2; then
  lock_build "$build" run-tests.sh
  configure "$build"
fi
if [ "${QUICK:-0}" = 1 ]; then
  run_pass "pass 1: every suite" "$build"
elif wanted 1; then
  # GIMP and the dialog run once, in pass 3, where the plug-in and the
  # dialog harness are the sanitized build's: starting GIMP is most of
  # their time, and twice would take the suite well past a quarter hour.
  run_pass "pass 1: every suite but gimp and dialog (pass 3 runs them)" \
    "$build" --no-suite gimp --no-suite dialog
  # The GEGL operation is loaded into GIMP's own process, which cannot load
  # a module built with AddressSanitizer: its test in GIMP 2.10's GEGL tool
  # runs here, with this build's module, and not in pass 3.
  if meson test -C "$build" --list gimp-gegl-tool >/dev/null 2>&1; then
    run_pass "pass 1: the GEGL operation in GIMP 2.10's GEGL tool" \
      "$build" gimp-gegl-tool
  fi
fi
if wanted 1; then
  took "pass 1" "$pass_start"
  pass_start=$(date +%s)
fi

if wanted 2; then
  # The codec's tests that take seconds natively take minutes under
  # valgrind; these cover the API, bad parameters, cancel, strides, failed
  # allocations, every mode (the fuzz corpus) and a photo.  libjpeg-turbo,
  # the tests' oracle, runs its plain C code here (JSIMD_FORCENONE):
  # valgrind cannot follow its SIMD Huffman and IDCT code and reports the
  # values it leaves as uninitialised; these tests meet no block where the
  # two paths differ (the C IDCT wraps what the SIMD one saturates).
  # The shared middle layer's unit tests (suite params) run here too.
  # The codec computes its statistics at every generation in these passes
  # too, but the tests compare them with whole-image computations (three
  # re-encodes and an SSIM a generation) at generations 1 and 2 only;
  # pass 1 compares every generation.  The photo tests run the lowest and
  # highest of their qualities (JART_TEST_QUALITIES=ends), every mode and
  # DCT at every generation; pass 1 runs every quality.  api-basics runs
  # its 40 runs of every thread count and mode with 2 generations, not 6
  # (JART_TEST_THREAD_GENERATIONS): a first one and one from its output,
  # in 61 s instead of 131 s here.
  export JART_TEST_STATISTICS=first-two
  export JART_TEST_QUALITIES=ends
  export JART_TEST_THREAD_GENERATIONS=2
  export JSIMD_FORCENONE=1
  params_tests=$(meson test -C "$build" --list --suite params 2>/dev/null \
    | sed -n 's|^.* / ||p')
  # shellcheck disable=SC2086 # the names are meant to split into words
  run_pass "pass 2: valgrind" "$build" \
    --wrap="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --trace-children=yes --quiet" \
    --timeout-multiplier 10 \
    api-basics bad-parameters cancel run-in-dst stride-and-in-place no-memory \
    fuzz-corpus-replay photos-coins-islow $params_tests
  unset JSIMD_FORCENONE JART_TEST_STATISTICS JART_TEST_QUALITIES \
    JART_TEST_THREAD_GENERATIONS
  took "pass 2" "$pass_start"
fi

if wanted 3; then
  pass_start=$(date +%s)
  # LeakSanitizer on, except for fontconfig's life-long cache
  # (tests/lsan.supp); the plug-in and the dialog harness inherit it.
  lock_build "$sanitize" run-tests.sh
  export CC=clang
  configure "$sanitize" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dfuzzing=true
  unset CC
  # The path quoted: the sanitizers split their options at spaces (a
  # path with quotes is taken care of too: see lsan-options.sh).
  export_lsan_options "$(pwd)/tests/lsan.supp"
  # Undefined behaviour stops the process, so that the test fails whatever
  # it checks (by default UBSan reports and goes on).
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  # Every suite but the re-runs with a forced kernel path and thread count
  # (suite kernel-paths), which the fuzzer covers here: it draws the path
  # and the thread count from its input; and but the GEGL operation's
  # (suite gegl, pass 1 runs it): the gegl program and GIMP load the module
  # into their own processes, which have no AddressSanitizer runtime.
  # Left out too: the sweeps whose worth is their arithmetic (suite
  # arithmetic: all 100 qualities, and every size with the fast and float
  # DCTs and GIMP's decoding; every size and mode with the accurate DCT
  # runs, and the photos, drift schedules and jpeg-size's sizes run every
  # DCT and decoder), the biggest photo (suite big-photo: the smaller
  # photos meet its code paths) and the coffee photo's tests with a DCT the
  # chelsea photo's run too (suite photo-repeats), so that the suite stays
  # under half an hour on a 2-core machine half as fast as the one it was
  # first timed on.
  # Statistics compared at generations 1 and 2 only, and the photo tests
  # (photos-*, jpeg-size-photo-*) at the lowest and the highest of their
  # qualities, as in pass 2: the sanitizers' job is memory safety and
  # undefined behaviour, which the same code paths (every mode, DCT,
  # decoder, generation and image size still) meet at any quality; the
  # exactness at every quality and generation is pass 1's.
  export JART_TEST_STATISTICS=first-two
  export JART_TEST_QUALITIES=ends
  run_pass "pass 3: AddressSanitizer and UndefinedBehaviorSanitizer, fuzzing" \
    "$sanitize" --timeout-multiplier 4 --no-suite kernel-paths \
    --no-suite gegl --no-suite arithmetic --no-suite big-photo \
    --no-suite photo-repeats
  unset JART_TEST_STATISTICS JART_TEST_QUALITIES
  took "pass 3" "$pass_start"
fi

# gimp3_pass NUMBER SERIES SUITE: GIMP SERIES (3.0, 3.2) in the chroot of
# the Debian SUITE: what the gimp3 suite runs (the plug-in, the tool, the
# libjpeg helper, the catalogues) built there, and the suite run.
gimp3_pass ()
{
  number=$1
  series=$2
  suite=$3
  dir=build-gimp$series
  start=$(date +%s)
  echo "=== run-tests.sh: pass $number: GIMP $series ($suite)"
  lock_build "$dir" run-tests.sh
  rm -f "$dir"/meson-logs/testlog*.json
  if step tools/in-gimp3-chroot.sh "$suite" sh -c '
       dir=$1
       if [ -f "$dir/build.ninja" ]; then
         meson setup --reconfigure "$dir" -Dgimp=3
       else
         meson setup "$dir" -Dgimp=3
       fi &&
       meson compile -C "$dir" plugin/gimp-jpeg-artifacts:executable \
         cli/jpeg-artifacts:executable tests/gimp3/jpeg-resave:executable \
         gegl/jpeg-artifacts:shared_module \
         po/gimp-jpeg-artifacts-gmo:alias &&
       meson test -C "$dir" --no-rebuild --suite gimp3 --print-errorlogs \
         --num-processes 2
     ' gimp3-pass "$dir"; then
    echo "=== run-tests.sh: pass $number: GIMP $series ($suite) passed"
  else
    echo "=== run-tests.sh: pass $number: GIMP $series ($suite) FAILED"
    status=1
  fi
  tally "$dir" "pass $number: GIMP $series"
  took "pass $number" "$start"
}

if [ -n "$chroots_pid" ]; then
  echo "=== run-tests.sh: the GIMP 3 chroots"
  wait_start=$(date +%s)
  if wait "$chroots_pid"; then
    cat "$chroots_log"
  else
    cat "$chroots_log"
    echo "=== run-tests.sh: making the GIMP 3 chroots FAILED"
    status=1
  fi
  chroots_pid=
  took "waiting for the GIMP 3 chroots" "$wait_start"
fi
if wanted 4; then
  gimp3_pass 4 3.0 trixie
fi
if wanted 5; then
  gimp3_pass 5 3.2 forky
fi

if [ -s "$failures" ]; then
  echo "=== run-tests.sh: the tests that failed, each with the end of its output"
  cat "$failures"
fi
took "the whole run" "$run_start"
echo "$passed passed, $failed failed"
exit $status
