#!/bin/sh
# run-fuzz.sh FUZZER REPLAY WORKDIR REGRESSIONS SECONDS: a bounded libFuzzer
# run.  The corpus starts from the seeds REPLAY writes and the kept
# regressions; the fuzzer runs SECONDS in one job and fails on the first
# input that crashes or fails a check, which it leaves in WORKDIR/artifacts
# (copy it into tests/fuzz/regressions/ with the fix).
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

fuzzer=$1 replay=$2 work=$3 regressions=$4 seconds=$5
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
"$replay" --write-seeds "$work/corpus" >/dev/null
for f in "$regressions"/*; do
  case $f in *.md) ;; *) cp "$f" "$work/corpus/" ;; esac
done
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
  -max_len=4096 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/corpus" >"$work/fuzz.log" 2>&1 \
  || status=$?
grep -E "^(stat::|Done |INFO: (Seed|Loaded)|==[0-9]+==|SUMMARY)" "$work/fuzz.log" | tail -n 40
[ "$status" -eq 0 ] || tail -n 60 "$work/fuzz.log"
if [ -n "$(ls -A "$work/artifacts")" ]; then
  echo "FAIL: the fuzzer kept failing inputs in $work/artifacts:"
  ls -l "$work/artifacts"
  exit 1
fi
echo "fuzz-codec: $seconds s without a failure"
exit $status
