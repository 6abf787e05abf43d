#!/bin/sh
# setup-gimp3.sh: makes the two Debian chroots the GIMP 3 tests run in:
# trixie (GIMP 3.0) and forky (GIMP 3.2), each with GIMP, libgimp-3.0-dev,
# the build tools and what the batch and dialog tests use (Python-Fu, Xvfb,
# D-Bus, AT-SPI, xdotool, ImageMagick, the de_DE.UTF-8 locale).
# The packages come from the Debian mirror this machine's apt is configured
# with (read from /etc/apt/sources.list.d/debian.sources or
# /etc/apt/sources.list).  The chroots are kept between runs outside the
# clone, in $GIMP3_CHROOT_CACHE (default /var/cache/gimp-jpeg-artifacts),
# and made again only when their recipe (suite, mirror, packages, options)
# changes: each keeps the recipe's hash in a stamp file.
# Usage: setup-gimp3.sh [SUITE...]   (default: trixie forky)
# Called by run-tests.sh, in the background while its passes 1 to 3 run
# (most of the making is downloading and unpacking); run it as root.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

case "${1:-}" in
  -h|--help) sed -n '2,/^# Copyright/{/^# Copyright/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
  -*) echo "setup-gimp3.sh: unknown option $1 (a SUITE is a Debian" \
        "release's name, such as trixie)" >&2; exit 2 ;;
esac

if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || {
    echo "setup-gimp3.sh: run it as root (mmdebstrap makes the chroots" \
      "as root); sudo is not installed" >&2
    exit 1
  }
  exec sudo -- "$0" "$@"
fi

cache="${GIMP3_CHROOT_CACHE:-/var/cache/gimp-jpeg-artifacts}"
[ $# -gt 0 ] || set -- trixie forky

if ! command -v mmdebstrap >/dev/null 2>&1; then
  echo "setup-gimp3.sh: installing mmdebstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    mmdebstrap
fi

# The first Debian mirror apt uses for the main archive (not security).
mirror=""
if [ -r /etc/apt/sources.list.d/debian.sources ]; then
  mirror=$(awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }' \
    /etc/apt/sources.list.d/debian.sources)
fi
if [ -z "$mirror" ] && [ -r /etc/apt/sources.list ]; then
  mirror=$(awk '$1 == "deb" && $0 !~ /security/ {
                  for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; exit } }' \
    /etc/apt/sources.list)
fi
if [ -z "$mirror" ]; then
  echo "setup-gimp3.sh: no Debian mirror found in /etc/apt" >&2
  exit 1
fi

# Everything the build (meson, the tool, the plug-in, the dialog) and the
# tests (Python-Fu batch runs, the dialog under Xvfb through AT-SPI and
# xdotool, screenshots, German) need inside the chroot.
packages="gimp libgimp-3.0-dev gir1.2-gimp-3.0 python3 python3-gi
meson ninja-build gcc libc6-dev pkgconf gettext
libpng-dev libturbojpeg0-dev libjpeg62-turbo-dev libgtk-3-dev
xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0
xdotool imagemagick locales"

