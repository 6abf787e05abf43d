#!/bin/sh
# in-gimp3-chroot.sh: runs a command inside one of the chroots
# setup-gimp3.sh made (trixie: GIMP 3.0, forky: GIMP 3.2), in the source
# tree, which is bind-mounted into the chroot at the same path, so that a
# build folder made inside works outside too.  The chroot gets its own
# mount and PID namespaces (unshare): /proc, /sys, /dev and a private /tmp
# are mounted in it for the command only and vanish when it ends, and
# nothing of the machine's environment goes in but the terminal's
# language-neutral settings.
# Usage: in-gimp3-chroot.sh SUITE COMMAND [ARGUMENT...]
# Run it as root.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

if [ $# -lt 2 ]; then
  echo "usage: $0 SUITE COMMAND [ARGUMENT...]" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || {
    echo "in-gimp3-chroot.sh: run it as root (it mounts and chroots);" \
      "sudo is not installed" >&2
    exit 1
  }
  exec sudo -- "$0" "$@"
fi

suite=$1
shift
source_dir=$(cd "$(dirname "$0")/.." && pwd -P)
root="${GIMP3_CHROOT_CACHE:-/var/cache/gimp-jpeg-artifacts}/chroot-$suite"
# A shared lock on $root.lock for the command's whole life (fd 8, which
# every process in the namespaces inherits; they all end with the
# command): setup-gimp3.sh replaces a chroot only under the exclusive
# lock, so that it never removes one a command is running in, and a
# command started meanwhile waits for the new one.
if [ -d "${root%/*}" ]; then
  exec 8>>"$root.lock"
  if ! flock -n -s 8; then
    echo "in-gimp3-chroot.sh: waiting for setup-gimp3.sh to finish" \
      "replacing $root" >&2
    flock -s 8
  fi
fi
if ! ls "$root"/usr/bin/gimp-console-3.* >/dev/null 2>&1; then
  echo "in-gimp3-chroot.sh: no GIMP 3 chroot at $root; run" \
    "tools/setup-gimp3.sh $suite first" >&2
  exit 1
fi
mkdir -p "$root$source_dir"

# Inside the new namespaces: mounts, then the command in the chroot.
# shellcheck disable=SC2016 # expanded by the inner shell
exec unshare --mount --pid --fork --mount-proc="$root/proc" \
  sh -c '
    set -e
    root=$1 source_dir=$2
    shift 2
    mount --make-rprivate /
    mount -t sysfs sysfs "$root/sys"
    mount --rbind /dev "$root/dev"
    mount -t tmpfs tmpfs "$root/tmp"
    # A tree under /tmp needs its mount point in the private /tmp.
    mkdir -p "$root$source_dir"
    mount --bind "$source_dir" "$root$source_dir"
    exec chroot "$root" env -i HOME=/root \
      PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
      LANG=C.UTF-8 TERM="${TERM:-dumb}" \
      sh -c "cd \"\$0\" && exec \"\$@\"" "$source_dir" "$@"
  ' in-gimp3-chroot "$root" "$source_dir" "$@"
