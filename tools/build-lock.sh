# build-lock.sh: one run at a time in a build folder, for the scripts that
# build in one (run-tests.sh, run-in-gimp.sh), which source it: two of them
# started in one clone (or two run-tests.sh) would otherwise set up and
# compile the same folder at once, or test a build the other is
# rewriting.  The lock is an flock on the build folder itself (made when
# missing), held on file descriptor 9, which the scripts close for what
# they start (a process left running by a test must not keep it).  The
# run that holds it writes who it is in the folder's .build-lock, which a
# run that has to wait names in its one line on stderr.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

# shellcheck shell=sh

# The folder whose lock the script holds, and the flock waiting for one
# (for the script's signal traps to stop), or empty.
build_lock_dir=
build_lock_wait=

# unlock_build: gives up the lock the script holds, if any.
unlock_build ()
{
  if [ -n "$build_lock_dir" ]; then
    rm -f -- "$build_lock_dir/.build-lock"
    exec 9<&-
    build_lock_dir=
  fi
}

# lock_build DIR WHO: holds DIR's lock (giving up the one held before,
# so that a script never holds two and two scripts cannot wait for each
# other), WHO naming the script in its messages.  When another run holds
# it, one line on stderr says which and that this one waits, then it
# waits (in the background, so that the script's traps still act on a
# signal; they stop $build_lock_wait).
lock_build ()
{
  unlock_build
  mkdir -p -- "$1"
  exec 9<"$1"
  if ! flock -n 9; then
    holder=$(cat -- "$1/.build-lock" 2>/dev/null || true)
    echo "$2: waiting for ${holder:-another run} to finish with" \
      "$(cd -- "$1" && pwd)" >&2
    flock 9 &
    build_lock_wait=$!
    wait "$build_lock_wait"
    build_lock_wait=
  fi
  build_lock_dir=$1
  echo "$2 (process $$, since $(date '+%Y-%m-%d %H:%M:%S'))" \
    >"$1/.build-lock"
}