# Documentation, manual pages and translations other than German are not
# needed: leaving them out saves about a third of the space.
excludes="/usr/share/doc/* /usr/share/man/* /usr/share/info/*
/usr/share/help/* /usr/share/gtk-doc/* /usr/share/locale/*"
includes="/usr/share/locale/de/* /usr/share/locale/locale.alias"

# Options both the chroot's making and apt inside it use: the mirror's
# trixie and forky Release files may be past their Valid-Until date.
aptopts='Acquire::Check-Valid-Until "false";
APT::Install-Recommends "false";'

make_chroot () {
  suite=$1
  root="$cache/chroot-$suite"
  recipe=$(printf '%s\n' "suite $suite" "mirror $mirror" "$packages" \
    "$excludes" "$includes" "$aptopts" "locale de_DE.UTF-8" | sha256sum \
    | cut -d' ' -f1)
  if [ -f "$root.stamp" ] && [ "$(cat "$root.stamp")" = "$recipe" ] \
     && ls "$root"/usr/bin/gimp-console-3.* >/dev/null 2>&1; then
    echo "setup-gimp3.sh: $root is up to date"
    return 0
  fi
  echo "setup-gimp3.sh: making $root ($suite from $mirror)"
  start=$(date +%s)
  # Never into a mount point (a mount a killed mmdebstrap left there).
  rm -rf --one-file-system "$root.new" "$root.stamp"
  set --
  # The patterns are dpkg's, not the shell's: no pathname expansion.
  set -f
  for p in $excludes; do set -- "$@" "--dpkgopt=path-exclude=$p"; done
  for p in $includes; do set -- "$@" "--dpkgopt=path-include=$p"; done
  set +f
  # A German locale: gettext ignores LANGUAGE in the C locale.
  # mmdebstrap runs in a mount namespace of its own: the mounts it makes in
  # the chroot (/proc, /sys, /dev/pts, and the machine's /dev/shm bound
  # there) go with it also when SIGKILL or a crash ends it half-way (on
  # SIGTERM it unmounts them itself), where they stayed, and the next
  # run's rm -rf of the half-made chroot would have emptied the machine's
  # /dev/shm.
  unshare --mount -- mmdebstrap --mode=root --variant=apt \
    --aptopt="$aptopts" "$@" \
    --include="$(echo $packages | tr ' ' ',')" \
    --customize-hook='chroot "$1" localedef -i de_DE -f UTF-8 de_DE.UTF-8' \
    "$suite" "$root.new" "$mirror" 9<&- 6>&-
  # Not under a command running in the old chroot: in-gimp3-chroot.sh
  # holds a shared lock on $root.lock while its command runs (passes 4
  # and 5 of another run-tests.sh, or a run by hand); the old chroot goes
  # once they have ended, and a new command waits for the new one.
  exec 7>>"$root.lock"
  if ! flock -n -x 7; then
    echo "setup-gimp3.sh: waiting for the commands running in $root" \
      "(tools/in-gimp3-chroot.sh) to end before replacing it" >&6
    flock -x 7
  fi
  rm -rf --one-file-system "$root"
  mv "$root.new" "$root"
  echo "$recipe" > "$root.stamp"
  exec 7>&-
  echo "setup-gimp3.sh: $root made in $(( $(date +%s) - start )) s," \
    "$(du -sh "$root" | cut -f1)"
}

# The suites are made side by side: most of the time goes to downloading
# and unpacking, which two at once share well on a small machine.  Each
# one's output goes to its log, shown when it ends.
mkdir -p "$cache"
# One run at a time per cache: two (two run-tests.sh, or one and a run by
# hand) would make the same chroot in the same folder, the second
# removing what the first is making.  An flock on the cache folder, which
# every process of this script holds (fd 9) until the last one ends;
# mmdebstrap does not get it, so that no process it leaves running can
# keep the lock.
exec 9<"$cache"
if ! flock -n 9; then
  echo "setup-gimp3.sh: waiting for another setup-gimp3.sh making chroots" \
    "in $cache"
  flock 9
fi
# The script's own output (fd 6) for what a user must see at once: a
# wait (make_chroot's output goes to its log, shown when it ends).
exec 6>&1
pids=""
for suite in "$@"; do
  make_chroot "$suite" > "$cache/chroot-$suite.log" 2>&1 &
  pids="$pids $!:$suite"
done
status=0
for entry in $pids; do
  if wait "${entry%%:*}"; then
    grep '^setup-gimp3.sh' "$cache/chroot-${entry#*:}.log"
  else
    echo "setup-gimp3.sh: making the ${entry#*:} chroot failed:" >&2
    tail -n 40 "$cache/chroot-${entry#*:}.log" >&2
    status=1
  fi
done
exit $status
